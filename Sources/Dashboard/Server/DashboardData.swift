import Collector
import Foundation
import Store

/// The dashboard's reads: the store's queries, the run folders' manifests and logos. Never writes.
struct DashboardData: Sendable {
    let store: any RunStore
    let configuration: DashboardConfiguration

    /// How many recent runs are consulted for the convert currencies and the newest snapshot time.
    static let recentRuns = 50

    /// The latest snapshot in one convert currency.
    struct Snapshot: Sendable {
        var convert: String
        var converts: [String]
        var rows: [QuoteRow]
        /// The newest `last_updated` among the rows.
        var snapshotAt: EpochMillis?
    }

    /// Everything the coin page and `/api/coins/{id}` show.
    struct CoinDetail: Sendable {
        var coin: CoinCandidate
        var convert: String
        var converts: [String]
        var metadata: CoinMetadata?
        var sameSymbol: [CoinCandidate]
        /// The newest stored quote.
        var quote: QuoteRow?
    }

    /// The convert currencies of the recent runs, sorted.
    func converts() async throws -> [String] {
        let runs = try await store.runs(limit: Self.recentRuns)
        return Set(runs.filter { $0.quotesSeen > 0 }.flatMap(\.converts)).sorted()
    }

    /// The requested convert, else the configured default when stored, else the first stored one.
    ///
    /// - Throws: ``DashboardError`` (400) when the store has runs but none in the requested currency.
    func resolveConvert(_ requested: String?) async throws -> (convert: String, converts: [String]) {
        let converts = try await converts()
        if let requested {
            guard converts.isEmpty || converts.contains(requested) else {
                throw DashboardError.badRequest(
                    "no stored quotes in \(requested); the store has \(converts.joined(separator: ", "))."
                )
            }
            return (requested, converts)
        }
        let fallback = converts.contains(configuration.defaultConvert) ? configuration.defaultConvert : converts.first
        return (fallback ?? configuration.defaultConvert, converts)
    }

    /// The latest snapshot.
    func latest(convert requested: String?) async throws -> Snapshot {
        let (convert, converts) = try await resolveConvert(requested)
        let rows = try await store.latest(convert: convert, top: nil)
        return Snapshot(convert: convert, converts: converts, rows: rows, snapshotAt: rows.map(\.lastUpdated).max())
    }

    /// The last seven days of prices (up to `anchor`, the snapshot's time) of the coins on a page, at most
    /// 84 points a coin (a sparkline is 110 pixels wide).
    func sparklines(coinIDs: [Int], convert: String, anchor: EpochMillis?) async throws -> [Int: [PricePoint]] {
        guard let anchor, !coinIDs.isEmpty else { return [:] }
        let range = TimeRange(from: EpochMillis(anchor.value - 7 * 86_400_000), to: EpochMillis(anchor.value + 1))
        // One price per two hours at most: the same cost after a week of five-minute runs as after a day.
        return try await store.sampledPrices(coinIDs: coinIDs, convert: convert, range: range, samples: 84)
    }

    /// The time the history ranges end at: the newest snapshot of the recent runs, else now.
    func anchor() async throws -> EpochMillis {
        let runs = try await store.runs(limit: Self.recentRuns)
        return runs.compactMap(\.snapshotAt).max() ?? EpochMillis(Date())
    }

    /// A coin's identity, metadata, symbol siblings and newest quote.
    ///
    /// - Throws: ``DashboardError`` (404) when no stored coin has the id.
    func coin(id: Int, convert requested: String?) async throws -> CoinDetail {
        let (convert, converts) = try await resolveConvert(requested)
        guard let coin = try await store.coins(matching: .id(id), convert: convert).first else {
            throw DashboardError.notFound("no stored coin has the id \(id).")
        }
        let metadata = try await store.coinMetadata(coinID: id)
        var sameSymbol: [CoinCandidate] = []
        if let symbol = coin.symbol, !symbol.isEmpty {
            sameSymbol = try await store.coins(withSymbol: symbol, convert: convert).filter { $0.id != id }
        }
        let anchor = try await anchor()
        var quote = try await store.history(
            coinID: id,
            convert: convert,
            range: HistoryRange.day.timeRange(anchor: anchor)
        )
        .last
        if quote == nil {
            quote = try await store.history(coinID: id, convert: convert, range: .all).last
        }
        return CoinDetail(
            coin: coin,
            convert: convert,
            converts: converts,
            metadata: metadata,
            sameSymbol: sameSymbol,
            quote: quote
        )
    }

    /// A coin's series over a range ending at the newest snapshot.
    func history(id: Int, convert: String, range: HistoryRange) async throws -> (rows: [QuoteRow], from: EpochMillis?) {
        let window = range.timeRange(anchor: try await anchor())
        return (try await store.history(coinID: id, convert: convert, range: window), window.from)
    }

    /// The manifest of a run folder under the output root, when `id` is a UUID and the file exists.
    func manifestURL(runID id: String) -> URL? {
        guard let canonical = RunID(id)?.description else { return nil }
        for name in [canonical, canonical.uppercased()] {
            let url = configuration.outputRoot.appending(path: name).appending(path: RunFolder.manifestFileName)
            if FileManager.default.isReadableFile(atPath: url.path(percentEncoded: false)) { return url }
        }
        return nil
    }

    /// The newest stored logo of a coin whose bytes are a raster image, with its content type.
    func logo(coinID: Int) async throws -> (data: Data, contentType: String)? {
        for runID in try await store.logoRunIDs(coinID: coinID) where RunFolder.isSafeName(runID) {
            let url = configuration.outputRoot.appending(path: runID).appending(path: "Images")
                .appending(path: "\(coinID).png")
            let path = url.path(percentEncoded: false)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let size = attributes[.size] as? Int, size <= 4 << 20,
                let data = FileManager.default.contents(atPath: path),
                let type = ImageFormat.sniff(data)?.contentType
            else { continue }
            return (data, type)
        }
        return nil
    }
}
