import Foundation
import GRDB
import Logging

/// A ``RunStore`` in an SQLite file, through GRDB: the default store (`sqlite:<out>/coinpipe.sqlite`).
///
/// The file is opened in WAL mode (readers never wait for a loading collector) with a busy timeout, so several
/// CoinPipe processes on one machine can share it. Opening migrates the schema with GRDB's `DatabaseMigrator`.
public struct SQLiteRunStore: RunStore {
    /// The database file.
    public let path: String

    let writer: any DatabaseWriter

    /// Opens (and when needed creates and migrates) the store at `path`.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - create: Whether to create the file (and its directory) when it is missing.
    /// - Throws: ``StoreError`` with ``StoreError/Code/noStore`` when the file is missing and `create` is
    ///   `false`, ``StoreError/Code/schemaTooNew`` when a newer CoinPipe migrated it, and
    ///   ``StoreError/Code/database`` when SQLite fails.
    public init(path: String, create: Bool = true) async throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create else {
                throw StoreError(
                    .noStore,
                    "no store at \(path); load runs first (`coinpipe load <out>`) or pass --store."
                )
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.database, "cannot create \(directory.path(percentEncoded: false)): \(error)")
            }
        }
        let writer: any DatabaseWriter
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration)
        } catch {
            throw StoreError(.database, "cannot open the SQLite store \(path): \(error)")
        }
        try await self.init(writer: writer, path: path, schemaVersion: StoreSchema.currentVersion)
    }

    /// Wraps an open database, migrating it to `schemaVersion` (tests migrate to each earlier version).
    init(writer: any DatabaseWriter, path: String, schemaVersion: Int) async throws {
        self.writer = writer
        self.path = path
        let migrator = SQLiteSchema.migrator(upTo: schemaVersion)
        let superseded: Bool
        do {
            superseded = try await writer.read { db in try SQLiteSchema.migrator.hasBeenSuperseded(db) }
        } catch {
            throw StoreError(.database, "cannot read the SQLite store \(path): \(error)")
        }
        if superseded {
            throw StoreError(
                .schemaTooNew,
                "the store \(path) was migrated by a newer CoinPipe; upgrade CoinPipe to use it."
            )
        }
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(writer) { result in
                    continuation.resume(with: result.map { _ in () })
                }
            }
        } catch {
            throw StoreError(.database, "cannot migrate the SQLite store \(path): \(error)")
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
        _ = try await writer.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
        return try await database("measure the store") { db in
            try Int64.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
                ?? 0
        }
    }

    /// Runs a read, mapping SQLite errors to ``StoreError/Code/database``.
    func database<T: Sendable>(_ what: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(.database, "cannot \(what) in \(path): \(error)")
        }
    }
}
