public import Logging
public import ServiceLifecycle

/// Runs a server for the scope of `body`: the one start-and-stop scaffolding the emulator and the dashboard
/// share.
///
/// The server is made by `makeService`, which receives the callback to call once it listens; `body` starts
/// only then, with what the callback was given (the bound address). When `body` returns or throws, the
/// server stops gracefully through `ServiceGroup.triggerGracefulShutdown()`.
///
/// - Parameters:
///   - logger: The service group's logger.
///   - notListening: The error to throw when the server stops before it listens without an error of its own.
///   - makeService: Makes the server, given its on-listening callback.
///   - body: Work to do while the server runs.
/// - Returns: What `body` returns.
/// - Throws: What `makeService` throws, the server's error when it cannot start, `notListening()`, or what
///   `body` throws (a shutdown error after it adds nothing and is dropped).
package func withListening<Running: Sendable, Result: Sendable>(
    logger: Logger,
    notListening: @autoclosure () -> any Error,
    makeService: (_ onListening: @escaping @Sendable (Running) async -> Void) throws -> any Service,
    _ body: (Running) async throws -> Result
) async throws -> Result {
    let (listening, continuation) = AsyncStream.makeStream(of: Running.self)
    let service = try makeService { running in
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
            // The server stopped before listening: surface its error, else say so.
            try await tasks.waitForAll()
            throw notListening()
        }
        let result: Result
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
