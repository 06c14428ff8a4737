import ArgumentParser
import CoinPipeTestSupport
import Foundation
import Testing

@testable import Store
@testable import coinpipe

/// The store commands parsed from argument arrays and run in-process against a real SQLite file.
@Suite struct StoreCommandTests {
    /// Loads two runs (one of them the original script's) with `coinpipe load <root>`, then queries them.
    @Test func loadThenQuery() async throws {
        try await withTemporaryDirectory { directory in
            let root = directory.appending(path: "raw_data")
            try RunFolderFixture.writeCoinPipeRun(
                root: root,
                runID: "0b7e9a5c-1f2d-4c3b-8a9e-5d6f7a8b9c0d",
                startedAt: StoreScenarios.t2,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t2, bitcoinPrice: "57600.5")
            )
            try RunFolderFixture.writeOriginalScriptRun(
                root: root,
                folderName: "6f1c2a4e-3b7d-4e8a-9c1f-2d3e4f5a6b7c",
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1),
                logos: [1, 1027]
            )
            // A collect still running in the same root is skipped, not an error.
            try RunFolderFixture.writeCoinPipeRun(
                root: root,
                runID: "ffffffff-0000-4000-8000-000000000000",
                startedAt: StoreScenarios.t3,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t3),
                status: "running"
            )
            let out = ["--out", root.path]

            let load = try LoadCommand.parse(out)
            try await load.run()
            // Reloading is a no-op (and still succeeds).
            let reload = try LoadCommand.parse(out + [root.path, "--format", "json"])
            try await reload.run()
            #expect(FileManager.default.fileExists(atPath: root.appending(path: "coinpipe.sqlite").path))

            let runs = try RunsCommand.parse(out)
            try await runs.run()
            let latest = try LatestCommand.parse(out + ["--top", "2"])
            try await latest.run()
            let history = try HistoryCommand.parse(out + ["BTC"])
            try await history.run()

            let rows = try await withRunStore(
                .sqlite(path: root.appending(path: "coinpipe.sqlite").path),
                logger: testLogger
            ) { store in
                try await store.history(coinID: 1, convert: "USD", range: .all)
            }
            #expect(rows.map(\.price) == [57512.4417, 57600.5])

            // Named explicitly, a running folder is an error (exit 1).
            let running = try LoadCommand.parse(
                out + [root.appending(path: "ffffffff-0000-4000-8000-000000000000").path]
            )
            await #expect(throws: ExitCode.runFailed) { try await running.run() }
        }
    }

    /// A symbol two coins share exits with code 2 (usage), listing both; an id answers.
    @Test func ambiguousSymbolIsAUsageError() async throws {
        try await withTemporaryDirectory { directory in
            let coins = [
                RunFolderFixture.coin(5001, "DUP", price: "2", marketCap: "2000", rank: 10, time: StoreScenarios.t1),
                RunFolderFixture.coin(5002, "DUP", price: "9", marketCap: "900000", rank: 5, time: StoreScenarios.t1),
            ]
            try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run",
                startedAt: StoreScenarios.t1,
                coins: coins
            )
            let out = ["--out", directory.path]
            let load = try LoadCommand.parse(out)
            try await load.run()
            let ambiguous = try HistoryCommand.parse(out + ["dup"])
            await #expect(throws: ExitCode.usage) { try await ambiguous.run() }
            let byID = try HistoryCommand.parse(out + ["5001", "--format", "csv"])
            try await byID.run()
        }
    }

    /// `coinpipe load` of a folder that fails verification exits 1 and stores nothing of it; the other
    /// folders given are still loaded.
    @Test func loadRefusesADamagedFolderWithExitOne() async throws {
        try await withTemporaryDirectory { directory in
            let damaged = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "edited",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            let data = damaged.appending(path: "data.json")
            let text = try String(contentsOf: data, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "57512.4417", with: "99999").utf8).write(to: data)
            try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "sound",
                startedAt: StoreScenarios.t2,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t2)
            )
            let load = try LoadCommand.parse(["--out", directory.path])
            await #expect(throws: ExitCode.runFailed) { try await load.run() }
            let store = try await SQLiteRunStore(
                path: directory.appending(path: "coinpipe.sqlite").path(percentEncoded: false)
            )
            #expect(try await store.runs(limit: nil).map(\.id) == [fixtureRunID("sound")])
            #expect(try await StoreScenarios.exportAll(store).allSatisfy { $0.price != 99999 })
        }
    }

    /// `export --output FILE` streams every quote of a run into the file, renamed into place when complete.
    @Test func exportWritesTheFile() async throws {
        try await withTemporaryDirectory { directory in
            try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-x",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            let out = ["--out", directory.path]
            let load = try LoadCommand.parse(out)
            try await load.run()

            let csvPath = directory.appending(path: "run-x.csv").path
            let export = try ExportCommand.parse(out + ["--run", fixtureRunID("run-x"), "--output", csvPath])
            try await export.run()
            let lines = try String(contentsOfFile: csvPath, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 4)
            #expect(lines.first.map(String.init) == ExportFormat.csv.header)
            #expect(!FileManager.default.fileExists(atPath: csvPath + ".partial"))

            let jsonPath = directory.appending(path: "all.jsonl").path
            let jsonl = try ExportCommand.parse(out + ["--since", "3650d", "--format", "jsonl", "--output", jsonPath])
            try await jsonl.run()
            let objects = try String(contentsOfFile: jsonPath, encoding: .utf8).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            #expect(objects.count == 3)
            #expect(objects.compactMap { $0?["coin_id"] as? Int }.sorted() == [1, 825, 1027])

            let missing = try ExportCommand.parse(out + ["--run", "nope", "--output", csvPath])
            await #expect(throws: ExitCode.runFailed) { try await missing.run() }
            #expect(!FileManager.default.fileExists(atPath: csvPath + ".partial"))
        }
    }

    /// A run loaded right after collecting (`collect --store`, one `RunLoader.load` call) and the same run
    /// collected with `--store none` and loaded later with `coinpipe load` give the same rows.
    @Test func loadingLaterGivesTheSameRows() async throws {
        try await withTemporaryDirectory { directory in
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory.appending(path: "runs"),
                runID: "run-now",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            #expect(try await RunLoader.load(folder: folder, into: StoreURL.none, logger: testLogger) == nil)
            let during = StoreURL.sqlite(path: directory.appending(path: "during.sqlite").path)
            let report = try await RunLoader.load(folder: folder, into: during, logger: testLogger)
            #expect(report?.quotesInserted == 3)

            let laterPath = directory.appending(path: "later.sqlite").path
            let load = try LoadCommand.parse(["--store", "sqlite:\(laterPath)", folder.path])
            try await load.run()

            let rowsDuring = try await withRunStore(during, logger: testLogger) { store in
                try await StoreScenarios.exportAll(store, .run(fixtureRunID("run-now")))
            }
            let rowsLater = try await withRunStore(.sqlite(path: laterPath), logger: testLogger) { store in
                try await StoreScenarios.exportAll(store, .run(fixtureRunID("run-now")))
            }
            #expect(rowsDuring.count == 3)
            #expect(rowsDuring == rowsLater)
        }
    }

    /// Query commands on an output root without a store exit 2 and create nothing.
    @Test func queriesWithoutAStoreAreUsageErrors() async throws {
        try await withTemporaryDirectory { directory in
            let runs = try RunsCommand.parse(["--out", directory.path])
            await #expect(throws: ExitCode.usage) { try await runs.run() }
            #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "coinpipe.sqlite").path))
        }
    }

    @Test func optionValidation() throws {
        #expect(throws: (any Error).self) {
            try HistoryCommand.parse(["BTC", "--since", "7d", "--from", "2024-05-01"])
        }
        #expect(throws: (any Error).self) { try HistoryCommand.parse(["BTC", "--since", "a while"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--run", "x", "--since", "7d"]) }
        #expect(throws: (any Error).self) { try LatestCommand.parse(["--store", "mysql://x"]) }
        #expect(throws: (any Error).self) { try LatestCommand.parse(["--format", "xml"]) }
        let parsed = try ExportCommand.parse(["--format", "jsonl", "--store", "postgres://u:pw@h:5/db"])
        #expect(parsed.format == .jsonl)
        #expect(
            try parsed.store.storeURL(outputRoot: URL(fileURLWithPath: "/tmp"), environment: [:]).description
                == "postgres://u@h:5/db"
        )
        let defaulted = try RunsCommand.parse(["--out", "/data/runs"])
        #expect(
            try defaulted.store.storeURL(outputRoot: defaulted.output.url, environment: [:])
                == .sqlite(path: "/data/runs/coinpipe.sqlite")
        )
        #expect(
            try defaulted.store.storeURL(
                outputRoot: defaulted.output.url,
                environment: ["COINPIPE_STORE": "sqlite:/elsewhere.db"]
            )
                == .sqlite(path: "/elsewhere.db")
        )
    }
}
