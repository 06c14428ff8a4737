import CoinPipeTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

@testable import Store

/// The engines a scenario runs on.
enum Engine: String, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }
}

/// The PostgreSQL server of the tests: `POSTGRES_URL` (as `.ci/run` exports it), else the `PG*` variables.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment

    /// Whether a server is configured; PostgreSQL tests are skipped (with this reason) when it is not.
    static var isConfigured: Bool {
        environment["POSTGRES_URL"] != nil || environment["PGHOST"] != nil
    }

    static let skipReason: Comment =
        "no PostgreSQL server configured: set POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) or PGHOST"

    /// The configured server's settings.
    static func settings() throws -> PostgresSettings {
        guard
            case .postgres(let settings) = try StoreURL(
                parsing: environment["POSTGRES_URL"] ?? "postgres://",
                environment: environment
            )
        else {
            throw StoreError(.invalidArgument, "POSTGRES_URL is not a postgres:// URL")
        }
        return settings
    }

    /// A fresh database on the server for `body`, dropped afterwards.
    static func withDatabase<Result>(_ body: (PostgresSettings) async throws -> Result) async throws -> Result {
        let server = try settings()
        let name = "coinpipe_test_\(UUID().uuidString.lowercased().replacing("-", with: ""))"
        try await admin(server, "CREATE DATABASE \(name)")
        var settings = server
        settings.database = name
        do {
            let result = try await body(settings)
            try await admin(server, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin(server, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement on the database `server` names (the server's own, or a test's).
    static func admin(_ server: PostgresSettings, _ sql: String) async throws {
        try await withPostgresRunStore(server, logger: testLogger) { store in
            _ = try await store.client.query(PostgresQuery(unsafeSQL: sql), logger: testLogger).collect()
        }
    }
}

let testLogger: Logger = {
    var logger = Logger(label: "StoreTests")
    logger.logLevel =
        ProcessInfo.processInfo.environment["STORE_TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
    return logger
}()

/// A fresh store of `engine` for `body`: an SQLite file in a temporary directory, or a fresh PostgreSQL
/// database. `body` also gets a temporary directory for run folders.
func withTestStore<Result>(
    _ engine: Engine,
    _ body: (any RunStore, URL) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory { directory in
        switch engine {
        case .sqlite:
            let url = StoreURL.sqlite(path: directory.appending(path: "store/coinpipe.sqlite").path)
            return try await withRunStore(url, logger: testLogger) { store in try await body(store, directory) }
        case .postgres:
            return try await PostgresTestServer.withDatabase { settings in
                try await withRunStore(.postgres(settings), logger: testLogger) { store in
                    try await body(store, directory)
                }
            }
        }
    }
}
