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
}
