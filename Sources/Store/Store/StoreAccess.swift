/// How a command opens the store: to load runs into it, or only to read it.
///
/// The loaders (`load`, `collect`, `demo`, the scheduler) open it ``readWrite``; the query commands (`runs`,
/// `latest`, `history`, `export`) and the dashboard (`serve`) open it ``readOnly``, so a user who may only read
/// the store can query it, and a query never changes it.
///
/// ```swift
/// let rows = try await withRunStore(url, logger: logger, access: .readOnly) { store in
///     try await store.latest(convert: "USD", top: 10)
/// }
/// ```
public enum StoreAccess: Sendable, Hashable, CustomStringConvertible {
    /// Creates the store when it is missing (an SQLite file and its folder) and migrates its schema to
    /// ``StoreSchema/currentVersion``.
    case readWrite

    /// Reads an existing store and writes nothing: no file, folder, schema or SQLite side file (`-wal`,
    /// `-shm`) is created or changed.
    ///
    /// Opening fails with ``StoreError`` when the store is missing (``StoreError/Code/noStore``), empty
    /// (``StoreError/Code/emptyStore``), not a CoinPipe store (``StoreError/Code/notAStore``), or at another
    /// schema version than this CoinPipe's (``StoreError/Code/schemaTooNew``,
    /// ``StoreError/Code/schemaTooOld``: a loader migrates it). Loading into it fails with
    /// ``StoreError/Code/readOnly``.
    case readOnly

    public var description: String {
        switch self {
        case .readWrite: "read-write"
        case .readOnly: "read-only"
        }
    }
}
