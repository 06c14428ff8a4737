public import Logging
import PostgresNIO

/// Opens the store at `url` for the duration of `body`: to load into it (migrating its schema first), or only to
/// read it.
///
/// For PostgreSQL this runs the `PostgresClient` in a task group next to `body` and cancels it (closing every
/// connection) when `body` returns or throws. For SQLite it opens the file and closes it after.
///
/// ``StoreAccess/readWrite`` (the loaders) creates a missing SQLite file and migrates either engine to
/// ``StoreSchema/currentVersion``. ``StoreAccess/readOnly`` (the query commands and the dashboard) creates,
/// migrates and writes nothing: SQLite opens the file read-only, PostgreSQL sessions default to read-only
/// transactions, and the schema version is only read, so a store that is missing, empty, or at another
/// version is reported instead of changed.
///
/// ```swift
/// let url = try StoreURL(parsing: "sqlite:raw_data/coinpipe.sqlite")
/// let rows = try await withRunStore(url, logger: logger, access: .readOnly) { store in
///     try await store.latest(convert: "USD", top: 10)
/// }
/// ```
///
/// - Parameters:
///   - url: The store; `.none` is refused.
///   - logger: Receives migration and connection messages (never the password).
///   - access: Whether `body` loads into the store (the default) or only reads it.
///   - body: Uses the store; it must not keep it after returning.
/// - Returns: What `body` returns.
/// - Throws: ``StoreError`` with ``StoreError/Code/noStore`` for `.none`, the errors of opening and migrating
///   (or, read-only, checking) the store (see ``StoreAccess/readOnly``), and what `body` throws.
public func withRunStore<Result>(
    _ url: StoreURL,
    logger: Logger,
    access: StoreAccess = .readWrite,
    _ body: (any RunStore) async throws -> Result
) async throws -> Result {
    switch url {
    case .none:
        throw StoreError(.noStore, "no store configured (--store none); give --store sqlite:PATH or postgres://…")
    case .sqlite(let path):
        let store = try await SQLiteRunStore(path: path, access: access)
        return try await body(store)
    case .postgres(let settings):
        return try await withPostgresRunStore(settings, logger: logger, access: access) { store in
            switch access {
            case .readWrite:
                try await PostgresMigrator.migrate(client: store.client, store: settings.description, logger: logger)
            case .readOnly:
                try await PostgresMigrator.check(client: store.client, store: settings.description, logger: logger)
            }
            return try await body(store)
        }
    }
}

/// Runs a `PostgresClient` for the scope of `body` (without migrating).
///
/// With ``StoreAccess/readOnly`` every session defaults to read-only transactions
/// (`default_transaction_read_only`), so no statement can write.
func withPostgresRunStore<Result>(
    _ settings: PostgresSettings,
    logger: Logger,
    access: StoreAccess = .readWrite,
    _ body: (PostgresRunStore) async throws -> Result
) async throws -> Result {
    try await PostgresRunStore.probe(settings, logger: logger)
    let client = PostgresClient(
        configuration: PostgresRunStore.configuration(settings, access: access),
        backgroundLogger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        // Let run() start before the first query, which otherwise logs a (harmless) warning.
        await Task.yield()
        let store = PostgresRunStore(client: client, settings: settings, access: access, logger: logger)
        do {
            return try await body(store)
        } catch let error as PSQLError {
            throw StoreError(.database, "PostgreSQL at \(settings): \(PostgresRunStore.describe(error))")
        }
    }
}
