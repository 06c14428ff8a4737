import CoinPipeTestSupport
import Foundation
import Logging
import Testing

@testable import Store

/// The behaviours every engine must have; each `@Test` of the engine suites runs one of these.
enum StoreScenarios {
    static let t1 = "2024-05-01T11:59:00.000Z"
    static let t2 = "2024-05-01T12:04:00.000Z"
    static let t3 = "2024-05-01T12:09:00.000Z"

    /// Three coins, one of them a token with nulls where CMC sends them.
    static func threeCoins(time: String, bitcoinPrice: String = "57512.4417") -> [RunFolderFixture.Coin] {
        var bitcoin = RunFolderFixture.coin(
            1,
            "BTC",
            price: bitcoinPrice,
            marketCap: "1132650000000.12",
            rank: 1,
            time: time,
            name: "Bitcoin",
            slug: "bitcoin"
        )
        bitcoin.quotes["USD"]?.volume24h = "41322991200.51"
        var tether = RunFolderFixture.coin(
            825,
            "USDT",
            price: "1.0002",
            marketCap: "110922180000.2",
            rank: 3,
            time: time,
            name: "Tether USDt",
            slug: "tether"
        )
        tether.maxSupply = "null"
        tether.infiniteSupply = "true"
        tether.circulatingSupply = "110900000000.12"
        tether.platform =
            #"{"id": 1027, "name": "Ethereum", "symbol": "ETH", "slug": "ethereum", "token_address": "0xdac17f958d2ee523a2206206994597c13d831ec7"}"#
        tether.quotes["USD"]?.volumeChange24h = "null"
        let ethereum = RunFolderFixture.coin(
            1027,
            "ETH",
            price: "3012.5",
            marketCap: "361800000000",
            rank: 2,
            time: time,
            name: "Ethereum",
            slug: "ethereum"
        )
        return [bitcoin, ethereum, tether]
    }

    // MARK: - Migrations

