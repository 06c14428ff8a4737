import CoinPipeTestSupport
import Foundation
import GRDB
import Testing

@testable import Store

/// The store scenarios on a real SQLite file in a temporary directory, plus SQLite's migrations.
@Suite struct SQLiteStoreTests {
    @Test func migratesFromEmpty() async throws { try await StoreScenarios.migratesFromEmpty(.sqlite) }
    @Test func reloadIsIdempotent() async throws { try await StoreScenarios.reloadIsIdempotent(.sqlite) }
    @Test func sameSnapshotStoredOnce() async throws { try await StoreScenarios.sameSnapshotStoredOnce(.sqlite) }
    @Test func originalScriptFolderLoads() async throws {
        try await StoreScenarios.originalScriptFolderLoads(.sqlite)
    }
    @Test func runningRefusedFailedRecorded() async throws {
        try await StoreScenarios.runningRefusedFailedRecorded(.sqlite)
    }
    @Test func historyEqualsDataJSON() async throws { try await StoreScenarios.historyEqualsDataJSON(.sqlite) }
    @Test func nullsPreserved() async throws { try await StoreScenarios.nullsPreserved(.sqlite) }
    @Test func symbolCollisionListsCandidates() async throws {
        try await StoreScenarios.symbolCollisionListsCandidates(.sqlite)
    }
    @Test func identityHistoryKept() async throws { try await StoreScenarios.identityHistoryKept(.sqlite) }
    @Test func exportStreams() async throws { try await StoreScenarios.exportStreams(.sqlite) }
    @Test func metadataSymbolsAndLogos() async throws {
        try await StoreScenarios.metadataSymbolsAndLogos(.sqlite)
    }
    @Test func pricesOfSeveralCoins() async throws { try await StoreScenarios.pricesOfSeveralCoins(.sqlite) }
    @Test func sampledPricesOfSeveralCoins() async throws {
        try await StoreScenarios.sampledPricesOfSeveralCoins(.sqlite)
    }

    /// From every earlier version (with a run loaded at that version) to the current one: the schema ends up
    /// identical to a fresh store's, the data survives, and reloading adds nothing.
    @Test(arguments: 1..<StoreSchema.currentVersion)
    func migratesFromEarlierVersion(_ version: Int) async throws {
        try await withTemporaryDirectory { directory in
            let fresh = directory.appending(path: "fresh.sqlite").path
            let old = directory.appending(path: "old.sqlite").path
            _ = try await SQLiteRunStore(path: fresh)
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-a",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )

            let oldStore = try await SQLiteRunStore(
                writer: try DatabasePool(path: old, configuration: SQLiteRunStore.configuration),
                path: old,
                schemaVersion: version
            )
            #expect(try await oldStore.schemaVersion() == version)
            _ = try await RunLoader.load(folder: folder, into: oldStore, logger: testLogger)

            let upgraded = try await SQLiteRunStore(path: old)
            #expect(try await upgraded.schemaVersion() == StoreSchema.currentVersion)
            #expect(try await schema(old) == schema(fresh))
            #expect(try await upgraded.history(coinID: 1, convert: "USD", range: .all).map(\.price) == [57512.4417])
            #expect(try await RunLoader.load(folder: folder, into: upgraded, logger: testLogger).quotesInserted == 0)
        }
    }

    /// A store migrated by a newer CoinPipe is refused rather than written with an older schema.
    @Test func refusesNewerSchema() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending(path: "store.sqlite").path
            _ = try await SQLiteRunStore(path: path)
            let pool = try DatabasePool(path: path)
            try await pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            try pool.close()
            await #expect {
                _ = try await SQLiteRunStore(path: path)
            } throws: { error in
                (error as? StoreError)?.code == .schemaTooNew
            }
        }
    }

    /// Query commands do not create a store where there is none.
    @Test func missingStoreIsNotCreatedForQueries() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending(path: "none/coinpipe.sqlite").path
            await #expect {
                try await withRunStore(.sqlite(path: path), logger: testLogger, access: .readOnly) { _ in }
            } throws: { error in
                (error as? StoreError)?.code == .noStore
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// The tables and indexes of an SQLite file, as `CREATE` statements.
    private func schema(_ path: String) async throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try await queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'grdb_%'
                    ORDER BY type, name
                    """
            )
        }
    }
}
