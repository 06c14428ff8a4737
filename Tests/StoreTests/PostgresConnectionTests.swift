import Foundation
import Testing

@testable import Store

/// Connection failures are reported as store errors without the password; no server is needed.
@Suite struct PostgresConnectionTests {
    @Test(.timeLimit(.minutes(1)))
    func unreachableServerFailsWithoutShowingThePassword() async throws {
        // A port nobody listens on (bound and closed at once would race; 1 is privileged and never a server).
        let url = try StoreURL(parsing: "postgres://alice:hunter2@127.0.0.1:1/coinpipe?sslmode=disable")
        let started = ContinuousClock.now
        var caught: (any Error)?
        do {
            try await withRunStore(url, logger: testLogger) { _ in }
        } catch {
            caught = error
        }
        let error = try #require(caught as? StoreError)
        #expect(error.code == .database)
        #expect(error.description.contains("postgres://alice@127.0.0.1:1/coinpipe"))
        #expect(!error.description.contains("hunter2"))
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
