/// How long a client may take and how many connections it may hold: the limits every CoinPipe HTTP server
/// (the dashboard, the emulator, the scheduler's metrics endpoint) applies to its connections.
///
/// Without them, a client that opens a connection and sends nothing, or half a request head (slowloris),
/// holds a descriptor for ever; enough of them exhaust the process's descriptor limit and the server stops
/// answering.
///
/// ```swift
/// var limits = ConnectionLimits()          // 10 s for the first request head, 60 s idle, 512 connections
/// limits.idleTimeout = .seconds(15)
/// try limits.validate()
/// ```
public struct ConnectionLimits: Sendable, Hashable {
    /// How long a new connection may take to send its first complete request head (request line and
    /// headers). A connection that has not by then is closed. Default 10 s.
    ///
    /// Later requests on a kept-alive connection are bounded by ``idleTimeout`` instead.
    public var headerTimeout: Duration
    /// How long a connection may go without a complete request part (a head, a piece of body, the end)
    /// while no answer is being written: the keep-alive time between requests, which also bounds a head
    /// or a body sent too slowly. Default 60 s. A request being answered is never cut off by it.
    public var idleTimeout: Duration
    /// The most connections served at once. At the limit the server stops accepting, so new connections
    /// wait in the listen backlog (256) until one closes. A burst can overshoot by up to 3, as the event
    /// loop accepts up to 4 connections at a time. Default 512, below the usual descriptor limit of 1024.
    public var maxConnections: Int

    /// Creates limits; every argument has a default.
    ///
    /// - Parameters:
    ///   - headerTimeout: How long a new connection may take to send its first complete request head.
    ///   - idleTimeout: How long a connection may go without a complete request part while no answer is
    ///     being written.
    ///   - maxConnections: The most connections served at once.
    public init(
        headerTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(60),
        maxConnections: Int = 512
    ) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// Checks that both timeouts are positive and at least one connection is allowed.
    ///
    /// - Throws: ``ConnectionLimitsError`` naming the first value out of range.
    public func validate() throws(ConnectionLimitsError) {
        guard headerTimeout > .zero else {
            throw ConnectionLimitsError(message: "the header timeout must be positive, not \(headerTimeout)")
        }
        guard idleTimeout > .zero else {
            throw ConnectionLimitsError(message: "the idle timeout must be positive, not \(idleTimeout)")
        }
        guard maxConnections >= 1 else {
            throw ConnectionLimitsError(message: "the connection limit must be at least 1, not \(maxConnections)")
        }
    }
}

/// A ``ConnectionLimits`` value out of range.
public struct ConnectionLimitsError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, for example `the idle timeout must be positive, not 0.0 seconds`.
    public let message: String

    /// The message.
    public var description: String { message }
}
