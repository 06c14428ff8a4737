/// The checks that a CoinPipe HTTP server applies its `ConnectionLimits`, run over raw loopback sockets
/// against any of the three servers (dashboard, emulator, metrics endpoint). Shared by the test targets
/// (CMCEmulatorTests, DashboardTests, SchedulerTests); each throws a ``Failure`` saying what went wrong.
///
/// `path` (with `headers`) must be a cheap request the server answers with a complete response.
public enum ConnectionLimitChecks {
    /// A check did not hold.
    public struct Failure: Error, CustomStringConvertible {
        /// What was expected and what happened.
        public let description: String

        init(_ description: String) { self.description = description }
    }

    /// A connection that never sends anything, and one that was answered and then left alone, are both
    /// closed by the server: not much before `idleTimeout`, and within `idleTimeout` plus a few seconds.
    ///
    /// The server must run with a header timeout longer than `idleTimeout` (so that the silent connection
    /// is closed by the idle timeout).
    public static func idleConnectionsAreClosed(
        port: Int,
        path: String,
        headers: [(name: String, value: String)] = [],
        idleTimeout: Duration
    ) async throws {
        let opened = ContinuousClock.now
        let silent = try RawHTTPConnection(port: port)
        let answered = try RawHTTPConnection(port: port)
        try answered.sendGet(path, headers: headers)
        guard let status = try await answered.waitForResponse(within: .seconds(10)) else {
            throw Failure("GET \(path) was not answered")
        }
        guard status < 400 else { throw Failure("GET \(path) answered \(status)") }
        let afterAnswer = ContinuousClock.now
        guard try await answered.waitUntilClosed(within: idleTimeout * 2 + .seconds(5)) else {
            throw Failure("an answered keep-alive connection stayed open past the idle timeout (\(idleTimeout))")
        }
        let idleFor = ContinuousClock.now - afterAnswer
        guard idleFor >= idleTimeout * 0.8 else {
            throw Failure("the answered connection was closed after \(idleFor), before the idle timeout \(idleTimeout)")
        }
        guard try await silent.waitUntilClosed(within: idleTimeout * 2 + .seconds(5)) else {
            throw Failure("a connection that sent nothing stayed open past the idle timeout (\(idleTimeout))")
        }
        let silentFor = ContinuousClock.now - opened
        guard silentFor >= idleTimeout * 0.8 else {
            throw Failure("the silent connection was closed after \(silentFor), before the idle timeout \(idleTimeout)")
        }
    }

    /// A connection that sends half a request head and then trickles one header line every 100 ms is
    /// closed soon after `headerTimeout`, while a normal request on another connection is answered.
    ///
    /// The server must run with an idle timeout well beyond `headerTimeout` plus 5 s, so that only the
    /// header timeout can explain the close.
    public static func slowRequestHeadsAreClosed(
        port: Int,
        path: String,
        headers: [(name: String, value: String)] = [],
        headerTimeout: Duration
    ) async throws {
        let opened = ContinuousClock.now
        let slow = try RawHTTPConnection(port: port)
        try slow.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n")

        let normal = try RawHTTPConnection(port: port)
        try normal.sendGet(path, headers: headers)
        guard let status = try await normal.waitForResponse(within: .seconds(10)), status < 400 else {
            throw Failure("a normal GET \(path) was not answered while a slow client was connected")
        }

        let deadline = opened + headerTimeout + .seconds(5)
        var line = 0
        while !slow.isClosed {
            guard ContinuousClock.now < deadline else {
                throw Failure("a client trickling its request head stayed connected past \(headerTimeout) + 5 s")
            }
            line += 1
            // Fails once the server has closed; the next look at `isClosed` sees it.
            try? slow.send("X-Slow-\(line): 1\r\n")
            try await Task.sleep(for: .milliseconds(100))
        }
        let connectedFor = ContinuousClock.now - opened
        guard connectedFor >= headerTimeout * 0.8 else {
            throw Failure(
                "the slow client was closed after \(connectedFor), before the header timeout \(headerTimeout)"
            )
        }
    }

    /// With `maxConnections` connections held open (each answered once, so each was accepted), a further
    /// connection's request waits unanswered; once the idle timeout has closed the held ones, it is
    /// answered, and so is a request on a fresh connection.
    ///
    /// The server must run with `maxConnections` and `idleTimeout` (at least 1.5 s, so that the surplus
    /// connection can be seen waiting before the held ones are closed) and a longer header timeout.
    public static func surplusConnectionsWaitForAFreeSlot(
        port: Int,
        path: String,
        headers: [(name: String, value: String)] = [],
        maxConnections: Int,
        idleTimeout: Duration
    ) async throws {
        var held: [RawHTTPConnection] = []
        for index in 0..<maxConnections {
            let connection = try RawHTTPConnection(port: port)
            try connection.sendGet(path, headers: headers)
            guard let status = try await connection.waitForResponse(within: .seconds(10)), status < 400 else {
                throw Failure("connection \(index + 1) of \(maxConnections) (under the limit) was not answered")
            }
            held.append(connection)
        }
        let surplus = try RawHTTPConnection(port: port)
        try surplus.sendGet(path, headers: headers)
        if let status = try await surplus.waitForResponse(within: idleTimeout / 4) {
            throw Failure("connection \(maxConnections + 1) was answered (\(status)) while \(maxConnections) were open")
        }
        for connection in held {
            guard try await connection.waitUntilClosed(within: idleTimeout * 2 + .seconds(5)) else {
                throw Failure("a held connection stayed open past the idle timeout (\(idleTimeout))")
            }
        }
        guard let status = try await surplus.waitForResponse(within: .seconds(10)), status < 400 else {
            throw Failure("the waiting connection was not answered once the held ones were closed")
        }
        let fresh = try RawHTTPConnection(port: port)
        try fresh.sendGet(path, headers: headers)
        guard let freshStatus = try await fresh.waitForResponse(within: .seconds(10)), freshStatus < 400 else {
            throw Failure("a fresh connection was not answered after the held ones were closed")
        }
    }
}
