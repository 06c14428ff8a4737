import Crypto
import Foundation
import Logging
import PostgresNIO

/// Applies ``PostgresSchema/migrations`` under a PostgreSQL advisory lock, recording each in
/// `schema_migrations` (version, name, checksum, time).
///
/// Several collectors starting at once against an empty database wait for each other on the lock, so the
/// schema is created exactly once. Each migration runs in its own transaction with its `schema_migrations`
/// row. An applied migration whose checksum differs from this CoinPipe's is refused (migrations are
/// append-only), and so is a database migrated further than this CoinPipe knows.
///
/// The read-only commands call ``check(client:store:logger:)`` instead, which only reads `schema_migrations`.
enum PostgresMigrator {
    /// An applied migration as `schema_migrations` records it.
    typealias Applied = [Int: (name: String, checksum: String)]

    /// The advisory lock key of schema migrations ("coinpipe" as 8 ASCII bytes).
    static let lockKey: Int64 = 0x636f_696e_7069_7065

    /// Migrates the database up to `version` (all migrations by default).
    ///
    /// - Parameters:
    ///   - client: The running client.
    ///   - version: The version to migrate to.
    ///   - store: The store as messages name it (``PostgresSettings/description``).
    ///   - logger: Receives a line per migration applied.
    static func migrate(
        client: PostgresClient,
        upTo version: Int = StoreSchema.currentVersion,
        store: String,
        logger: Logger
    ) async throws {
        try await client.withConnection { connection in
            _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger).collect()
            do {
                try await migrateLocked(connection, upTo: version, store: store, logger: logger)
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger).collect()
                throw error
            }
            _ = try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger).collect()
        }
    }

    /// The checksum recorded for a migration: SHA-256 of its statements.
    static func checksum(_ migration: PostgresSchema.Migration) -> String {
        let text = migration.statements.joined(separator: ";\n")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks, reading only, that the database holds CoinPipe's schema at ``StoreSchema/currentVersion``;
    /// creates, migrates and locks nothing.
    ///
    /// - Parameters:
    ///   - client: The running client.
    ///   - store: The store as messages name it (``PostgresSettings/description``).
    ///   - logger: The logger of the queries.
    /// - Throws: ``StoreError`` with ``StoreError/Code/emptyStore`` (no CoinPipe schema and no other table),
    ///   ``StoreError/Code/notAStore`` (other tables only), ``StoreError/Code/schemaTooNew``,
    ///   ``StoreError/Code/migrationChanged`` or ``StoreError/Code/schemaTooOld``.
    static func check(client: PostgresClient, store: String, logger: Logger) async throws {
        var hasTable = false
        for try await exists in try await client.query(
            "SELECT to_regclass('schema_migrations') IS NOT NULL",
            logger: logger
        ).decode(Bool.self) {
            hasTable = exists
        }
        guard hasTable else {
            var tables = 0
            for try await count in try await client.query(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
                logger: logger
            ).decode(Int.self) {
                tables = count
            }
            if tables == 0 { throw StoreError.emptyStore(store) }
            throw StoreError.notAStore(store, "it holds other tables")
        }
        var applied: Applied = [:]
        for try await (number, name, checksum) in try await client.query(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
            logger: logger
        ).decode((Int, String, String).self) {
            applied[number] = (name, checksum)
        }
        if applied.isEmpty { throw StoreError.emptyStore(store) }
        try verify(applied, store: store)
        let version = (1...StoreSchema.currentVersion).prefix { applied[$0] != nil }.count
        if version < StoreSchema.currentVersion {
            throw StoreError.schemaTooOld(store, version: version)
        }
    }

    /// Refuses a database migrated further than this CoinPipe knows, or one whose applied migrations differ
    /// from this CoinPipe's.
    private static func verify(_ applied: Applied, store: String) throws {
        let known = PostgresSchema.migrations
        if let newest = applied.keys.max(), newest > known.count {
            throw StoreError.schemaTooNew(store, version: newest)
        }
        for (index, migration) in known.enumerated() {
            guard let row = applied[index + 1] else { continue }
            guard row.name == migration.name, row.checksum == checksum(migration) else {
                throw StoreError(
                    .migrationChanged,
                    "schema migration \(index + 1) (\(row.name)) in the database differs from this CoinPipe's "
                        + "\(migration.name); migrations are append-only, so this database was migrated by "
                        + "a different build."
                )
            }
        }
    }

    private static func migrateLocked(
        _ connection: PostgresConnection,
        upTo version: Int,
        store: String,
        logger: Logger
    )
        async throws
    {
        _ = try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        ).collect()
        var applied: Applied = [:]
        for try await (number, name, checksum) in try await connection.query(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
            logger: logger
        ).decode((Int, String, String).self) {
            applied[number] = (name, checksum)
        }
        try verify(applied, store: store)
        for (index, migration) in PostgresSchema.migrations.enumerated() {
            let number = index + 1
            if applied[number] != nil { continue }
            guard number <= version else { break }
            logger.info("migrating the PostgreSQL store", metadata: ["migration": "\(migration.name)"])
            try await connection.withTransaction(logger: logger) { transaction in
                for statement in migration.statements {
                    _ = try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
                }
                let sum = checksum(migration)
                _ = try await transaction.query(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (\(number), \(migration.name), \(sum))",
                    logger: logger
                ).collect()
            }
        }
    }
}
