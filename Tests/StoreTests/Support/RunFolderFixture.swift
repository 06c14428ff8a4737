import CoinPipeTestSupport
import Collector
import Crypto
import Foundation

/// Writes run folders shaped like the collector's (and the original script's) from small hand-written JSON.
///
/// Every number is written as the literal text given, so tests can compare what the store returns with what
/// an independent parser (`JSONSerialization`) reads from the same `data.json`.
struct RunFolderFixture {
    /// One listing item of `data.json` (cmc-api.md §3.2).
    struct Coin {
        var id: Int
        var name: String
        var symbol: String
        var slug: String
        var rank: String = "null"
        var lastUpdated: String
        /// Listing-level fields as JSON literals (`"null"` or a number's text).
        var maxSupply = "21000000"
        var circulatingSupply = "19694012"
        var totalSupply = "19694012"
        var selfReportedCirculatingSupply = "null"
        var tvlRatio = "null"
        var infiniteSupply = "false"
        var numMarketPairs = "11020"
        var platform = "null"
        /// Quote fields by convert: price, volume_24h, volume_change_24h, market_cap as JSON literals.
        var quotes: [String: Quote]

        struct Quote {
            var price: String
            var volume24h = "41322991200.51"
            var volumeChange24h = "12.3345"
            var percentChange24h = "-4.77"
            var marketCap: String
            var dominance = "53.41"
            var tvl = "null"
            var lastUpdated: String? = nil
        }

        func json() -> String {
            let quoteMembers = quotes.keys.sorted().map { convert -> String in
                guard let quote = quotes[convert] else { return "" }
                return """
                    "\(convert)": {"price": \(quote.price), "volume_24h": \(quote.volume24h), \
                    "volume_change_24h": \(quote.volumeChange24h), "percent_change_1h": -0.21, \
                    "percent_change_24h": \(quote.percentChange24h), "percent_change_7d": -11.02, \
                    "percent_change_30d": -19.8, "percent_change_60d": -12.1, "percent_change_90d": 35.4, \
                    "market_cap": \(quote.marketCap), "market_cap_dominance": \(quote.dominance), \
                    "fully_diluted_market_cap": 1207760000000.3, "tvl": \(quote.tvl), \
                    "last_updated": "\(quote.lastUpdated ?? lastUpdated)"}
                    """
            }
            return """
                {"id": \(id), "name": "\(name)", "symbol": "\(symbol)", "slug": "\(slug)", \
                "num_market_pairs": \(numMarketPairs), "date_added": "2010-07-13T00:00:00.000Z", \
                "tags": ["mineable", "pow"], "max_supply": \(maxSupply), \
                "circulating_supply": \(circulatingSupply), "total_supply": \(totalSupply), \
                "infinite_supply": \(infiniteSupply), "platform": \(platform), "cmc_rank": \(rank), \
                "self_reported_circulating_supply": \(selfReportedCirculatingSupply), \
                "self_reported_market_cap": null, "tvl_ratio": \(tvlRatio), "last_updated": "\(lastUpdated)", \
                "quote": {\(quoteMembers.joined(separator: ", "))}}
                """
        }
    }

    /// A coin with a USD quote at `time`.
    static func coin(
        _ id: Int,
        _ symbol: String,
        price: String,
        marketCap: String,
        rank: Int?,
        time: String,
        name: String? = nil,
        slug: String? = nil
    ) -> Coin {
        Coin(
            id: id,
            name: name ?? "Coin \(symbol)",
            symbol: symbol,
            slug: slug ?? "coin-\(symbol.lowercased())-\(id)",
            rank: rank.map(String.init) ?? "null",
            lastUpdated: time,
            quotes: ["USD": Coin.Quote(price: price, marketCap: marketCap)]
        )
    }

    /// `data.json` for these coins: a bare array, as CoinPipe writes it.
    static func dataJSON(_ coins: [Coin]) -> String {
        "[\n" + coins.map { $0.json() }.joined(separator: ",\n") + "\n]\n"
    }

    /// `info.json` (the v2 info `data` object keyed by id, cmc-api.md §3.3) for these coins.
    static func infoJSON(_ coins: [Coin]) -> String {
        let members = coins.map { coin in
            """
            "\(coin.id)": {"id": \(coin.id), "name": "\(coin.name)", "symbol": "\(coin.symbol)", "category": "coin", \
            "description": "\(coin.name) (\(coin.symbol)) is a cryptocurrency.", "slug": "\(coin.slug)", \
            "logo": "https://s2.coinmarketcap.com/static/img/coins/64x64/\(coin.id).png", "subreddit": "", \
            "notice": "", "tags": ["mineable"], "tag-names": ["Mineable"], "tag-groups": ["OTHERS"], \
            "urls": {"website": ["https://example.org/\(coin.slug)"], "twitter": [], "explorer": []}, \
            "platform": null, "date_added": "2010-07-13T00:00:00.000Z", "twitter_username": "", "is_hidden": 0, \
            "date_launched": null, "contract_address": [], "self_reported_circulating_supply": null, \
            "self_reported_tags": null, "self_reported_market_cap": null, "infinite_supply": false}
            """
        }
        return "{" + members.joined(separator: ",\n") + "}\n"
    }

    /// A canonical run id derived from a readable name, so tests can name runs ("run-a") while every folder is
    /// named by a real ``RunID`` as the collector names them. The same name always gives the same id.
    static func runID(_ name: String) -> String {
        if RunID(name) != nil { return name.lowercased() }
        let hex = SHA256.hash(data: Data(name.utf8)).map { String(format: "%02x", $0) }.joined()
        let digits = Array(hex.prefix(32))
        func part(_ range: Range<Int>) -> String { String(digits[range]) }
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-8\(part(17..<20))-\(part(20..<32))"
    }

