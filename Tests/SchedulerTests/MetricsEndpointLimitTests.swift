import CoinPipeTestSupport
import Logging
import Prometheus
import Scheduler
import ServerLimits
import ServiceLifecycle
import Testing

/// The `--metrics-port` endpoint closes idle connections and slow request heads, and serves at most
/// `maxConnections` at once.
@Suite struct MetricsEndpointLimitTests {
    @Test func idleConnectionsAreClosedAfterTheIdleTimeout() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(30), idleTimeout: .milliseconds(500))
        try await withMetricsEndpoint(limits) { port in
            try await ConnectionLimitChecks.idleConnectionsAreClosed(
                port: port,
                path: "/metrics",
                idleTimeout: limits.idleTimeout
            )
        }
    }

    @Test func aRequestHeadSentTooSlowlyIsCutOff() async throws {
        let limits = ConnectionLimits(headerTimeout: .milliseconds(500), idleTimeout: .seconds(30))
        try await withMetricsEndpoint(limits) { port in
            try await ConnectionLimitChecks.slowRequestHeadsAreClosed(
                port: port,
                path: "/metrics",
                headerTimeout: limits.headerTimeout
            )
        }
    }

    @Test func connectionsBeyondTheLimitWaitForAFreeSlot() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(30), idleTimeout: .seconds(2), maxConnections: 2)
        try await withMetricsEndpoint(limits) { port in
            try await ConnectionLimitChecks.surplusConnectionsWaitForAFreeSlot(
                port: port,
                path: "/metrics",
                maxConnections: limits.maxConnections,
                idleTimeout: limits.idleTimeout
            )
        }
    }
}

/// Runs a ``MetricsEndpoint`` with `limits` on a free loopback port for the duration of `body`.
private func withMetricsEndpoint(
    _ limits: ConnectionLimits,
    _ body: (Int) async throws -> Void
) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let endpoint = MetricsEndpoint(
        registry: PrometheusCollectorRegistry(),
        port: 0,
        connectionLimits: limits,
        logger: silentLogger()
    ) { port in
        continuation.yield(port)
        continuation.finish()
    }
    let group = ServiceGroup(configuration: .init(services: [endpoint], logger: silentLogger()))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(port)
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}
