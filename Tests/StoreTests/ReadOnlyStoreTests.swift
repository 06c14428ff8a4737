import CoinPipeTestSupport
import Foundation
import GRDB
import Testing

@testable import Store

/// SQLite stores opened read-only: they are read as they are, and a missing, empty, foreign or other-version
/// store is reported, never created, migrated or written.
///
/// The core assertion of each test is that the store's folder is unchanged afterwards: the same file names
/// (no `-wal` or `-shm` appears), and the store's bytes and modification time. That holds whether or not the
/// tests run as root, which ignores the `chmod` that makes the file and folder read-only for everyone else.
@Suite struct ReadOnlyStoreTests {
    /// A file 0444 in a folder 0555: every query reads it, and nothing in the folder changes.
    @Test func readsAReadOnlyFileInAReadOnlyFolder() async throws {
        try await withTemporaryDirectory { directory in
            let path = try await loadedStore(in: directory)
            let folder = directory.appending(path: "store")
            try await withReadOnlyPermissions(file: path, folder: folder) {
                let before = try FolderState(folder)
                try await withRunStore(.sqlite(path: path), logger: testLogger, access: .readOnly) { store throws in
                    #expect(try await store.runs(limit: nil).map(\.id) == [fixtureRunID("run-a")])
                    #expect(try await store.latest(convert: "USD", top: nil).count == 3)
                    #expect(
                        try await store.history(coinID: 1, convert: "USD", range: .all).map(\.price) == [57512.4417]
                    )
                    #expect(try await StoreScenarios.exportAll(store).count == 3)
                    #expect(try await store.schemaVersion() == StoreSchema.currentVersion)
                    #expect(try await store.sizeInBytes() > 0)
                }
                #expect(try FolderState(folder) == before)
            }
        }
    }

    /// An empty file (0 bytes, or an SQLite header without tables) is reported as empty and stays as it was.
    @Test(arguments: [false, true])
    func anEmptyFileIsReportedAndLeftAsItIs(withHeader: Bool) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending(path: "coinpipe.sqlite").path
            if withHeader {
                let queue = try DatabaseQueue(path: path)
                try await queue.write { db in try db.execute(sql: "PRAGMA user_version = 1") }
                try queue.close()
            } else {
                #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            }
            let before = try FolderState(directory)
            let error = try await openFailure(path)
            #expect(error.code == .emptyStore)
            #expect(error.message.contains("the store \(path) is empty: load runs first (`coinpipe load <out>`)"))
            expectNoInternals(error)
            #expect(try FolderState(directory) == before)
            if !withHeader {
                #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
            }
        }
    }

    /// A store a newer CoinPipe migrated (a migration this build does not know) is refused with both versions.
    @Test func aNewerSchemaIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = try await loadedStore(in: directory)
            let pool = try DatabasePool(path: path)
            try await pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            try pool.close()
            let folder = directory.appending(path: "store")
            let before = try FolderState(folder)
            let error = try await openFailure(path)
            #expect(error.code == .schemaTooNew)
            let newer = StoreSchema.currentVersion + 1
            #expect(error.message.contains("has schema version \(newer), newer than this CoinPipe's"))
            #expect(error.message.contains("upgrade CoinPipe"))
            expectNoInternals(error)
            #expect(try FolderState(folder) == before)
        }
    }

    /// A store at an older version is not migrated by a query: it says which versions, and that a load
    /// migrates it. Opening it read-write then migrates it as before.
    @Test(arguments: 1..<StoreSchema.currentVersion)
    func anOlderSchemaIsNotMigrated(_ version: Int) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending(path: "old.sqlite").path
            do {
                // Migrated synchronously and closed when the pool goes away, so no `-wal` is left behind.
                let pool = try DatabasePool(path: path, configuration: SQLiteRunStore.configuration)
                try SQLiteSchema.migrator(upTo: version).migrate(pool)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(names == ["old.sqlite"], "the loader left \(names)")
            let before = try FolderState(directory)
            let error = try await openFailure(path)
            #expect(error.code == .schemaTooOld)
            #expect(
                error.message.contains(
                    "has schema version \(version), this CoinPipe needs \(StoreSchema.currentVersion); "
                        + "run `coinpipe load`"
                )
            )
            expectNoInternals(error)
            #expect(try FolderState(directory) == before)
            let upgraded = try await SQLiteRunStore(path: path)
            #expect(try await upgraded.schemaVersion() == StoreSchema.currentVersion)
        }
    }

    /// No file: the store is not created, nor its folder.
    @Test func aMissingStoreIsNotCreated() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appending(path: "none/coinpipe.sqlite").path
            let error = try await openFailure(path)
            #expect(error.code == .noStore)
            #expect(error.message.contains("no store at \(path)"))
            #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "none").path))
        }
    }

    /// A file that is not an SQLite database, another application's database, and a directory are not stores.
    @Test func somethingElseIsNotAStore() async throws {
        try await withTemporaryDirectory { directory in
            let text = directory.appending(path: "notes.sqlite").path
            try Data("not a database, just some text that is long enough to have a header\n".utf8)
                .write(to: URL(fileURLWithPath: text))
            let other = directory.appending(path: "other.sqlite").path
            let queue = try DatabaseQueue(path: other)
            try await queue.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
            try queue.close()
            let before = try FolderState(directory)
            for path in [text, other, directory.path] {
                let error = try await openFailure(path)
                #expect(error.code == .notAStore, "\(path): \(error)")
                #expect(error.message.contains("is not a CoinPipe store"))
                expectNoInternals(error)
            }
            #expect(try FolderState(directory) == before)
        }
    }

    /// A read-only store refuses a load (with its own code, not an SQLite error).
    @Test func aLoadIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = try await loadedStore(in: directory)
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-b",
                startedAt: StoreScenarios.t2,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t2)
            )
            let before = try FolderState(directory.appending(path: "store"))
            let store = try await SQLiteRunStore(path: path, access: .readOnly)
            #expect(store.access == .readOnly)
            await #expect {
                _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            } throws: { error in
                (error as? StoreError)?.code == .readOnly
            }
            #expect(try FolderState(directory.appending(path: "store")) == before)
        }
    }

    /// A read-only store opened while no loader has the store open (so read immutable) sees the runs a loader
    /// loads later, while the loader holds the store open and after it has closed it.
    @Test func seesRunsLoadedAfterItOpened() async throws {
        try await withTemporaryDirectory { directory in
            let path = try await loadedStore(in: directory)
            #expect(!SQLiteReadOnlyDatabase.hasWriteAheadLog(path))
            let reader = try await SQLiteRunStore(path: path, access: .readOnly)
            #expect(try await reader.runs(limit: nil).map(\.id) == [fixtureRunID("run-a")])

            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-b",
                startedAt: StoreScenarios.t2,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t2, bitcoinPrice: "58000.5")
            )
            try await withRunStore(.sqlite(path: path), logger: testLogger) { loader throws in
                _ = try await RunLoader.load(folder: folder, into: loader, logger: testLogger)
                #expect(SQLiteReadOnlyDatabase.hasWriteAheadLog(path))
                #expect(try await reader.runs(limit: nil).map(\.id) == [fixtureRunID("run-b"), fixtureRunID("run-a")])
            }
            #expect(try await reader.runs(limit: nil).map(\.id) == [fixtureRunID("run-b"), fixtureRunID("run-a")])
            #expect(
                try await reader.history(coinID: 1, convert: "USD", range: .all).map(\.price) == [57512.4417, 58000.5]
            )
        }
    }

    /// A store a loader holds open (its `-wal` and `-shm` exist) is read through them, in a folder made
    /// read-only, and nothing is added to the folder.
    @Test func readsThroughTheLogOfALoaderThatHasItOpen() async throws {
        try await withTemporaryDirectory { directory in
            let path = try await loadedStore(in: directory)
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: directory,
                runID: "run-b",
                startedAt: StoreScenarios.t2,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t2)
            )
            try await withRunStore(.sqlite(path: path), logger: testLogger) { loader throws in
                _ = try await RunLoader.load(folder: folder, into: loader, logger: testLogger)
                #expect(SQLiteReadOnlyDatabase.hasWriteAheadLog(path))
                let storeFolder = directory.appending(path: "store")
                try await withReadOnlyPermissions(file: path, folder: storeFolder) {
                    let names = try FileManager.default.contentsOfDirectory(atPath: storeFolder.path).sorted()
                    let reader = try await SQLiteRunStore(path: path, access: .readOnly)
                    #expect(
                        try await reader.runs(limit: nil).map(\.id) == [fixtureRunID("run-b"), fixtureRunID("run-a")]
                    )
                    #expect(try FileManager.default.contentsOfDirectory(atPath: storeFolder.path).sorted() == names)
                }
            }
        }
    }

    /// The immutable URI escapes what SQLite's URI parser would decode or cut at.
    @Test func immutableURIEscapesQueryAndFragmentCharacters() {
        #expect(SQLiteReadOnlyDatabase.immutableURI("/tmp/a b/c.sqlite") == "file:///tmp/a%20b/c.sqlite?immutable=1")
        #expect(
            SQLiteReadOnlyDatabase.immutableURI("/tmp/x?y#z%/s.sqlite")
                == "file:///tmp/x%3Fy%23z%25/s.sqlite?immutable=1"
        )
    }

    /// A store with folder names SQLite's URI parser would otherwise misread is still read immutable.
    @Test func readsAStoreUnderAnAwkwardPath() async throws {
        try await withTemporaryDirectory { directory in
            let awkward = directory.appending(path: "a b?c#d%20e")
            try FileManager.default.createDirectory(at: awkward, withIntermediateDirectories: true)
            let path = try await loadedStore(in: awkward)
            let before = try FolderState(awkward.appending(path: "store"))
            let store = try await SQLiteRunStore(path: path, access: .readOnly)
            #expect(try await store.runs(limit: nil).count == 1)
            #expect(try FolderState(awkward.appending(path: "store")) == before)
        }
    }

    // MARK: - Helpers

    /// `store/coinpipe.sqlite` under `directory`, with run `run-a` loaded and the loader closed (so no `-wal`
    /// or `-shm` is left).
    private func loadedStore(in directory: URL) async throws -> String {
        let path = directory.appending(path: "store/coinpipe.sqlite").path
        let folder = try RunFolderFixture.writeCoinPipeRun(
            root: directory,
            runID: "run-a",
            startedAt: StoreScenarios.t1,
            coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
        )
        _ = try await RunLoader.load(folder: folder, into: .sqlite(path: path), logger: testLogger)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appending(path: "store").path)
        #expect(names == ["coinpipe.sqlite"], "the loader left \(names)")
        return path
    }

    /// The error of opening `path` read-only.
    private func openFailure(_ path: String) async throws -> StoreError {
        do {
            try await withRunStore(.sqlite(path: path), logger: testLogger, access: .readOnly) { _ in }
        } catch let error as StoreError {
            return error
        }
        Issue.record("opening \(path) read-only succeeded")
        return StoreError(.database, "")
    }

    /// Messages name the store and what to do, never GRDB's rendering of an SQLite error.
    private func expectNoInternals(_ error: StoreError) {
        for fragment in ["SQLite error", "grdb_", "SELECT", "CREATE", "PRAGMA", "while executing"] {
            #expect(!error.description.contains(fragment), "\(error)")
        }
    }
}

/// The file names in a folder, and each regular file's bytes and modification time.
struct FolderState: Equatable {
    var names: [String]
    var files: [String: Data]
    var modified: [String: Date]

    init(_ folder: URL) throws {
        let fileManager = FileManager.default
        names = try fileManager.contentsOfDirectory(atPath: folder.path).sorted()
        files = [:]
        modified = [:]
        for name in names {
            let path = folder.appending(path: name).path
            let attributes = try fileManager.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files[name] = fileManager.contents(atPath: path)
            modified[name] = attributes[.modificationDate] as? Date
        }
    }
}

/// Runs `body` with `file` at mode 0444 and `folder` at 0555, then restores 0644 and 0755.
func withReadOnlyPermissions<Result>(
    file: String,
    folder: URL,
    _ body: () async throws -> Result
) async throws -> Result {
    let fileManager = FileManager.default
    try fileManager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
    try fileManager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    defer {
        try? fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? fileManager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
    }
    return try await body()
}
