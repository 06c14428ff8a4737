import Hummingbird
public import Logging
import NIOCore
public import Prometheus
public import ServerLimits
public import ServiceLifecycle

/// Serves a Prometheus registry as text at `GET /metrics`: the `--metrics-port` endpoint.
///
/// It is a `Service`, so it runs in the same `ServiceGroup` as the ``CollectionScheduler`` and stops with
/// it. Bind it to loopback (the default) unless the scraper is elsewhere: the metrics are not secret, but
/// there is no authentication.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// MetricsSystem.bootstrap(CoinPipeMetrics.factory(registry: registry))   // once, in the executable
/// let endpoint = MetricsEndpoint(registry: registry, host: "127.0.0.1", port: 9464, logger: logger)
/// ```
public struct MetricsEndpoint: Service, CustomStringConvertible {
    /// The registry whose metrics are served.
    public let registry: PrometheusCollectorRegistry
    /// The address to bind.
    public let host: String
    /// The port to bind; 0 picks a free one (``onListening`` receives it).
    public let port: Int
    /// The header and idle timeouts and the connection limit.
    public let connectionLimits: ConnectionLimits
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// Creates the endpoint.
    ///
    /// - Parameters:
    ///   - registry: the registry to serve.
    ///   - host: the address to bind (`127.0.0.1` by default).
    ///   - port: the port to bind; 0 picks a free one.
    ///   - connectionLimits: the header and idle timeouts and the connection limit (default 10 s for a new
    ///     connection's first request head, 60 s idle, 512 connections at once).
    ///   - logger: where the server logs.
    ///   - onListening: called with the bound port once the server listens.
    public init(
        registry: PrometheusCollectorRegistry,
        host: String = "127.0.0.1",
        port: Int,
        connectionLimits: ConnectionLimits = ConnectionLimits(),
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.registry = registry
        self.host = host
        self.port = port
        self.connectionLimits = connectionLimits
        self.logger = logger
        self.onListening = onListening
    }

    /// A short name for logs.
    public var description: String { "MetricsEndpoint(\(host):\(port))" }

    /// Serves until a graceful shutdown.
    ///
    /// - Throws: ``ConnectionLimitsError`` for limits out of range, and the errors of binding the address.
    public func run() async throws {
        try connectionLimits.validate()
        let registry = self.registry
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
        let port = self.port
        let host = self.host
        let onListening = self.onListening
        let logger = self.logger
        let limits = self.connectionLimits
        let application = Application(
            router: router,
            server: limits.http1Server(logger: logger),
            configuration: limits.applicationConfiguration(address: .hostname(host, port: port), logger: logger),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                logger.info("serving metrics", metadata: ["url": "http://\(host):\(bound)/metrics"])
                await onListening(bound)
            },
            logger: logger
        )
        try await application.run()
    }
}

/// The Prometheus side of CoinPipe's metrics.
public enum CoinPipeMetrics {
    /// A swift-metrics factory writing into `registry`, with histogram buckets that suit CoinPipe's
    /// stage durations (100 ms to 30 min) instead of the default ones (5 ms to 10 s).
    ///
    /// Bootstrap it once, in the executable (`MetricsSystem.bootstrap`); libraries take a factory or use
    /// the global one, and tests pass one of their own with its own registry.
    public static func factory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["coinpipe_stage_duration_seconds"] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
            .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120), .seconds(300), .seconds(600),
            .seconds(1800),
        ]
        return factory
    }
}
