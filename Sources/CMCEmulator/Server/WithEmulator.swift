public import Logging
import ServerLimits

/// Runs an emulator on loopback for the duration of `body`, and shuts it down on every path.
///
/// The server binds ``EmulatorConfiguration/host`` and ``EmulatorConfiguration/port`` (port 0 picks a
/// free one), `body` starts only once the port is bound, and when `body` returns or throws the server
/// stops gracefully through `ServiceGroup.triggerGracefulShutdown()`.
///
/// ```swift
/// var configuration = EmulatorConfiguration()
/// configuration.coins = 300
/// configuration.faults = [FaultRule(kind: .serverError, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 1)]
/// let count = try await withEmulator(configuration) { emulator in
///     // Point the client at emulator.baseURL with the key emulator.apiKey.
///     let stats = await emulator.stats()
///     return stats.apiRequests
/// }
/// ```
///
/// - Parameters:
///   - configuration: What to emulate; see ``EmulatorConfiguration``.
///   - logger: Where the server logs.
///   - body: Work to do while the emulator runs.
/// - Returns: What `body` returns.
/// - Throws: ``EmulatorConfigurationError`` for an invalid configuration, the bind error when the
///   server cannot start, or whatever `body` throws.
public func withEmulator<T: Sendable>(
    _ configuration: EmulatorConfiguration = .init(),
    logger: Logger = Logger(label: "coinpipe.emulator"),
    _ body: (RunningEmulator) async throws -> T
) async throws -> T {
    try await withListening(
        logger: logger,
        notListening: EmulatorConfigurationError(message: "the emulator stopped before it started listening"),
        makeService: { onListening in
            try EmulatorService(configuration: configuration, logger: logger, onListening: onListening)
        },
        body
    )
}
