import CoinPipeTestSupport
import Dashboard
import Foundation
import ServerLimits
import Store
import Testing

/// `coinpipe serve` closes idle connections and slow request heads, and serves at most `maxConnections` at
/// once (issue 9: four clients holding 20,000 idle connections stopped the dashboard).
@Suite struct ConnectionLimitTests {
    @Test func idleConnectionsAreClosedAfterTheIdleTimeout() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(30), idleTimeout: .milliseconds(500))
        try await DashboardFixture.withServer(connectionLimits: limits) { _, client in
            try await ConnectionLimitChecks.idleConnectionsAreClosed(
                port: client.running.port,
                path: "/api/runs",
                idleTimeout: limits.idleTimeout
            )
        }
    }

    @Test func aRequestHeadSentTooSlowlyIsCutOff() async throws {
        let limits = ConnectionLimits(headerTimeout: .milliseconds(500), idleTimeout: .seconds(30))
        try await DashboardFixture.withServer(connectionLimits: limits) { _, client in
            try await ConnectionLimitChecks.slowRequestHeadsAreClosed(
                port: client.running.port,
                path: "/api/runs",
                headerTimeout: limits.headerTimeout
            )
        }
    }

    @Test func connectionsBeyondTheLimitWaitForAFreeSlot() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(30), idleTimeout: .seconds(2), maxConnections: 4)
        try await DashboardFixture.withServer(connectionLimits: limits) { _, client in
            try await ConnectionLimitChecks.surplusConnectionsWaitForAFreeSlot(
                port: client.running.port,
                path: "/api/runs",
                maxConnections: limits.maxConnections,
                idleTimeout: limits.idleTimeout
            )
        }
    }

    @Test func limitsOutOfRangeAreRefusedBeforeListening() async throws {
        let fixture = try await DashboardFixture.get()
        var configuration = DashboardConfiguration(
            store: .sqlite(path: fixture.root.appending(path: "raw_data/coinpipe.sqlite").path),
            outputRoot: fixture.root.appending(path: "raw_data"),
            port: 0
        )
        configuration.connectionLimits.maxConnections = 0
        await #expect(throws: ConnectionLimitsError.self) {
            try await withDashboard(configuration, logger: testLogger) { _ in }
        }
    }
}
