public import Logging
import PostgresNIO

/// Opens the store at `url` for the duration of `body`, migrating its schema first.
///
/// For PostgreSQL this runs the `PostgresClient` in a task group next to `body` and cancels it (closing every
/// connection) when `body` returns or throws. For SQLite it opens the file (in WAL mode) and closes it after.
///
/// ```swift
/// let url = try StoreURL(parsing: "sqlite:raw_data/coinpipe.sqlite")
/// let rows = try await withRunStore(url, logger: logger) { store in
///     try await store.latest(convert: "USD", top: 10)
/// }
/// ```
///
/// - Parameters:
///   - url: The store; `.none` is refused.
///   - logger: Receives migration and connection messages (never the password).
///   - create: Whether a missing SQLite file may be created (`false` for read-only commands).
///   - body: Uses the store; it must not keep it after returning.
/// - Returns: What `body` returns.
/// - Throws: ``StoreError`` with ``StoreError/Code/noStore`` for `.none` (or a missing SQLite file when
///   `create` is `false`), the errors of opening and migrating the store, and what `body` throws.
public func withRunStore<Result>(
    _ url: StoreURL,
    logger: Logger,
    create: Bool = true,
    _ body: (any RunStore) async throws -> Result
) async throws -> Result {
    switch url {
    case .none:
        throw StoreError(.noStore, "no store configured (--store none); give --store sqlite:PATH or postgres://…")
    case .sqlite(let path):
        let store = try await SQLiteRunStore(path: path, create: create)
        return try await body(store)
    case .postgres(let settings):
        return try await withPostgresRunStore(settings, logger: logger) { store in
            try await PostgresMigrator.migrate(client: store.client, logger: logger)
            return try await body(store)
        }
    }
}

/// Runs a `PostgresClient` for the scope of `body` (without migrating).
func withPostgresRunStore<Result>(
    _ settings: PostgresSettings,
    logger: Logger,
    _ body: (PostgresRunStore) async throws -> Result
) async throws -> Result {
    try await PostgresRunStore.probe(settings, logger: logger)
    let client = PostgresClient(
        configuration: PostgresRunStore.configuration(settings),
        backgroundLogger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        // Let run() start before the first query, which otherwise logs a (harmless) warning.
        await Task.yield()
        let store = PostgresRunStore(client: client, settings: settings, logger: logger)
        do {
            return try await body(store)
        } catch let error as PSQLError {
            throw StoreError(.database, "PostgreSQL at \(settings): \(PostgresRunStore.describe(error))")
        }
    }
}
