import CoinPipeTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

@testable import Store

/// The store scenarios on the real PostgreSQL server (`.ci/run` starts one and exports `POSTGRES_URL`), plus
/// PostgreSQL's migrations and concurrent loads. Skipped, with the reason, when no server is configured.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresStoreTests {
    @Test func migratesFromEmpty() async throws { try await StoreScenarios.migratesFromEmpty(.postgres) }
    @Test func reloadIsIdempotent() async throws { try await StoreScenarios.reloadIsIdempotent(.postgres) }
    @Test func sameSnapshotStoredOnce() async throws { try await StoreScenarios.sameSnapshotStoredOnce(.postgres) }
    @Test func originalScriptFolderLoads() async throws {
        try await StoreScenarios.originalScriptFolderLoads(.postgres)
    }
    @Test func runningRefusedFailedRecorded() async throws {
        try await StoreScenarios.runningRefusedFailedRecorded(.postgres)
    }
    @Test func historyEqualsDataJSON() async throws { try await StoreScenarios.historyEqualsDataJSON(.postgres) }
    @Test func nullsPreserved() async throws { try await StoreScenarios.nullsPreserved(.postgres) }
    @Test func symbolCollisionListsCandidates() async throws {
        try await StoreScenarios.symbolCollisionListsCandidates(.postgres)
    }
    @Test func identityHistoryKept() async throws { try await StoreScenarios.identityHistoryKept(.postgres) }
    @Test func exportStreams() async throws { try await StoreScenarios.exportStreams(.postgres) }
    @Test func metadataSymbolsAndLogos() async throws {
        try await StoreScenarios.metadataSymbolsAndLogos(.postgres)
    }
    @Test func pricesOfSeveralCoins() async throws { try await StoreScenarios.pricesOfSeveralCoins(.postgres) }
    @Test func sampledPricesOfSeveralCoins() async throws {
        try await StoreScenarios.sampledPricesOfSeveralCoins(.postgres)
    }

    /// From every earlier version (with a run loaded at that version) to the current one: the schema ends up
    /// identical to a fresh database's, the data survives, and reloading adds nothing.
    @Test(arguments: 1..<StoreSchema.currentVersion)
    func migratesFromEarlierVersion(_ version: Int) async throws {
        try await withTemporaryDirectory { directory in
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-a",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            let freshSchema = try await PostgresTestServer.withDatabase { settings in
                try await withRunStore(.postgres(settings), logger: testLogger) { _ in }
                return try await schema(settings)
            }
            try await PostgresTestServer.withDatabase { settings in
                try await withPostgresRunStore(settings, logger: testLogger) { store throws in
                    try await PostgresMigrator.migrate(
                        client: store.client,
                        upTo: version,
                        store: settings.description,
                        logger: testLogger
                    )
                    #expect(try await store.schemaVersion() == version)
                    _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
                }
                try await withRunStore(.postgres(settings), logger: testLogger) { store throws in
                    #expect(try await store.schemaVersion() == StoreSchema.currentVersion)
                    #expect(
                        try await store.history(coinID: 1, convert: "USD", range: .all).map(\.price) == [57512.4417]
                    )
                    #expect(
                        try await RunLoader.load(folder: folder, into: store, logger: testLogger).quotesInserted == 0
                    )
                }
                #expect(try await schema(settings) == freshSchema)
            }
        }
    }

    /// A database that does not exist fails at once with the server's reason (the pool alone would retry).
    @Test func missingDatabaseFailsFast() async throws {
        var settings = try PostgresTestServer.settings()
        settings.database = "coinpipe_no_such_database"
        settings.password = "not-shown"
        var caught: StoreError?
        do {
            try await withRunStore(.postgres(settings), logger: testLogger) { _ in }
        } catch let error as StoreError {
            caught = error
        }
        let error = try #require(caught)
        #expect(error.code == .database)
        #expect(error.description.contains("coinpipe_no_such_database\" does not exist"))
        #expect(!error.description.contains("not-shown"))
    }

    /// A load the database refuses part-way (a NUL byte in a convert code, which PostgreSQL text cannot hold)
    /// is a store error, and nothing of the run is left behind: the run row, the coins and the quotes are
    /// written in one transaction.
    @Test func failedLoadWritesNothing() async throws {
        try await withTestStore(.postgres) { store, directory in
            var coins = StoreScenarios.threeCoins(time: StoreScenarios.t1)
            coins[2].quotes["US\\u0000D"] = RunFolderFixture.Coin.Quote(price: "1", marketCap: "2")
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "broken",
                startedAt: StoreScenarios.t1,
                coins: coins
            )
            await #expect {
                _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            } throws: { error in
                (error as? StoreError)?.code == .database
            }
            #expect(try await store.runs(limit: nil).isEmpty)
            #expect(try await StoreScenarios.exportAll(store).isEmpty)
            #expect(try await store.coins(matching: .id(1), convert: "USD").isEmpty)
            // The store is still usable.
            let good = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "good",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            #expect(try await RunLoader.load(folder: good, into: store, logger: testLogger).quotesInserted == 3)
        }
    }

    /// An applied migration whose SQL differs from this build's is refused.
    @Test func refusesChangedMigration() async throws {
        try await PostgresTestServer.withDatabase { settings in
            try await withRunStore(.postgres(settings), logger: testLogger) { _ in }
            try await PostgresTestServer.admin(
                settings,
                "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1"
            )
            await #expect {
                try await withRunStore(.postgres(settings), logger: testLogger) { _ in }
            } throws: { error in
                (error as? StoreError)?.code == .migrationChanged
            }
        }
    }

    /// Two collectors loading into one empty database at the same time: the schema is created once, and every
    /// quote is stored exactly once while each run keeps all of its own.
    @Test func concurrentLoadsLoseAndDuplicateNothing() async throws {
        try await withTemporaryDirectory { directory in
            // Overlapping runs: coins 1...60 at t1 in run A, coins 31...90 in run B where 31...60 share A's
            // snapshot and 61...90 are new; plus coin 1 at t2 only in B.
            let t1 = StoreScenarios.t1
            let t2 = StoreScenarios.t2
            func coins(_ ids: ClosedRange<Int>, time: String) -> [RunFolderFixture.Coin] {
                ids.map { id in
                    RunFolderFixture.coin(id, "S\(id)", price: "\(id).125", marketCap: "\(id)000", rank: id, time: time)
                }
            }
            let runA = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "collector-a",
                startedAt: t1,
                coins: coins(1...60, time: t1)
            )
            let runB = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "collector-b",
                startedAt: t2,
                coins: coins(31...90, time: t1) + coins(1...1, time: t2)
            )
            try await PostgresTestServer.withDatabase { settings in
                let reports = try await withThrowingTaskGroup(of: LoadReport.self) { group in
                    for folder in [runA, runB, runA, runB] {
                        group.addTask {
                            try await withRunStore(.postgres(settings), logger: testLogger) { store in
                                try await RunLoader.load(folder: folder, into: store, logger: testLogger)
                            }
                        }
                    }
                    var reports: [LoadReport] = []
                    for try await report in group { reports.append(report) }
                    return reports
                }
                #expect(reports.map(\.quotesInserted).reduce(0, +) == 91)
                try await withRunStore(.postgres(settings), logger: testLogger) { store throws in
                    let all = try await StoreScenarios.exportAll(store)
                    #expect(all.count == 91)
                    #expect(Set(all.map { "\($0.coinID)/\($0.lastUpdated)" }).count == 91)
                    #expect(try await StoreScenarios.exportAll(store, .run(fixtureRunID("collector-a"))).count == 60)
                    #expect(try await StoreScenarios.exportAll(store, .run(fixtureRunID("collector-b"))).count == 61)
                    let runs = try await store.runs(limit: nil)
                    #expect(
                        runs.map(\.id).sorted() == [fixtureRunID("collector-a"), fixtureRunID("collector-b")].sorted()
                    )
                    #expect(runs.map(\.quotesNew).reduce(0, +) == 91)
                    #expect(try await store.history(coinID: 1, convert: "USD", range: .all).count == 2)
                    #expect(try await store.schemaVersion() == StoreSchema.currentVersion)
                }
            }
        }
    }

    // MARK: - Read-only

    /// A read-only open of an empty database says it is empty and creates nothing, not even
    /// `schema_migrations`.
    @Test func readOnlyRefusesAnEmptyDatabaseAndCreatesNothing() async throws {
        try await PostgresTestServer.withDatabase { settings in
            let error = try await readOnlyFailure(settings)
            #expect(error.code == .emptyStore)
            #expect(error.message.contains("the store \(settings) is empty: load runs first"))
            #expect(try await schema(settings).isEmpty)
            #expect(try await tableCount(settings) == 0)
        }
    }

    /// A read-only open of an older schema does not migrate it; a read-write open then does.
    @Test(arguments: 1..<StoreSchema.currentVersion)
    func readOnlyDoesNotMigrateAnOlderSchema(_ version: Int) async throws {
        try await PostgresTestServer.withDatabase { settings in
            try await withPostgresRunStore(settings, logger: testLogger) { store in
                try await PostgresMigrator.migrate(
                    client: store.client,
                    upTo: version,
                    store: settings.description,
                    logger: testLogger
                )
            }
            let before = try await schema(settings)
            let error = try await readOnlyFailure(settings)
            #expect(error.code == .schemaTooOld)
            #expect(
                error.message.contains(
                    "has schema version \(version), this CoinPipe needs \(StoreSchema.currentVersion); "
                        + "run `coinpipe load`"
                )
            )
            #expect(try await schema(settings) == before)
            try await withRunStore(.postgres(settings), logger: testLogger) { store throws in
                #expect(try await store.schemaVersion() == StoreSchema.currentVersion)
            }
        }
    }

    /// A read-only open of a database a newer CoinPipe migrated is refused with both versions.
    @Test func readOnlyRefusesANewerSchema() async throws {
        try await PostgresTestServer.withDatabase { settings in
            try await withRunStore(.postgres(settings), logger: testLogger) { _ in }
            try await PostgresTestServer.admin(
                settings,
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (99, 'v99-future', 'x')"
            )
            let error = try await readOnlyFailure(settings)
            #expect(error.code == .schemaTooNew)
            #expect(error.message.contains("has schema version 99, newer than this CoinPipe's"))
        }
    }

    /// A database with other tables only is not a store.
    @Test func readOnlyRefusesAnotherApplicationsDatabase() async throws {
        try await PostgresTestServer.withDatabase { settings in
            try await PostgresTestServer.admin(settings, "CREATE TABLE notes (body text)")
            #expect(try await readOnlyFailure(settings).code == .notAStore)
        }
    }

    /// A read-only store reads, refuses a load, and its sessions refuse any write.
    @Test func readOnlyReadsAndWritesNothing() async throws {
        try await withTemporaryDirectory { directory in
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-a",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            try await PostgresTestServer.withDatabase { settings in
                _ = try await RunLoader.load(folder: folder, into: .postgres(settings), logger: testLogger)
                try await withRunStore(.postgres(settings), logger: testLogger, access: .readOnly) { store throws in
                    #expect(try await store.runs(limit: nil).map(\.id) == [fixtureRunID("run-a")])
                    #expect(try await store.latest(convert: "USD", top: nil).count == 3)
                    #expect(try await StoreScenarios.exportAll(store).count == 3)
                    await #expect {
                        _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
                    } throws: { error in
                        (error as? StoreError)?.code == .readOnly
                    }
                    let postgres = try #require(store as? PostgresRunStore)
                    await #expect(throws: PSQLError.self) {
                        _ = try await postgres.client.query("DELETE FROM runs", logger: testLogger).collect()
                    }
                }
                try await withRunStore(.postgres(settings), logger: testLogger) { store throws in
                    #expect(try await store.runs(limit: nil).count == 1)
                }
            }
        }
    }

    /// The error of opening the database read-only.
    private func readOnlyFailure(_ settings: PostgresSettings) async throws -> StoreError {
        do {
            try await withRunStore(.postgres(settings), logger: testLogger, access: .readOnly) { _ in }
        } catch let error as StoreError {
            return error
        }
        Issue.record("opening \(settings) read-only succeeded")
        return StoreError(.database, "")
    }

    /// The number of tables in the public schema.
    private func tableCount(_ settings: PostgresSettings) async throws -> Int {
        try await withPostgresRunStore(settings, logger: testLogger) { store in
            var count = 0
            for try await number in try await store.client.query(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'",
                logger: testLogger
            ).decode(Int.self) {
                count = number
            }
            return count
        }
    }

    /// Columns and indexes of the public schema (without `schema_migrations`), for comparisons.
    private func schema(_ settings: PostgresSettings) async throws -> [String] {
        try await withPostgresRunStore(settings, logger: testLogger) { store in
            var lines: [String] = []
            for try await (table, column, type, nullable) in try await store.client.query(
                """
                SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
                FROM information_schema.columns WHERE table_schema = 'public'
                ORDER BY table_name, ordinal_position
                """,
                logger: testLogger
            ).decode((String, String, String, String).self) {
                lines.append("\(table).\(column) \(type) \(nullable)")
            }
            for try await (name, definition) in try await store.client.query(
                "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
                logger: testLogger
            ).decode((String, String).self) {
                lines.append("\(name): \(definition)")
            }
            return lines.filter { !$0.hasPrefix("schema_migrations") }
        }
    }
}