    /// `manifest.json` as the collector writes it, listing `files` (path, size, SHA-256).
    static func manifestJSON(
        runID: String,
        status: String = "complete",
        startedAt: String,
        coins: Int,
        info: Int,
        credits: Int = 3,
        logos: Int = 0,
        files: [(path: String, size: Int, sha256: String)] = []
    ) -> String {
        let entries = files.map { #"{"path": "\#($0.path)", "size": \#($0.size), "sha256": "\#($0.sha256)"}"# }
        return """
            {"run_id": "\(runID)", "status": "\(status)", "started_at": "\(startedAt)", \
            "ended_at": "\(startedAt)", "coinpipe_version": "0.0.0-test", \
            "base_url": "http://127.0.0.1:8080", \
            "parameters": {"limit": "5000", "convert": ["USD"], "info": "50", "logo_size": 64, \
            "concurrency": 8, "max_logo_bytes": 2097152, "batch_size": 100}, \
            "requests": [], "credits_used": \(credits), \
            "counts": {"coins": \(coins), "info": \(info), "logos_expected": \(logos), \
            "logos_downloaded": \(logos), "logos_cached": 0, "logos_failed": 0, "diagnostics": 0}, \
            "failures": [], "files": [\(entries.joined(separator: ", "))]}
            """
    }

    /// The size and SHA-256 of `data`, as a manifest lists a file.
    static func fileEntry(_ path: String, _ data: Data) -> (path: String, size: Int, sha256: String) {
        (path, data.count, SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
    }

    /// Writes a CoinPipe run folder `<root>/<run id>/` (the id is ``runID(_:)`` of `runID`) whose manifest lists
    /// every file with its size and SHA-256, as the collector writes it, and returns it.
    @discardableResult
    static func writeCoinPipeRun(
        root: URL,
        runID name: String,
        startedAt: String,
        coins: [Coin],
        infoFor infoCoins: [Coin]? = nil,
        status: String = "complete"
    ) throws -> URL {
        let runID = runID(name)
        let folder = root.appending(path: runID)
        try FileManager.default.createDirectory(at: folder.appending(path: "Images"), withIntermediateDirectories: true)
        var files: [(path: String, size: Int, sha256: String)] = []
        func write(_ data: Data, _ path: String) throws {
            try data.write(to: folder.appending(path: path))
            files.append(fileEntry(path, data))
        }
        try write(Data(dataJSON(coins).utf8), "data.json")
        let infoCoins = infoCoins ?? Array(coins.prefix(2))
        try write(Data(infoJSON(infoCoins).utf8), "info.json")
        for coin in infoCoins {
            try write(pngBytes(seed: coin.id), "Images/\(coin.id).png")
        }
        let manifest = manifestJSON(
            runID: runID,
            status: status,
            startedAt: startedAt,
            coins: coins.count,
            info: infoCoins.count,
            logos: infoCoins.count,
            files: files
        )
        try Data(manifest.utf8).write(to: folder.appending(path: "manifest.json"))
        return folder
    }

    /// Rewrites a run folder's manifest so it lists the files now on disk (after a test changed one on purpose
    /// and wants the folder to verify), keeping every other field.
    static func relist(_ folder: URL) throws {
        let url = folder.appending(path: "manifest.json")
        guard var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            return
        }
        var entries: [[String: Any]] = []
        let base = folder.standardizedFileURL.path(percentEncoded: false)
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard path != "manifest.json",
                FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            let entry = fileEntry(path, try Data(contentsOf: folder.appending(path: path)))
            entries.append(["path": entry.path, "size": entry.size, "sha256": entry.sha256])
        }
        manifest["files"] = entries
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: url)
    }

    /// Writes an original-script folder `<root>/<uuid>/` (data.json and Images/ only) and returns it.
    @discardableResult
    static func writeOriginalScriptRun(root: URL, folderName: String, coins: [Coin], logos: [Int]) throws -> URL {
        let folder = root.appending(path: folderName)
        try FileManager.default.createDirectory(at: folder.appending(path: "Images"), withIntermediateDirectories: true)
        try Data(dataJSON(coins).utf8).write(to: folder.appending(path: "data.json"))
        for id in logos {
            try pngBytes(seed: id).write(to: folder.appending(path: "Images/\(id).png"))
        }
        return folder
    }

    /// A few bytes starting with the PNG signature, different per seed.
    static func pngBytes(seed: Int) -> Data {
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("logo-\(seed)".utf8)
    }

    /// `data.json` of a folder parsed by ``ExactJSON`` (independent of CMCModels and correctly rounded): id →
    /// the item's fields with the `convert` quote's fields on top.
    static func independentQuotes(_ folder: URL, convert: String = "USD") throws -> [Int: [String: ExactJSON]] {
        let data = try Data(contentsOf: folder.appending(path: "data.json"))
        guard case .array(let items) = try ExactJSON.parse(data) else { return [:] }
        var result: [Int: [String: ExactJSON]] = [:]
        for item in items {
            guard case .object(let fields) = item, let id = item["id"]?.double.map({ Int($0) }),
                case .object(let quote) = item["quote"]?[convert]
            else { continue }
            result[id] = fields.merging(quote, uniquingKeysWith: { _, quoteValue in quoteValue })
        }
        return result
    }
}

/// The run id a fixture run named `name` gets (``RunFolderFixture/runID(_:)``).
func fixtureRunID(_ name: String) -> String {
    RunFolderFixture.runID(name)
}
