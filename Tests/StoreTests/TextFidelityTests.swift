import Foundation
import Testing

@testable import Store

/// Text from the API is stored exactly as received, a NUL character included, on both engines.
@Suite struct TextFidelityTests {
    /// The description of the issue: everything after `\u0000` was lost in SQLite.
    static let description = "Line one\u{0} null, and a \\0 that was already there \u{0}\u{0} end"
    /// A name with a NUL, which also reaches the `coins` table and every quote row.
    static let name = "Zero\u{0} coin"
    /// A text that starts with PostgreSQL's escape marker must come back unchanged too.
    static let notice = "\u{FFFF}starts with the marker\\"

    @Test func sqliteKeepsTextWithANULExactly() async throws {
        try await checkRoundTrip(.sqlite)
    }

    @Test(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
    func postgresKeepsTextWithANULExactly() async throws {
        try await checkRoundTrip(.postgres)
    }

    private func checkRoundTrip(_ engine: Engine) async throws {
        try await withTestStore(engine) { store, directory in
            let folder = try Self.writeRun(root: directory)
            _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)

            let metadata = try #require(try await store.coinMetadata(coinID: 1))
            #expect(metadata.description == Self.description)
            #expect(metadata.description?.unicodeScalars.count == Self.description.unicodeScalars.count)
            #expect(metadata.name == Self.name)
            #expect(metadata.notice == Self.notice)
            #expect(metadata.urls["website"] == ["https://example.org/a\u{0}b"])

            let latest = try await store.latest(convert: "USD", top: nil)
            #expect(latest.first { $0.coinID == 1 }?.name == Self.name)
            let history = try await store.history(coinID: 1, convert: "USD", range: TimeRange())
            #expect(history.map(\.name) == [Self.name])
        }
    }

    /// A run folder whose `data.json` and `info.json` carry NULs as JSON `\u0000` escapes.
    private static func writeRun(root: URL) throws -> URL {
        func json(_ text: String) throws -> String {
            String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        }
        var coin = RunFolderFixture.coin(
            1,
            "ZRO",
            price: "1.5",
            marketCap: "1500",
            rank: 1,
            time: "2026-01-02T03:04:05.000Z",
            name: "NAME-PLACEHOLDER"
        )
        let folder = try RunFolderFixture.writeCoinPipeRun(
            root: root,
            runID: UUID().uuidString.lowercased(),
            startedAt: "2026-01-02T03:04:06.000Z",
            coins: [coin]
        )
        coin.name = Self.name
        let data = RunFolderFixture.dataJSON([coin])
        try Data(data.replacingOccurrences(of: "\"\(Self.name)\"", with: try json(Self.name)).utf8)
            .write(to: folder.appending(path: "data.json"))
        var info = RunFolderFixture.infoJSON([coin])
        info = info.replacingOccurrences(of: "\"\(Self.name)\"", with: try json(Self.name))
        info = info.replacingOccurrences(
            of: "\"\(Self.name) (ZRO) is a cryptocurrency.\"",
            with: try json(Self.description)
        )
        info = info.replacingOccurrences(of: "\"notice\": \"\"", with: "\"notice\": \(try json(Self.notice))")
        info = info.replacingOccurrences(
            of: "\"https://example.org/\(coin.slug)\"",
            with: try json("https://example.org/a\u{0}b")
        )
        #expect(info.contains("\\u0000 null"))
        try Data(info.utf8).write(to: folder.appending(path: "info.json"))
        try RunFolderFixture.relist(folder)
        return folder
    }
}
