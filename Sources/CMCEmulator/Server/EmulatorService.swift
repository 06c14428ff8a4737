import Hummingbird
public import Logging
import ServerLimits
public import ServiceLifecycle

/// The emulator as a long-running `Service`, for a `ServiceGroup` (the `coinpipe emulator` command).
///
/// ```swift
/// let service = try EmulatorService(configuration: configuration, logger: logger) { running in
///     print("listening on \(running.baseURL)")
/// }
/// try await service.runUntilSignalled()  // or add it to your own ServiceGroup
/// ```
public struct EmulatorService: Service {
    let engine: EmulatorEngine
    private let onListening: @Sendable (RunningEmulator) async -> Void

    /// Builds the universe and checks the configuration; nothing listens until ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: What to emulate and where to listen.
    ///   - logger: Where the server logs (Hummingbird's start and shutdown messages).
    ///   - onListening: Called once the port is bound, before the first connection is accepted; keep it short.
    /// - Throws: ``EmulatorConfigurationError`` for an invalid configuration.
    public init(
        configuration: EmulatorConfiguration,
        logger: Logger,
        onListening: @escaping @Sendable (RunningEmulator) async -> Void = { _ in }
    ) throws(EmulatorConfigurationError) {
        self.engine = try EmulatorEngine(configuration: configuration, logger: logger)
        self.onListening = onListening
    }

    /// Serves until the surrounding `ServiceGroup` shuts down gracefully.
    ///
    /// - Throws: Errors from binding the address (e.g. the port is taken).
    public func run() async throws {
        try await makeApplication().run()
    }

    /// Serves in a `ServiceGroup` of its own that shuts down gracefully on SIGTERM and SIGINT.
    ///
    /// - Throws: Errors from binding the address (e.g. the port is taken).
    public func runUntilSignalled() async throws {
        try await makeApplication().runService()
    }

    private func makeApplication() -> some ApplicationProtocol {
        let engine = self.engine
        let onListening = self.onListening
        let configuration = engine.configuration
        let limits = configuration.connectionLimits
        return Application(
            responder: EmulatorResponder(engine: engine),
            server: limits.http1Server(logger: engine.logger),
            configuration: limits.applicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                logger: engine.logger
            ),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await engine.boundAddress.set(host: configuration.host, port: port)
                await onListening(RunningEmulator(engine: engine, host: configuration.host, port: port))
            },
            logger: engine.logger
        )
    }
}
