import CMCClient
import CMCEmulator
import Foundation
import InMemoryLogging
import Logging
import Testing

/// The API key appears in no log line, error description or request URL.
@Suite struct SecretHygieneTests {
    @Test func theKeyNeverAppearsInLogsErrorsOrURLs() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "hygiene", factory: { _ in handler })
        logger.logLevel = .trace
        var configuration = smallUniverse()
        let secret = "sk-\(UUID().uuidString)"
        configuration.apiKey = secret
        configuration.faults = [
            FaultRule(kind: .serverError, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 1),
            FaultRule(kind: .rateLimit, pathPrefix: "/v1/cryptocurrency/map", count: 1),
        ]
        configuration.rateLimitWindow = .seconds(1)
        var errors: [String] = []
        try await withEmulatorClient(configuration, configure: { $0.rateWindow = .seconds(1) }, logger: logger) {
            client,
            _ in
            _ = try await client.listingsLatest(ListingsQuery(limit: 10))
            _ = try await client.map(MapQuery(limit: 10))
            _ = try await client.keyInfo()
            do {
                _ = try await client.info(InfoQuery(coins: .ids([987_654_321])))
            } catch {
                errors.append(String(describing: error))
                errors.append(String(reflecting: error))
            }
            for exchange in await client.exchanges.all {
                errors.append(exchange.query)
                errors.append(exchange.endpoint)
            }
        }
        try await withEmulatorClient(smallUniverse(), configure: { $0.apiKey = APIKey(secret) }, logger: logger) {
            client,
            _ in
            do { _ = try await client.keyInfo() } catch { errors.append("\(error)") }
        }
        let entries = handler.entries
        #expect(entries.count > 5)
        #expect(entries.contains { $0.level == .notice })  // the waits were logged with their reasons
        for entry in entries {
            let line = "\(entry.message) \(entry.metadata)"
            #expect(!line.contains(secret), "log line leaks the key: \(line)")
        }
        #expect(errors.count >= 3)
        for text in errors { #expect(!text.contains(secret)) }
    }

    /// Texts that must never become a key, with what the refusal must say about each.
    static let badKeys: [(key: String, problem: String)] = [
        ("sekret-abc123\u{1B}", "contains a control character (U+001B) at position 14"),
        ("sekret abc123", "contains a space at position 7"),
        ("sekr\u{E9}t-abc123", "contains a non-ASCII character (U+00E9) at position 5"),
        ("sekret-abc123\n", "contains a control character (U+000A) at position 14"),
        ("\tsekret-abc123", "contains a control character (U+0009) at position 1"),
        (String(repeating: "k", count: 10_240), "is 10240 characters long; at most 128"),
    ]

    @Test(arguments: badKeys.indices)
    func aKeyThatIsNotVisibleASCIIIsRefusedFromTheEnvironmentNamingTheProblemNotTheKey(index: Int) throws {
        let (key, problem) = Self.badKeys[index]
        for name in ["CMC_API_KEY", "API_KEY"] {
            let error = try #require(throws: CMCError.self) {
                try APIKeySource.resolve(apiKeyFile: nil, environment: [name: key])
            }
            #expect(error.code == .invalidConfiguration)
            let text = error.description
            #expect(text.contains(name), "\(text)")
            #expect(text.contains(problem), "\(text)")
            #expect(!text.contains(key))
            #expect(!text.contains(String(String(reflecting: key).dropFirst().dropLast())))
        }
    }

    @Test(arguments: badKeys.indices)
    func aKeyFileThatHoldsMoreThanAVisibleASCIIKeyIsRefusedNamingItsPath(index: Int) throws {
        let (key, problem) = Self.badKeys[index]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coinpipe-key-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("key")
        // One trailing newline is dropped, so the file holds the key plus one.
        try Data((key + "\n").utf8).write(to: file)
        let error = try #require(throws: CMCError.self) {
            try APIKeySource.resolve(apiKeyFile: file.path, environment: ["CMC_API_KEY": "fine"])
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.description.contains(file.path), "\(error)")
        #expect(error.description.contains(problem), "\(error)")
        #expect(!error.description.contains(key))
    }

    @Test func aKeyFileLosesExactlyOneTrailingNewline() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coinpipe-key-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("key")
        for (content, expected) in [("abc-123", "abc-123"), ("abc-123\n", "abc-123"), ("abc-123\r\n", "abc-123")] {
            try Data(content.utf8).write(to: file)
            let found = try #require(try APIKeySource.resolve(apiKeyFile: file.path, environment: [:]))
            #expect(found.key.secret == expected)
        }
        try Data("abc-123\n\n".utf8).write(to: file)
        let error = try #require(throws: CMCError.self) {
            try APIKeySource.resolve(apiKeyFile: file.path, environment: [:])
        }
        #expect(error.description.contains("contains a control character (U+000A) at position 8"), "\(error)")
    }

    /// A header value HTTP does not allow fails the call at once, and neither the error nor any log line
    /// shows the value, escaped or not.
    @Test func aRejectedHeaderValueIsNeitherRetriedNorShown() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "hygiene", factory: { _ in handler })
        logger.logLevel = .trace
        let secret = "ua-\(UUID().uuidString)\u{1B}[31m"
        let escaped = String(String(reflecting: secret).dropFirst().dropLast())
        let error = try await withEmulatorClient(
            smallUniverse(),
            configure: { $0.userAgent = secret },
            logger: logger
        ) { client, emulator in
            let error = try await #require(throws: CMCError.self) { _ = try await client.keyInfo() }
            #expect(await emulator.stats().requests == 0)
            return error
        }
        #expect(error.attempts == 1, "\(error)")
        #expect(error.code == .transport)
        for text in [error.description, String(reflecting: error)]
            + handler.entries.map({ "\($0.message) \($0.metadata)" })
        {
            #expect(!text.contains(secret), "\(text)")
            #expect(!text.contains(escaped), "\(text)")
        }
    }
}
