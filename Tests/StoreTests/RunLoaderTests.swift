import CMCModels
import CoinPipeTestSupport
import Foundation
import Testing

@testable import Store

/// Reading run folders, without a store.
@Suite struct RunLoaderTests {
    /// An output root's run folders come oldest first (by manifest), whatever their names, so the first run
    /// to see a quote is the one recorded as having seen it first.
    @Test func rootsListRunsOldestFirst() async throws {
        try await withTemporaryDirectory { root in
            try RunFolderFixture.writeCoinPipeRun(
                root: root,
                runID: "aaaaaaaa-0000-4000-8000-000000000000",
                startedAt: StoreScenarios.t2,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t2)
            )
            try RunFolderFixture.writeCoinPipeRun(
                root: root,
                runID: "ffffffff-0000-4000-8000-000000000000",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            try FileManager.default.createDirectory(
                at: root.appending(path: ".cache/logos"),
                withIntermediateDirectories: true
            )
            try Data("not a run".utf8).write(to: root.appending(path: "notes.txt"))
            let folders = try RunLoader.runFolders(at: [root])
            #expect(
                folders.map(\.lastPathComponent) == [
                    "ffffffff-0000-4000-8000-000000000000", "aaaaaaaa-0000-4000-8000-000000000000",
                ]
            )
            // A run folder named directly is taken as is, and duplicates are dropped.
            let named = try RunLoader.runFolders(at: [
                root.appending(path: "aaaaaaaa-0000-4000-8000-000000000000"), root,
            ])
            #expect(
                named.map(\.lastPathComponent) == [
                    "aaaaaaaa-0000-4000-8000-000000000000", "ffffffff-0000-4000-8000-000000000000",
                ]
            )
        }
    }

    @Test func refusesWhatIsNotARun() async throws {
        try await withTemporaryDirectory { root in
            #expect {
                _ = try RunLoader.runFolders(at: [root])
            } throws: { error in
                (error as? StoreError)?.code == .notARunFolder
            }
            #expect {
                _ = try RunLoader.runFolders(at: [root.appending(path: "missing")])
            } throws: { error in
                (error as? StoreError)?.code == .notARunFolder
            }
            #expect {
                _ = try RunLoader.prepare(folder: root)
            } throws: { error in
                (error as? StoreError)?.code == .notARunFolder
            }
            try Data("{\"data\": 7}".utf8).write(to: root.appending(path: "data.json"))
            #expect {
                _ = try RunLoader.prepare(folder: root)
            } throws: { error in
                (error as? StoreError)?.code == .unreadableRun
            }
        }
    }

    /// The original script may have saved the whole response; an item that cannot be decoded is a
    /// diagnostic, not a failure; duplicate ids keep their first occurrence.
    @Test func readsEnvelopesAndReportsBadItems() async throws {
        try await withTemporaryDirectory { root in
            let folder = root.appending(path: "old-run")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let coins = StoreScenarios.threeCoins(time: StoreScenarios.t1)
            let items = coins.map { $0.json() } + [#"{"id": "not a number", "name": "Broken"}"#, coins[0].json()]
            let body = """
                {"status": {"timestamp": "2024-05-01T12:00:03.512Z", "error_code": 0, "error_message": null,
                "elapsed": 21, "credit_count": 1, "notice": null, "total_count": 4},
                "data": [\(items.joined(separator: ",\n"))]}
                """
            try Data(body.utf8).write(to: folder.appending(path: "data.json"))
            let run = try RunLoader.prepare(folder: folder)
            #expect(run.record.source == RunRecord.originalScriptSource)
            #expect(run.listings.map(\.id) == [1, 1027, 825])
            #expect(run.diagnostics.count == 1)
            #expect(run.diagnostics.first?.hasPrefix("data.json: data[3]") == true)
            #expect(run.record.startedAt == EpochMillis(iso8601: StoreScenarios.t1))
            #expect(run.quoteCount == 3)
        }
    }
}
