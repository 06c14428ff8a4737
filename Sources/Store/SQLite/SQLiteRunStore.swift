import Foundation
import GRDB
import Glibc
import Logging

/// A ``RunStore`` in an SQLite file, through GRDB: the default store (`sqlite:<out>/coinpipe.sqlite`).
///
/// Opened ``StoreAccess/readWrite`` (by the loaders), the file is created when missing, put in WAL mode
/// (readers never wait for a loading collector) with a busy timeout, so several CoinPipe processes on one
/// machine can share it, and its schema is migrated with GRDB's `DatabaseMigrator`.
///
/// Opened ``StoreAccess/readOnly`` (by the query commands and the dashboard), SQLite opens it read-only and
/// nothing is written: no migration, no PRAGMA that writes, and no `-wal` or `-shm` side file, so a user who
/// may only read the file and its folder can query it. It is read through the `-wal` and `-shm` of a loader
/// that has it open, and otherwise with SQLite's `immutable` flag; a loader that opens the store later is
/// noticed before the next read (see `SQLiteReadOnlyDatabase`).
public struct SQLiteRunStore: RunStore {
    /// The database file.
    public let path: String

    /// How the store was opened.
    public var access: StoreAccess {
        switch connection {
        case .readWrite: .readWrite
        case .readOnly: .readOnly
        }
    }

    /// The open database.
    enum Connection: Sendable {
        /// A read-write pool: loads write through it, and reads go to its readers.
        case readWrite(any DatabaseWriter)
        /// A read-only pool that follows loaders.
        case readOnly(SQLiteReadOnlyDatabase)
    }

    let connection: Connection

    /// Opens the store at `path`: to load into it (creating and migrating it when needed), or only to read it.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - access: ``StoreAccess/readWrite`` creates the file (and its directory) when it is missing and
    ///     migrates it; ``StoreAccess/readOnly`` writes nothing.
    /// - Throws: ``StoreError`` with ``StoreError/Code/schemaTooNew`` when a newer CoinPipe migrated the store,
    ///   ``StoreError/Code/database`` when SQLite fails, and when opened read-only
    ///   ``StoreError/Code/noStore`` (no file), ``StoreError/Code/emptyStore`` (no schema yet),
    ///   ``StoreError/Code/notAStore`` and ``StoreError/Code/schemaTooOld``.
    public init(path: String, access: StoreAccess = .readWrite) async throws {
        switch access {
        case .readOnly:
            self.init(connection: .readOnly(try await SQLiteReadOnlyDatabase(path: path)), path: path)
        case .readWrite:
            try Self.checkLoadTarget(path)
            let writer: any DatabaseWriter
            do {
                writer = try DatabasePool(path: path, configuration: Self.configuration)
            } catch let error as DatabaseError {
                throw StoreError(.database, "cannot open the SQLite store \(path): \(SQLiteFailure.describe(error)).")
            }
            try await self.init(writer: writer, path: path, schemaVersion: StoreSchema.currentVersion)
        }
    }

    /// Refuses, before SQLite touches anything, a path that cannot be a store to load into: a directory, a
    /// file that is not an SQLite database (someone else's file is never written), a file or folder this user
    /// cannot write; creates the missing folders of a new store.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidArgument`` (a directory),
    ///   ``StoreError/Code/notAStore`` or ``StoreError/Code/unwritableStore``.
    static func checkLoadTarget(_ path: String) throws(StoreError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StoreError(
                    .invalidArgument,
                    "the store path \(path) is a directory; name a file, e.g. --store sqlite:\(path)/coinpipe.sqlite."
                )
            }
            let head = FileHandle(forReadingAtPath: path).flatMap { handle in
                defer { try? handle.close() }
                return try? handle.read(upToCount: 16)
            }
            if let head, !head.isEmpty, head != Data("SQLite format 3\u{0}".utf8) {
                throw StoreError.notAStore(path, "it is not an SQLite database; nothing was written to it")
            }
            if Glibc.access(path, W_OK) != 0 {
                throw StoreError(
                    .unwritableStore,
                    "the store \(path) cannot be written (\(String(cString: strerror(errno))), read-only for this "
                        + "user or on a read-only file system); nothing was written. Load as a user who may write "
                        + "it, or give another --store."
                )
            }
            return
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path(percentEncoded: false)
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                .unwritableStore,
                "cannot create the folder \(directory) for the store \(path) (\(error.localizedDescription)); "
                    + "give a writable --store path."
            )
        }
        if Glibc.access(directory, W_OK) != 0 {
            throw StoreError(
                .unwritableStore,
                "cannot create the store \(path): its folder \(directory) is not writable "
                    + "(\(String(cString: strerror(errno))), a read-only file system or permissions); "
                    + "give a writable --store path."
            )
        }
    }

    private init(connection: Connection, path: String) {
        self.connection = connection
        self.path = path
    }

    /// Wraps an open database, migrating it to `schemaVersion` (tests migrate to each earlier version).
    init(writer: any DatabaseWriter, path: String, schemaVersion: Int) async throws {
        self.init(connection: .readWrite(writer), path: path)
        let migrator = SQLiteSchema.migrator(upTo: schemaVersion)
        let applied: Set<String>
        do {
            applied = try await writer.read { db in try SQLiteSchema.migrator.appliedIdentifiers(db) }
        } catch let error as DatabaseError {
            throw StoreError(.database, "cannot read the SQLite store \(path): \(SQLiteFailure.describe(error)).")
        }
        if !applied.isSubset(of: StoreSchema.migrationNames) {
            throw StoreError.schemaTooNew(path, version: applied.count)
        }
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(writer) { result in
                    continuation.resume(with: result.map { _ in () })
                }
            }
        } catch let error as DatabaseError {
            throw StoreError(.database, "cannot migrate the SQLite store \(path): \(SQLiteFailure.describe(error)).")
        }
    }

    /// Busy timeout for concurrent writers; foreign keys on; `synchronous = NORMAL` (durable in WAL mode
    /// against a crash of the process, which is what a collector needs); reads through a memory map of up to
    /// 256 MiB (a coin's history touches one page per run, and mapped pages cost no system call).
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return configuration
    }

    public var description: String { "sqlite:\(path)" }

    public func schemaVersion() async throws -> Int {
        try await database("read the schema version") { db in
            try SQLiteSchema.migrator.appliedIdentifiers(db).count
        }
    }

    public func sizeInBytes() async throws -> Int64 {
        if case .readWrite(let writer) = connection {
            // Fold the WAL into the file first, so the file's pages are the whole store.
            _ = try await writer.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
            }
        }
        return try await database("measure the store") { db in
            try Int64.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
                ?? 0
        }
    }

    /// The read-write pool, for a write described by `what`.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/readOnly`` when the store was opened read-only.
    func writer(_ what: String) throws -> any DatabaseWriter {
        guard case .readWrite(let writer) = connection else { throw StoreError.readOnly(path, what) }
        return writer
    }

    /// Runs a read, mapping SQLite errors to ``StoreError/Code/database``.
    ///
    /// On a read-only store, a read that fails because a loader opened (or closed) the store meanwhile is
    /// retried once on a reopened pool.
    func database<T: Sendable>(_ what: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            switch connection {
            case .readWrite(let writer):
                return try await writer.read(body)
            case .readOnly(let database):
                do {
                    return try await database.reader().read(body)
                } catch let error as DatabaseError {
                    guard try await database.reopenIfStale() else { throw error }
                    return try await database.reader().read(body)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(.database, "cannot \(what) in \(path): \(SQLiteFailure.describe(error)).")
        }
    }
}
