import Foundation
import GRDB

/// An SQLite store opened for reading only: it creates, migrates and writes nothing, not even SQLite's side
/// files.
///
/// A store in WAL mode is read through its `-shm` index next to the file, which the first connection creates
/// (with an empty `-wal`). A read-only connection would create both too, and leave them behind owned by the
/// reader (where they can stop a loader of another user from writing); in a folder the reader may not write,
/// it cannot open the store at all. So the store is opened one of two ways:
///
/// - **A `-wal` file exists**: a loader has the store open (or ended without cleaning up). The store is read
///   through the loader's `-wal` and `-shm` (SQLite reads a `-shm` it may not write since 3.22), and every
///   read sees the loads committed before it.
/// - **No `-wal`**: no process has the store open, so nothing needs the index. The store is opened with
///   SQLite's `immutable` URI parameter, which reads the file alone, without locks or side files. Before each
///   read, ``reader()`` checks whether a `-wal` has appeared since (a loader opened the store); if so it
///   reopens the first way, so a long-running dashboard sees the runs loaded after it started (and back, when
///   the `-wal` goes away). A read that fails while a loader opens the store is retried once on the reopened
///   pool (see ``SQLiteRunStore``).
///
/// `immutable` is only safe while no process writes the file, which is why it is used only when there is no
/// `-wal` and left as soon as one appears. The file is not locked that way, so a loader's first checkpoint
/// (after about 1000 pages of `-wal`) could rewrite pages under a read already in flight on the immutable
/// connection: only that read can fail or see a mixture, and the next one goes through the `-wal`. A writer
/// that does not use WAL mode (not CoinPipe) is not noticed at all.
///
/// With an SQLite built without URI file names (Debian's has them), the store falls back to a plain read-only
/// open, which, when the store has no `-wal`, creates the side files and so needs a folder it may write.
actor SQLiteReadOnlyDatabase {
    /// How the pool reads the file.
    enum Mode: Sendable {
        /// Through the `-wal` and `-shm` of a loader that has the store open.
        case writeAheadLog
        /// The file alone, with SQLite's `immutable` URI parameter (no process has the store open).
        case immutable
        /// The plain path, read-only: when this SQLite does not take URI file names.
        case plain
    }

    /// The database file.
    let path: String
    private var pool: DatabasePool
    private var mode: Mode

    /// Opens the store at `path` read-only and checks that it is a CoinPipe store at this CoinPipe's schema
    /// version.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/noStore`` (no file), ``StoreError/Code/emptyStore``,
    ///   ``StoreError/Code/notAStore``, ``StoreError/Code/schemaTooNew``, ``StoreError/Code/schemaTooOld``,
    ///   or ``StoreError/Code/database`` when SQLite cannot open or read it.
    init(path: String) async throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError(.noStore, "no store at \(path); load runs first (`coinpipe load <out>`) or pass --store.")
        }
        if isDirectory.boolValue {
            throw StoreError.notAStore(path, "it is a directory")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        if size == 0 {
            throw StoreError.emptyStore(path)
        }
        (pool, mode) = try Self.open(path)
        try await Self.read(pool, path: path) { db in try Self.checkSchema(db, path: path) }
    }

    /// The pool to read from: reopened first when the store's `-wal` appeared (a loader opened the store) or
    /// went away (the last loader closed it) since it was opened.
    func reader() throws -> DatabasePool {
        if isStale { try reopen() }
        return pool
    }

    /// After a failed read: whether the pool was stale (see ``reader()``) and is now reopened, so the read is
    /// worth retrying.
    func reopenIfStale() throws -> Bool {
        guard isStale else { return false }
        try reopen()
        return true
    }

    private var isStale: Bool {
        switch mode {
        case .immutable: Self.hasWriteAheadLog(path)
        case .writeAheadLog: !Self.hasWriteAheadLog(path)
        case .plain: false
        }
    }

    /// Replaces the pool; reads in flight keep the old one until they end, and it closes when the last does.
    private func reopen() throws {
        (pool, mode) = try Self.open(path)
    }

    // MARK: - Opening

    /// Whether `path-wal` exists: some process has the store open in WAL mode.
    static func hasWriteAheadLog(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "-wal")
    }

    /// A read-only pool on `path`, and how it reads.
    private static func open(_ path: String) throws -> (DatabasePool, Mode) {
        do {
            if hasWriteAheadLog(path) {
                return (try DatabasePool(path: path, configuration: configuration), .writeAheadLog)
            }
            do {
                return (try DatabasePool(path: immutableURI(path), configuration: configuration), .immutable)
            } catch {
                // An SQLite built without URI file names reads the URI as a (missing) file name: open the plain
                // path read-only instead.
                return (try DatabasePool(path: path, configuration: configuration), .plain)
            }
        } catch let error as DatabaseError {
            throw failure(error, path: path)
        }
    }

    /// `file://PATH?immutable=1`, with the characters SQLite's URI parser decodes (`%`, `?`, `#`) escaped.
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path(percentEncoded: false)
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%?#")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file://" + escaped + "?immutable=1"
    }

    /// Read-only connections that set no PRAGMA that writes (no `journal_mode`, no `synchronous`): a busy
    /// timeout for a loader's recovery or checkpoint, and reads through a memory map (see
    /// ``SQLiteRunStore/configuration``).
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return configuration
    }

    // MARK: - Checking the schema

    /// Throws unless the store holds CoinPipe's schema at ``StoreSchema/currentVersion``.
    static func checkSchema(_ db: Database, path: String) throws {
        guard try db.tableExists("grdb_migrations") else {
            let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if objects == 0 { throw StoreError.emptyStore(path) }
            throw StoreError.notAStore(path, "it holds other tables")
        }
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = StoreSchema.migrationNames
        if applied.isEmpty { throw StoreError.emptyStore(path) }
        if !applied.isSubset(of: known) {
            throw StoreError.schemaTooNew(path, version: applied.count)
        }
        let version = known.prefix(while: applied.contains).count
        if version < known.count {
            throw StoreError.schemaTooOld(path, version: version)
        }
    }

    // MARK: - Errors

    /// Runs a read on `pool`, mapping SQLite errors to ``StoreError``.
    static func read<T: Sendable>(
        _ pool: DatabasePool,
        path: String,
        _ body: @Sendable (Database) throws -> T
    ) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw failure(error, path: path)
        }
    }

    /// The store error of an SQLite error met while opening the store.
    static func failure(_ error: DatabaseError, path: String) -> StoreError {
        if error.resultCode == .SQLITE_NOTADB {
            return StoreError.notAStore(path, "it is not an SQLite database")
        }
        return StoreError(.database, "cannot read the SQLite store \(path): \(SQLiteFailure.describe(error)).")
    }
}
