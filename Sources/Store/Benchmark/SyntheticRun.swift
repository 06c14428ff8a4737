import CMCModels
import Collector
import Foundation

/// Deterministic run folders of any size, for the benchmark: listings shaped like cmc-api.md §3.2.
enum SyntheticRun {
    /// `count` listings observed at `time`, prices drifting with `seed`.
    static func listings(count: Int, time: EpochMillis, seed: UInt64) -> [Listing] {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let stamp = time.iso8601
        return (1...max(1, count)).map { id in
            let supply = (1 + next() * 1000).rounded() * 1_000_000
            let price = 50_000 / Double(id) * (0.9 + next() * 0.2)
            let quote = CMCQuote(
                price: price,
                volume24h: price * supply * 0.03,
                volumeChange24h: next() * 40 - 20,
                percentChange1h: next() * 2 - 1,
                percentChange24h: next() * 10 - 5,
                percentChange7d: next() * 30 - 15,
                percentChange30d: next() * 60 - 30,
                percentChange60d: next() * 80 - 40,
                percentChange90d: next() * 100 - 50,
                marketCap: price * supply,
                marketCapDominance: 50 / Double(id),
                fullyDilutedMarketCap: price * supply * 1.1,
                tvl: nil,
                lastUpdated: stamp
            )
            return Listing(
                id: id,
                name: "Synthetic \(id)",
                symbol: "S\(id)",
                slug: "synthetic-\(id)",
                numMarketPairs: 1 + id % 500,
                dateAdded: "2020-01-01T00:00:00.000Z",
                tags: ["synthetic"],
                maxSupply: id % 3 == 0 ? nil : supply * 2,
                circulatingSupply: supply,
                totalSupply: supply * 1.5,
                infiniteSupply: id % 3 == 0,
                cmcRank: id,
                lastUpdated: stamp,
                quote: ["USD": quote]
            )
        }
    }

    /// Writes the run folder `<root>/<runID>/` as the collector does: `data.json`, then a manifest that lists it
    /// with its size and SHA-256 (so `load` verifies it like any collected run).
    static func writeFolder(root: URL, runID: RunID, listings: [Listing], startedAt: EpochMillis) throws -> URL {
        let folder = try RunFolder.create(root: root, runID: runID)
        let data = try folder.write(try CMCJSON.makeEncoder().encode(listings), to: "data.json")
        let started = Date(timeIntervalSince1970: Double(startedAt.value) / 1000)
        let manifest = RunManifest(
            runID: runID,
            status: .complete,
            startedAt: started,
            endedAt: started,
            coinpipeVersion: "benchmark",
            baseURL: "http://127.0.0.1",
            parameters: RunParameters(
                limit: "all",
                convert: ["USD"],
                info: "none",
                logoSize: 64,
                concurrency: 1,
                maxLogoBytes: 0,
                batchSize: 100
            ),
            creditsUsed: (listings.count + 199) / 200,
            counts: RunCounts(coins: listings.count),
            files: [data]
        )
        try manifest.write(to: folder)
        return folder.url
    }
}