    static func migratesFromEmpty(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, _ throws in
            #expect(try await store.schemaVersion() == StoreSchema.currentVersion)
            #expect(try await store.runs(limit: nil).isEmpty)
            #expect(try await store.latest(convert: "USD", top: 10).isEmpty)
        }
    }

    // MARK: - Dashboard queries

    /// `coins(withSymbol:)` lists only current symbols (never slugs), `coinMetadata` reads info.json's
    /// fields back, and `logoRunIDs` names the runs holding a coin's logo files, newest first.
    static func metadataSymbolsAndLogos(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            var coins = threeCoins(time: t1)
            coins.append(
                RunFolderFixture.coin(5001, "BTC", price: "0.5", marketCap: "1000", rank: 90, time: t1, name: "Bit Two")
            )
            // A slug that equals another coin's symbol must not count as that symbol.
            coins.append(
                RunFolderFixture.coin(6000, "ZZZ", price: "1", marketCap: "10", rank: 95, time: t1, slug: "btc")
            )
            let a = try RunFolderFixture.writeCoinPipeRun(root: directory, runID: "run-a", startedAt: t1, coins: coins)
            _ = try await RunLoader.load(folder: a, into: store, logger: testLogger)
            let b = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-b",
                startedAt: t2,
                coins: threeCoins(time: t2),
                infoFor: [coins[0], coins[2]]
            )
            _ = try await RunLoader.load(folder: b, into: store, logger: testLogger)

            let sharing = try await store.coins(withSymbol: "btc", convert: "USD")
            #expect(sharing.map(\.id) == [1, 5001])
            #expect(sharing.first?.name == "Bitcoin")
            #expect(try await store.coins(withSymbol: "NOPE", convert: "USD").isEmpty)

            let bitcoin = try #require(try await store.coinMetadata(coinID: 1))
            #expect(bitcoin.name == "Bitcoin")
            #expect(bitcoin.symbol == "BTC")
            #expect(bitcoin.slug == "bitcoin")
            #expect(bitcoin.category == "coin")
            #expect(bitcoin.description == "Bitcoin (BTC) is a cryptocurrency.")
            #expect(bitcoin.tags == ["mineable"])
            #expect(bitcoin.tagNames == ["Mineable"])
            #expect(bitcoin.urls["website"] == ["https://example.org/bitcoin"])
            #expect(bitcoin.urls["twitter"] == [])
            #expect(bitcoin.platform == nil)
            #expect(bitcoin.dateAdded == EpochMillis(iso8601: "2010-07-13T00:00:00.000Z"))
            #expect(bitcoin.dateLaunched == nil)
            // Run b fetched bitcoin's info again: the newer row wins.
            #expect(bitcoin.observedAt == EpochMillis(iso8601: t2))
            #expect(try await store.coinMetadata(coinID: 1027)?.observedAt == EpochMillis(iso8601: t1))
            #expect(try await store.coinMetadata(coinID: 6000) == nil)

            // The fixture's logos are the same bytes in both runs: stored once, with run-a.
            #expect(try await store.logoRunIDs(coinID: 1) == [fixtureRunID("run-a")])
            #expect(try await store.logoRunIDs(coinID: 1027) == [fixtureRunID("run-a")])
            #expect(try await store.logoRunIDs(coinID: 825) == [fixtureRunID("run-b")])
            #expect(try await store.logoRunIDs(coinID: 6000) == [])

            let runs = try await store.runs(limit: nil)
            #expect(runs.map(\.failures) == [0, 0])
        }
    }

    /// Three runs five minutes apart (t1, t2, t3): Bitcoin at 100.5, 101.25 and 99.75 USD, Ethereum steady,
    /// the third coin's price null.
    private static func loadThreePriceRuns(into store: any RunStore, directory: URL) async throws {
        for (index, (time, price)) in [(t1, "100.5"), (t2, "101.25"), (t3, "99.75")].enumerated() {
            var coins = threeCoins(time: time, bitcoinPrice: price)
            coins[2].quotes["USD"]?.price = "null"
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-\(index)",
                startedAt: time,
                coins: coins
            )
            _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
        }
    }

    /// `prices(coinIDs:)`: several coins' series in one query, oldest first, inside the range, without nulls.
    static func pricesOfSeveralCoins(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            try await loadThreePriceRuns(into: store, directory: directory)
            let all = try await store.prices(coinIDs: [1, 1027, 825, 424242], convert: "USD", range: .all)
            #expect(Set(all.keys) == [1, 1027])
            #expect(all[1]?.map(\.price) == [100.5, 101.25, 99.75])
            #expect(all[1]?.map(\.time) == [t1, t2, t3].compactMap { EpochMillis(iso8601: $0) })
            #expect(all[1027]?.map(\.price) == [3012.5, 3012.5, 3012.5])
            let window = TimeRange(from: EpochMillis(iso8601: t2), to: EpochMillis(iso8601: t3))
            #expect(try await store.prices(coinIDs: [1], convert: "USD", range: window)[1]?.map(\.price) == [101.25])
            #expect(try await store.prices(coinIDs: [], convert: "USD", range: .all).isEmpty)
            #expect(try await store.prices(coinIDs: [1], convert: "EUR", range: .all).isEmpty)
        }
    }

    /// `sampledPrices`: the newest price of each slice of the range, one index probe per coin and slice.
    static func sampledPricesOfSeveralCoins(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            try await loadThreePriceRuns(into: store, directory: directory)
            let first = try #require(EpochMillis(iso8601: t1))
            let last = try #require(EpochMillis(iso8601: t3))
            let range = TimeRange(from: first, to: EpochMillis(last.value + 1))
            // Two slices: [t1, t1 + 5m) holds t1; [t1 + 5m, t3] holds t2 and t3, and gives its newest, t3.
            let two = try await store.sampledPrices(coinIDs: [1, 1027, 825], convert: "USD", range: range, samples: 2)
            #expect(Set(two.keys) == [1, 1027])
            #expect(two[1]?.map(\.price) == [100.5, 99.75])
            #expect(two[1]?.map(\.time) == [first, last])
            // Enough slices: every point, as prices(coinIDs:) gives them.
            let many = try await store.sampledPrices(coinIDs: [1], convert: "USD", range: range, samples: 50)
            let all = try await store.prices(coinIDs: [1], convert: "USD", range: range)
            #expect(many[1] == all[1])
            #expect(many[1]?.count == 3)
            // A range without both ends, no ids, or another currency: nothing.
            #expect(try await store.sampledPrices(coinIDs: [1], convert: "USD", range: .all, samples: 5).isEmpty)
            #expect(try await store.sampledPrices(coinIDs: [], convert: "USD", range: range, samples: 5).isEmpty)
            #expect(try await store.sampledPrices(coinIDs: [1], convert: "EUR", range: range, samples: 5).isEmpty)
        }
    }

    // MARK: - Loading

    static func reloadIsIdempotent(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-a",
                startedAt: t1,
                coins: threeCoins(time: t1)
            )
            let first = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            #expect(first.quotesSeen == 3)
            #expect(first.quotesInserted == 3)
            #expect(first.coinsChanged == 3)
            #expect(first.infoWritten == 2)
            #expect(first.logosInserted == 2)
            let exported = try await exportAll(store)

            let second = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            #expect(second.quotesInserted == 0)
            #expect(second.coinsChanged == 0)
            #expect(second.infoWritten == 0)
            #expect(second.logosInserted == 0)
            #expect(try await exportAll(store) == exported)
            let runs = try await store.runs(limit: nil)
            #expect(runs.count == 1)
            #expect(runs.first?.quotesSeen == 3)
            #expect(runs.first?.quotesNew == 3)
            #expect(runs.first?.status == "complete")
            #expect(runs.first?.creditsUsed == 3)
            #expect(runs.first?.logos == 2)
            #expect(runs.first?.sourceHost == "127.0.0.1")
        }
    }

    /// Two runs that saw the same CMC snapshot store each quote once; each still lists its quotes.
    static func sameSnapshotStoredOnce(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let coins = threeCoins(time: t1)
            let a = try RunFolderFixture.writeCoinPipeRun(root: directory, runID: "run-a", startedAt: t1, coins: coins)
            let b = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-b",
                startedAt: "2024-05-01T11:59:30.000Z",
                coins: coins
            )
            _ = try await RunLoader.load(folder: a, into: store, logger: testLogger)
            let second = try await RunLoader.load(folder: b, into: store, logger: testLogger)
            #expect(second.quotesSeen == 3)
            #expect(second.quotesInserted == 0)

            #expect(try await exportAll(store).count == 3)
            let runB = try await exportAll(store, .run(fixtureRunID("run-b")))
            #expect(runB.count == 3)
            #expect(Set(runB.map(\.firstSeenRun)) == [fixtureRunID("run-a")])
            let runs = try await store.runs(limit: nil)
            #expect(runs.map(\.id) == [fixtureRunID("run-b"), fixtureRunID("run-a")])
            #expect(runs.map(\.quotesNew) == [0, 3])
            #expect(runs.map(\.quotesSeen) == [3, 3])
            // The newest run's snapshot is the latest, even though its quotes were first stored by run-a.
            #expect(try await store.latest(convert: "USD", top: nil).map(\.coinID) == [1, 1027, 825])
        }
    }

    static func originalScriptFolderLoads(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let folderName = "6f1c2a4e-3b7d-4e8a-9c1f-2d3e4f5a6b7c"
            let folder = try RunFolderFixture.writeOriginalScriptRun(
                root: directory,
                folderName: folderName,
                coins: threeCoins(time: t2),
                logos: [1, 1027]
            )
            let report = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            #expect(report.source == RunRecord.originalScriptSource)
            #expect(report.quotesInserted == 3)
            #expect(report.logosInserted == 2)
            let run = try #require(try await store.runs(limit: nil).first)
            #expect(run.id == folderName)
            #expect(run.source == "original script")
            #expect(run.status == "complete")
            #expect(run.startedAt == EpochMillis(iso8601: t2))
            #expect(run.converts == ["USD"])
            #expect(run.logos == 2)
            let history = try await store.history(coin: .name("bitcoin"), convert: "USD", range: .all)
            #expect(history.quotes.map(\.price) == [57512.4417])
            #expect(history.quotes.first?.firstSeenRun == folderName)
        }
    }

    /// A folder whose manifest still says `running` is refused; a failed run without data is recorded.
    static func runningRefusedFailedRecorded(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let running = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-running",
                startedAt: t1,
                coins: threeCoins(time: t1),
                status: "running"
            )
            await #expect {
                _ = try await RunLoader.load(folder: running, into: store, logger: testLogger)
            } throws: { error in
                (error as? StoreError)?.code == .runInProgress
            }
            let failed = directory.appending(path: fixtureRunID("run-failed"))
            try FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
            try Data(
                RunFolderFixture.manifestJSON(
                    runID: fixtureRunID("run-failed"),
                    status: "failed",
                    startedAt: t1,
                    coins: 0,
                    info: 0
                )
                .utf8
            ).write(to: failed.appending(path: "manifest.json"))
            let report = try await RunLoader.load(folder: failed, into: store, logger: testLogger)
            #expect(report.quotesSeen == 0)
            #expect(try await store.runs(limit: nil).map(\.status) == ["failed"])
        }
    }

    // MARK: - Values

    /// `history` returns exactly the numbers of each run's data.json (as read by JSONSerialization).
    static func historyEqualsDataJSON(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let prices = ["57512.4417", "57600.000000001", "0.1"]
            var folders: [URL] = []
            for (index, (time, price)) in zip([t1, t2, t3], prices).enumerated() {
                folders.append(
                    try RunFolderFixture.writeCoinPipeRun(
                        root: directory,
                        runID: "run-\(index)",
                        startedAt: time,
                        coins: threeCoins(time: time, bitcoinPrice: price)
                    )
                )
            }
            for folder in folders.reversed() {
                _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            }
            for coinID in [1, 1027, 825] {
                let history = try await store.history(coinID: coinID, convert: "USD", range: .all)
                #expect(history.count == 3)
                for (row, folder) in zip(history, folders) {
                    let source = try #require(try RunFolderFixture.independentQuotes(folder)[coinID])
                    #expect(
                        row.lastUpdated
                            == { () -> EpochMillis? in
                                if case .string(let text) = source["last_updated"] { return EpochMillis(iso8601: text) }
                                return nil
                            }()
                    )
                    #expect(row.price == source["price"]?.double)
                    #expect(row.marketCap == source["market_cap"]?.double)
                    #expect(row.volume24h == source["volume_24h"]?.double)
                    #expect(row.circulatingSupply == source["circulating_supply"]?.double)
                    #expect(row.fullyDilutedMarketCap == source["fully_diluted_market_cap"]?.double)
                    #expect(row.cmcRank == source["cmc_rank"]?.double.map { Int($0) })
                }
            }
            let window = TimeRange(from: EpochMillis(iso8601: t2), to: EpochMillis(iso8601: t3))
            #expect(try await store.history(coinID: 1, convert: "USD", range: window).map(\.price) == [57600.000000001])
        }
    }

    /// Values CMC sends as null (or leaves out) come back as nil, never 0, through history and export.
    static func nullsPreserved(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            var coins = threeCoins(time: t1)
            coins[2].rank = "null"
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-nulls",
                startedAt: t1,
                coins: coins
            )
            _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            let tether = try #require(try await store.history(coinID: 825, convert: "USD", range: .all).first)
            #expect(tether.maxSupply == nil)
            #expect(tether.volumeChange24h == nil)
            #expect(tether.tvl == nil)
            #expect(tether.tvlRatio == nil)
            #expect(tether.selfReportedCirculatingSupply == nil)
            #expect(tether.selfReportedMarketCap == nil)
            #expect(tether.cmcRank == nil)
            #expect(tether.volume7d == nil)
            #expect(tether.infiniteSupply == true)
            #expect(tether.price == 1.0002)
            let bitcoin = try #require(try await store.history(coinID: 1, convert: "USD", range: .all).first)
            #expect(bitcoin.maxSupply == 21_000_000)
            #expect(bitcoin.infiniteSupply == false)
            // Unranked coins come last in `latest`.
            #expect(try await store.latest(convert: "USD", top: nil).map(\.coinID) == [1, 1027, 825])

            let csv = ExportFormat.csv.line(tether).split(separator: ",", omittingEmptySubsequences: false)
            let maxSupplyIndex = try #require(QuoteRow.columnNames.firstIndex(of: "max_supply"))
            #expect(csv[maxSupplyIndex] == "")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(ExportFormat.jsonl.line(tether).utf8)) as? [String: Any]
            )
            #expect(json["max_supply"] is NSNull)
            #expect(json["cmc_rank"] is NSNull)
            #expect((json["price"] as? NSNumber)?.doubleValue == 1.0002)
        }
    }

    // MARK: - Coins

    /// A symbol shared by two coins is answered with both, largest market cap first; never a guess.
    static func symbolCollisionListsCandidates(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let coins = [
                RunFolderFixture.coin(
                    5001,
                    "DUP",
                    price: "2",
                    marketCap: "2000",
                    rank: 10,
                    time: t1,
                    name: "Dup Small",
                    slug: "dup-small"
                ),
                RunFolderFixture.coin(
                    5002,
                    "DUP",
                    price: "9",
                    marketCap: "900000",
                    rank: 5,
                    time: t1,
                    name: "Dup Large",
                    slug: "dup-large"
                ),
                RunFolderFixture.coin(1, "BTC", price: "57512.4417", marketCap: "1132650000000.12", rank: 1, time: t1),
            ]
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run",
                startedAt: t1,
                coins: coins
            )
            _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)

            var caught: StoreError?
            do {
                _ = try await store.resolveCoin(CoinQuery("dup"), convert: "USD")
            } catch let error as StoreError {
                caught = error
            }
            let error = try #require(caught)
            #expect(error.code == .ambiguousCoin)
            #expect(error.candidates.map(\.id) == [5002, 5001])
            #expect(error.candidates.map(\.marketCap) == [900_000, 2000])
            #expect(error.candidates.map(\.slug) == ["dup-large", "dup-small"])
            #expect(error.description.contains("id 5002  Dup Large (dup-large)  market cap 900000"))
            #expect(error.description.contains("id 5001  Dup Small (dup-small)  market cap 2000"))

            #expect(try await store.resolveCoin(CoinQuery("dup-small"), convert: "USD").id == 5001)
            #expect(try await store.resolveCoin(CoinQuery("5002"), convert: "USD").symbol == "DUP")
            #expect(try await store.resolveCoin(CoinQuery("btc"), convert: "USD").id == 1)
            await #expect {
                _ = try await store.resolveCoin(CoinQuery("NOPE"), convert: "USD")
            } throws: { error in
                (error as? StoreError)?.code == .coinNotFound
            }
        }
    }

    /// A rebrand is a new identity version; the former symbol still finds the coin.
    static func identityHistoryKept(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let before = [
                RunFolderFixture.coin(7, "OLD", price: "1", marketCap: "100", rank: 1, time: t1, slug: "old-coin")
            ]
            let after = [
                RunFolderFixture.coin(7, "NEW", price: "2", marketCap: "200", rank: 1, time: t3, slug: "new-coin")
            ]
            let first = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "r1",
                startedAt: t1,
                coins: before
            )
            let second = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "r3",
                startedAt: t3,
                coins: after
            )
            let report = try await RunLoader.load(folder: second, into: store, logger: testLogger)
            #expect(report.coinsChanged == 1)
            // Loaded out of order: the older identity goes before the newer one.
            #expect(try await RunLoader.load(folder: first, into: store, logger: testLogger).coinsChanged == 1)
            #expect(try await RunLoader.load(folder: first, into: store, logger: testLogger).coinsChanged == 0)
            let current = try await store.resolveCoin(CoinQuery("NEW"), convert: "USD")
            #expect(current.id == 7)
            #expect(current.slug == "new-coin")
            #expect(try await store.resolveCoin(CoinQuery("OLD"), convert: "USD").id == 7)
            #expect(try await store.resolveCoin(CoinQuery("old-coin"), convert: "USD").id == 7)
            let history = try await store.history(coinID: 7, convert: "USD", range: .all)
            #expect(history.map(\.price) == [1, 2])
            #expect(history.map(\.symbol) == ["NEW", "NEW"])
        }
    }

    // MARK: - Export

    /// Export hands over rows in chunks of the asked size, in a stable order, and renders them.
    static func exportStreams(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let coins = (1...25).map { id in
                var coin = RunFolderFixture.coin(
                    id,
                    "C\(id)",
                    price: "\(id).5",
                    marketCap: "\(id * 1000)",
                    rank: id,
                    time: t1
                )
                coin.quotes["EUR"] = RunFolderFixture.Coin.Quote(price: "\(id).25", marketCap: "\(id * 900)")
                return coin
            }
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "big",
                startedAt: t1,
                coins: coins
            )
            _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)

            var chunkSizes: [Int] = []
            var rows: [QuoteRow] = []
            let total = try await store.export(.run(fixtureRunID("big")), convert: nil, chunkSize: 7) { chunk in
                chunkSizes.append(chunk.count)
                rows += chunk
            }
            #expect(total == 50)
            #expect(chunkSizes == [7, 7, 7, 7, 7, 7, 7, 1])
            #expect(Set(rows.map { "\($0.coinID)/\($0.convert)" }).count == 50)
            #expect(try await exportAll(store, .run(fixtureRunID("big"))) == rows)

            let euros = try await exportAll(store, .run(fixtureRunID("big")), convert: "EUR")
            #expect(euros.count == 25)
            #expect(euros.allSatisfy { $0.convert == "EUR" && $0.price == Double($0.coinID) + 0.25 })

            var rangeChunks: [Int] = []
            let inRange = try await store.export(
                .range(TimeRange(from: EpochMillis(iso8601: t1))),
                convert: "USD",
                chunkSize: 10
            ) { chunk in rangeChunks.append(chunk.count) }
            #expect(inRange == 25)
            #expect(rangeChunks == [10, 10, 5])
            #expect(try await exportAll(store, .range(TimeRange(from: EpochMillis(iso8601: t2)))).isEmpty)

            await #expect {
                _ = try await store.export(.run("missing"), convert: nil, chunkSize: 10) { _ in }
            } throws: { error in
                (error as? StoreError)?.code == .runNotFound
            }
            let header = try #require(ExportFormat.csv.header)
            #expect(header.split(separator: ",").count == QuoteRowText.fields(rows[0]).count)
        }
    }

    // MARK: - Helpers

    static func exportAll(
        _ store: any RunStore,
        _ selection: ExportSelection = .range(.all),
        convert: String? = nil
    ) async throws -> [QuoteRow] {
        var rows: [QuoteRow] = []
        _ = try await store.export(selection, convert: convert, chunkSize: 1000) { rows += $0 }
        return rows
    }
}
