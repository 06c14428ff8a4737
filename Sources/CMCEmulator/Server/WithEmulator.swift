public import Logging
import ServiceLifecycle

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
    let (listening, continuation) = AsyncStream.makeStream(of: RunningEmulator.self)
    let service = try EmulatorService(configuration: configuration, logger: logger) { running in
        continuation.yield(running)
        continuation.finish()
    }
    let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = listening.makeAsyncIterator()
        guard let running = await iterator.next() else {
            // The server stopped before listening: surface its error.
            try await tasks.waitForAll()
            throw EmulatorConfigurationError(message: "the emulator stopped before it started listening")
        }
        let result: T
        do {
            result = try await body(running)
        } catch {
            await group.triggerGracefulShutdown()
            // The body's error is the one the caller needs; a shutdown error after it adds nothing.
            try? await tasks.waitForAll()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return result
    }
}
