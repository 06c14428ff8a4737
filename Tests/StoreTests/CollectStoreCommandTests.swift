import ArgumentParser
import CMCEmulator
import CoinPipeTestSupport
import Foundation
import Testing

@testable import Store
@testable import coinpipe

/// `coinpipe collect --store …` against the emulator over loopback, in-process.
@Suite struct CollectStoreCommandTests {
    /// Two collections of the same emulated snapshot (the emulator's clock is fixed): one loaded by
    /// `collect --store sqlite:…`, one collected with `--store none` (no database appears) and loaded later with
    /// `coinpipe load`. Both stores hold the same quote rows (only the run that first saw them differs).
    @Test func storeNoneThenLoadLaterGivesTheSameRows() async throws {
        try await withTemporaryDirectory { directory in
            var emulator = EmulatorConfiguration()
            emulator.coins = 120
            emulator.plan = .standard
            let fixed = Date(timeIntervalSince1970: 1_795_000_000)
            emulator.now = { fixed }
            let keyFile = directory.appending(path: "key")
            try await withEmulator(emulator, logger: testLogger) { running in
                try Data(running.apiKey.utf8).write(to: keyFile)
                let common = [
                    "--base-url", running.baseURL.absoluteString, "--api-key-file", keyFile.path,
                    "--limit", "all", "--info", "10", "--log-level", "error",
                ]
                let duringRoot = directory.appending(path: "during")
                let during = try CollectCommand.parse(common + ["--out", duringRoot.path])
                try await during.run()

                let laterRoot = directory.appending(path: "later")
                let none = try CollectCommand.parse(common + ["--out", laterRoot.path, "--store", "none"])
                try await none.run()
                #expect(!FileManager.default.fileExists(atPath: laterRoot.appending(path: "coinpipe.sqlite").path))
                let load = try LoadCommand.parse(["--out", laterRoot.path])
                try await load.run()
            }

            func rows(_ root: String) async throws -> [QuoteRow] {
                let url = StoreURL.sqlite(path: directory.appending(path: "\(root)/coinpipe.sqlite").path)
                return try await withRunStore(url, logger: testLogger) { store in
                    try await StoreScenarios.exportAll(store).map { row in
                        var row = row
                        row.firstSeenRun = ""
                        return row
                    }
                }
            }
            let loadedDuring = try await rows("during")
            let loadedLater = try await rows("later")
            #expect(loadedDuring.count == 120)
            #expect(loadedDuring == loadedLater)
        }
    }

    /// A store that cannot be opened: the run folder is still written and verifiable, and collect exits 4.
    @Test func storeFailureKeepsTheRunFolder() async throws {
        try await withTemporaryDirectory { directory in
            var emulator = EmulatorConfiguration()
            emulator.coins = 30
            let keyFile = directory.appending(path: "key")
            let root = directory.appending(path: "raw_data")
            // A directory where the SQLite file should be: the store cannot open it.
            let blocked = directory.appending(path: "blocked.sqlite")
            try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
            try await withEmulator(emulator, logger: testLogger) { running in
                try Data(running.apiKey.utf8).write(to: keyFile)
                let collect = try CollectCommand.parse([
                    "--base-url", running.baseURL.absoluteString, "--api-key-file", keyFile.path, "--info", "none",
                    "--out", root.path, "--store", "sqlite:\(blocked.path)", "--log-level", "error",
                ])
                await #expect(throws: ExitCode.storeFailed) { try await collect.run() }
            }
            let runs = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }
            #expect(runs.count == 1)
            let verify = try VerifyCommand.parse(["--all", "--out", root.path])
            try await verify.run()
        }
    }
}
