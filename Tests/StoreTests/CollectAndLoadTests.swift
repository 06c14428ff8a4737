import CMCClient
import CMCEmulator
import CoinPipeTestSupport
import Collector
import Foundation
import Testing

@testable import Store

/// End to end: a run collected from the emulator over loopback, then loaded; the store holds exactly what
/// the run folder holds.
@Suite struct CollectAndLoadTests {
    @Test func collectedRunLoadsExactly() async throws {
        try await withTemporaryDirectory { directory in
            var emulator = EmulatorConfiguration()
            emulator.coins = 250
            emulator.includeHostileText = false
            emulator.plan = .standard
            let summary = try await withEmulator(emulator, logger: testLogger) { running in
                let apiKey = try #require(APIKey(running.apiKey))
                let client = CMCClient.Configuration(baseURL: running.baseURL, apiKey: apiKey)
                let collect = CollectConfiguration(
                    outputRoot: directory.appending(path: "raw_data"),
                    limit: .all,
                    convert: ["USD", "EUR"],
                    info: .top(20),
                    concurrency: 8
                )
                return try await CollectRunner.run(
                    client: client,
                    collect: collect,
                    resume: nil,
                    logger: testLogger,
                    progress: SilentProgress()
                )
            }
            let folder = URL(fileURLWithPath: summary.path)
            let url = StoreURL.sqlite(path: directory.appending(path: "raw_data/coinpipe.sqlite").path)
            let report = try #require(try await RunLoader.load(folder: folder, into: url, logger: testLogger))
            #expect(report.runID == summary.runID.description)
            #expect(report.quotesSeen == 500)
            #expect(report.quotesInserted == 500)
            #expect(report.infoWritten == 20)
            #expect(report.logosInserted == summary.counts.logosDownloaded + summary.counts.logosCached)

            try await withRunStore(url, logger: testLogger) { store throws in
                let run = try #require(try await store.runs(limit: nil).first)
                #expect(run.status == summary.status.rawValue)
                #expect(run.creditsUsed == summary.creditsUsed)
                #expect(run.coins == 250)
                #expect(run.converts == ["EUR", "USD"])

                // Every stored USD quote equals data.json's numbers, read by an independent parser.
                let source = try RunFolderFixture.independentQuotes(folder)
                #expect(source.count == 250)
                let latest = try await store.latest(convert: "USD", top: nil)
                #expect(latest.count == 250)
                for row in latest {
                    let item = try #require(source[row.coinID])
                    #expect(row.price == item["price"]?.double)
                    #expect(row.marketCap == item["market_cap"]?.double)
                    #expect(row.maxSupply == item["max_supply"]?.double)
                    #expect(row.cmcRank == item["cmc_rank"]?.double.map { Int($0) })
                }
                #expect(latest.map(\.cmcRank) == latest.map(\.cmcRank).sorted { ($0 ?? .max) < ($1 ?? .max) })
            }
        }
    }
}
