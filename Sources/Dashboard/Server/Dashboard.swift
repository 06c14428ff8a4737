import Hummingbird
public import Logging
import NIOCore
import ServerLimits
import ServiceLifecycle
import Store

/// The read-only web dashboard over a CoinPipe store: the latest snapshot, coin pages with history charts,
/// the runs, and a JSON API behind them.
///
/// ```swift
/// try await Dashboard.run(configuration: configuration, logger: logger)  // until SIGINT or SIGTERM
/// ```
///
/// Tests and embedders use ``withDashboard(_:logger:_:)`` instead, which hands over the bound port.
public enum Dashboard {
    /// Opens the store read-only and serves until SIGINT or SIGTERM, then shuts down gracefully.
    ///
    /// The store is opened ``StoreAccess/readOnly``: the dashboard creates, migrates and writes nothing, so it
    /// can run as a user who may only read the store.
    ///
    /// - Parameters:
    ///   - configuration: Where to listen, the store, the output root.
    ///   - logger: Receives the server's messages and request failures.
    ///   - onListening: Called once the port is bound (for example to print the URL).
    /// - Throws: `ConnectionLimitsError` for connection limits out of range, ``StoreError`` when the store
    ///   cannot be opened read-only (it is missing, empty, or at another schema version; see
    ///   ``StoreAccess/readOnly``), and the errors of binding the address.
    public static func run(
        configuration: DashboardConfiguration,
        logger: Logger,
        onListening: @escaping @Sendable (RunningDashboard) async -> Void = { _ in }
    ) async throws {
        try configuration.connectionLimits.validate()
        try await withRunStore(configuration.store, logger: logger, access: .readOnly) { store in
            let application = makeApplication(store: store, configuration: configuration, logger: logger) { running in
                await onListening(running)
            }
            try await application.runService()
        }
    }

    /// The Hummingbird application over an open store.
    static func makeApplication(
        store: any RunStore,
        configuration: DashboardConfiguration,
        logger: Logger,
        onListening: @escaping @Sendable (RunningDashboard) async -> Void
    ) -> some ApplicationProtocol {
        let router = DashboardRouter(data: DashboardData(store: store, configuration: configuration)).build()
        let host = configuration.host
        let limits = configuration.connectionLimits
        return Application(
            router: router,
            server: limits.http1Server(logger: logger),
            configuration: limits.applicationConfiguration(
                address: .hostname(host, port: configuration.port),
                serverName: "coinpipe",
                logger: logger
            ),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await onListening(RunningDashboard(host: host, port: port))
            },
            logger: logger
        )
    }
}

/// Runs the dashboard for the duration of `body`, then shuts it down gracefully.
///
/// Binds `configuration.host` and `configuration.port` (pass port `0` for any free port; `body` gets the
/// real one). The store is opened ``StoreAccess/readOnly``, as by ``Dashboard/run(configuration:logger:onListening:)``.
///
/// ```swift
/// try await withDashboard(configuration, logger: logger) { running in
///     let page = try await fetch(running.baseURL.appending(path: "runs"))
/// }
/// ```
///
/// - Parameters:
///   - configuration: Where to listen, the store, the output root.
///   - logger: Receives the server's messages.
///   - body: Uses the running dashboard; it stops when `body` returns or throws.
/// - Returns: What `body` returns.
/// - Throws: `ConnectionLimitsError` for connection limits out of range, ``StoreError`` when the store
///   cannot be opened, the errors of binding the address, and what `body` throws.
public func withDashboard<T: Sendable>(
    _ configuration: DashboardConfiguration,
    logger: Logger,
    _ body: (RunningDashboard) async throws -> T
) async throws -> T {
    try configuration.connectionLimits.validate()
    return try await withRunStore(configuration.store, logger: logger, access: .readOnly) { store in
        try await withListening(
            logger: logger,
            notListening: DashboardStartError(),
            makeService: { onListening in
                Dashboard.makeApplication(
                    store: store,
                    configuration: configuration,
                    logger: logger,
                    onListening: onListening
                )
            },
            body
        )
    }
}

/// The server stopped before it listened, without an error of its own.
struct DashboardStartError: Error, CustomStringConvertible {
    var description: String { "the dashboard stopped before it started listening" }
}
