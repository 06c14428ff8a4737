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
enum PostgresMigrator {
    /// The advisory lock key of schema migrations ("coinpipe" as 8 ASCII bytes).
    static let lockKey: Int64 = 0x636f_696e_7069_7065

    /// Migrates the database up to `version` (all migrations by default).
    static func migrate(
        client: PostgresClient,
        upTo version: Int = StoreSchema.currentVersion,
        logger: Logger
    ) async throws {
        try await client.withConnection { connection in
            _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger).collect()
            do {
                try await migrateLocked(connection, upTo: version, logger: logger)
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

    private static func migrateLocked(
        _ connection: PostgresConnection,
        upTo version: Int,
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
        var applied: [Int: (name: String, checksum: String)] = [:]
        for try await (number, name, checksum) in try await connection.query(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
            logger: logger
        ).decode((Int, String, String).self) {
            applied[number] = (name, checksum)
        }
        let known = PostgresSchema.migrations
        if let newest = applied.keys.max(), newest > known.count {
            throw StoreError(
                .schemaTooNew,
                "the database is at schema version \(newest), newer than this CoinPipe's \(known.count); upgrade CoinPipe."
            )
        }
        for (index, migration) in known.enumerated() {
            let number = index + 1
            if let row = applied[number] {
                guard row.name == migration.name, row.checksum == checksum(migration) else {
                    throw StoreError(
                        .migrationChanged,
                        "schema migration \(number) (\(row.name)) in the database differs from this CoinPipe's "
                            + "\(migration.name); migrations are append-only, so this database was migrated by "
                            + "a different build."
                    )
                }
                continue
            }
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
