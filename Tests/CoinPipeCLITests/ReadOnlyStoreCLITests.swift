import Foundation
import GRDB
import Store
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The query commands and `serve` open the store read-only: they read a store the user may only read, and
/// never create, migrate or change one.
///
/// Each test checks the store's folder afterwards: the same names (no `-wal`, `-shm` or new store) and the
/// store's bytes and modification time. When the tests run as root, which `chmod` does not stop, every command
/// also runs as `nobody` (see ``TestUser``), for whom the read-only file and folder are real.
@Suite(.serialized) struct ReadOnlyStoreCLITests {
    /// The query commands, each with the arguments it needs.
    static let queries: [[String]] = [
        ["runs"], ["latest", "--top", "5"], ["history", "1"], ["export", "--format", "csv"],
    ]

    @Test func queriesAndServeReadAStoreInAReadOnlyFolder() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = try await demoStore(in: directory)
        let store = out.appendingPathComponent("coinpipe.sqlite")
        try setPermissions(0o444, store)
        try setPermissions(0o555, out)
        defer { try? setPermissions(0o755, out) }
        let before = try StoreFolder(out)
        for user in TestUser.available {
            for query in Self.queries {
                let result = try await runCoinPipe(query + ["--out", out.path], as: user, timeout: 60)
                #expect(result.status == 0, "\(query) as \(user): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(query) as \(user)")
                #expect(try StoreFolder(out) == before, "\(query) as \(user) changed the store's folder")
            }
            let page = try await servedPage(out: out, path: "api/runs", as: user)
            #expect(page.contains("\"status\":\"complete\""), "serve as \(user): \(page)")
            #expect(try StoreFolder(out) == before, "serve as \(user) changed the store's folder")
        }
    }

    /// A loader holds the store open (its `-wal` and `-shm` exist, with a change not yet in the file): the
    /// queries read through them, from a read-only folder, and see the change.
    @Test func queriesReadThroughTheLogOfALoaderThatHasTheStoreOpen() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = try await demoStore(in: directory)
        let store = out.appendingPathComponent("coinpipe.sqlite")
        let loader = try DatabasePool(path: store.path)
        try await loader.write { db in try db.execute(sql: "UPDATE runs SET credits_used = 4242") }
        #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
        try setPermissions(0o555, out)
        defer { try? setPermissions(0o755, out) }
        let before = try StoreFolder(out)
        for user in TestUser.available {
            let result = try await runCoinPipe(["runs", "--out", out.path], as: user)
            #expect(result.status == 0, "as \(user): \(result.stderr)")
            #expect(result.stdout.contains("4242"), "as \(user): \(result.stdout)")
            #expect(try StoreFolder(out) == before, "runs as \(user) changed the store's folder")
        }
        withExtendedLifetime(loader) {}
    }

    @Test func anEmptyStoreIsReportedAndStaysEmpty() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("raw_data")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let store = out.appendingPathComponent("coinpipe.sqlite")
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data()))
        let before = try StoreFolder(out)
        for user in TestUser.available {
            for command in Self.queries + [["serve", "--port", "0"]] {
                let result = try await runCoinPipe(command + ["--out", out.path], as: user, timeout: 60)
                #expect(result.status == 2, "\(command) as \(user): \(result.stderr)")
                #expect(
                    result.stderr.contains("the store \(store.path) is empty: load runs first (`coinpipe load <out>`)"),
                    "\(command) as \(user): \(result.stderr)"
                )
                expectNoInternals(result.stderr)
                #expect(try StoreFolder(out) == before, "\(command) as \(user) changed the store's folder")
            }
        }
        #expect(try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int == 0)
    }

    @Test func aStoreFromANewerCoinPipeExitsFive() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = try await demoStore(in: directory)
        let store = out.appendingPathComponent("coinpipe.sqlite")
        try await execute(store, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        let before = try StoreFolder(out)
        for command in Self.queries + [["serve", "--port", "0"]] {
            let result = try await runCoinPipe(command + ["--out", out.path], timeout: 60)
            #expect(result.status == 5, "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains(
                    "has schema version \(StoreSchema.currentVersion + 1), newer than this CoinPipe's "
                        + "\(StoreSchema.currentVersion); upgrade CoinPipe"
                ),
                "\(command): \(result.stderr)"
            )
            expectNoInternals(result.stderr)
            #expect(try StoreFolder(out) == before, "\(command) changed the store's folder")
        }
    }

    /// A store at version 1: the queries exit 5 and say to run `coinpipe load`, which migrates it; then they
    /// read it.
    @Test func aStoreAtAnOlderVersionIsNotMigratedByQueries() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = try await demoStore(in: directory)
        let store = out.appendingPathComponent("coinpipe.sqlite")
        try await execute(
            store,
            """
            DROP INDEX coins_symbol; DROP INDEX coins_slug; DROP INDEX quotes_last_updated;
            DELETE FROM grdb_migrations WHERE identifier = 'v2-lookup-indexes'
            """
        )
        let before = try StoreFolder(out)
        for command in Self.queries + [["serve", "--port", "0"]] {
            let result = try await runCoinPipe(command + ["--out", out.path], timeout: 60)
            #expect(result.status == 5, "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains(
                    "has schema version 1, this CoinPipe needs \(StoreSchema.currentVersion); run `coinpipe load`"
                ),
                "\(command): \(result.stderr)"
            )
            expectNoInternals(result.stderr)
            #expect(try StoreFolder(out) == before, "\(command) changed the store's folder")
        }
        let load = try await runCoinPipe(["load", "--out", out.path])
        #expect(load.status == 0, "\(load.stderr)")
        let latest = try await runCoinPipe(["latest", "--out", out.path])
        #expect(latest.status == 0, "\(latest.stderr)")
    }

    @Test func aMissingStoreIsReportedAndNotCreated() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("none")
        for command in Self.queries + [["serve", "--port", "0"]] {
            let result = try await runCoinPipe(command + ["--out", out.path], timeout: 60)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("no store at \(out.path)/coinpipe.sqlite"), "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(command) created \(out.path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    // MARK: - Helpers

    /// `raw_data` under `directory`, with a store of a demo run, made by `coinpipe demo`.
    private func demoStore(in directory: URL) async throws -> URL {
        let out = directory.appendingPathComponent("raw_data")
        let demo = try await runCoinPipe(["demo", "--coins", "60", "--out", out.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.hasPrefix("coinpipe.sqlite-") }, "demo left \(names)")
        return out
    }

    /// Runs `sql` on the store with a connection of the test's own (closed after, so no side file is left).
    private func execute(_ store: URL, _ sql: String) async throws {
        let pool = try DatabasePool(path: store.path)
        try await pool.write { db in try db.execute(sql: sql) }
        try pool.close()
    }

    /// Starts `coinpipe serve` on a free port as `user`, fetches `path`, and stops it with SIGTERM.
    private func servedPage(out: URL, path: String, as user: TestUser) async throws -> String {
        let (process, line) = try startServe(out: out.path, as: user)
        let page: Result<String, any Error>
        do {
            let base = try #require(
                line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init),
                "serve as \(user) said: \(line)"
            )
            let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: base + path)))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            page = .success(String(decoding: body, as: UTF8.self))
        } catch {
            page = .failure(error)
        }
        kill(process.processIdentifier, SIGTERM)
        await waitForExit(process)
        #expect(process.terminationStatus == 0, "serve as \(user) exited \(process.terminationStatus)")
        return try page.get()
    }

    private func setPermissions(_ mode: Int, _ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    /// Messages name the store and what to do, never GRDB's rendering of an SQLite error.
    private func expectNoInternals(_ stderr: String) {
        for fragment in ["SQLite error", "grdb_", "SELECT", "CREATE", "PRAGMA", "while executing"] {
            #expect(!stderr.contains(fragment), "\(stderr)")
        }
    }
}

/// The file names of an output root, and the store's bytes and modification time.
struct StoreFolder: Equatable {
    var names: [String]
    var bytes: Data?
    var modified: Date?

    init(_ out: URL) throws {
        let fileManager = FileManager.default
        names = try fileManager.contentsOfDirectory(atPath: out.path).sorted()
        let store = out.appendingPathComponent("coinpipe.sqlite").path
        bytes = fileManager.contents(atPath: store)
        modified = try? fileManager.attributesOfItem(atPath: store)[.modificationDate] as? Date
    }
}
