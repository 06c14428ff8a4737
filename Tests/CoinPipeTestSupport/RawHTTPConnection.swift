import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A raw TCP connection to a loopback server, for tests of how a server treats idle, slow and surplus
/// clients: it sends exactly the bytes it is given (half a request head, nothing at all) and notices when
/// the server closes. Shared by the test targets (CMCEmulatorTests, DashboardTests, SchedulerTests).
///
/// The socket is non-blocking and every wait polls it with a deadline, sleeping between looks, so a test
/// never holds one of the few cooperative threads while the server it talks to runs in the same process.
public final class RawHTTPConnection {
    /// A socket call failed.
    public struct SocketError: Error, CustomStringConvertible {
        /// The call and its `errno`.
        public let description: String
    }

    private let descriptor: Int32
    private var received: [UInt8] = []
    private var closedByServer = false

    /// Connects to `127.0.0.1:port`.
    ///
    /// On loopback the kernel completes the handshake even while the server is not accepting, so this
    /// succeeds for a server at its connection limit; the connection then waits in the listen backlog.
    ///
    /// - Parameter port: The server's port.
    /// - Throws: ``SocketError`` when the socket cannot be made or the connection is refused.
    public init(port: Int) throws {
        #if os(Linux)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            close(descriptor)
            throw SocketError(description: "connect to port \(port): errno \(error)")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Sends `text` as it is (no line endings are added).
    ///
    /// - Throws: ``SocketError`` when the server has closed the connection or the write fails.
    public func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { sendWithoutSignal(descriptor, $0) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                throw SocketError(description: "send: errno \(errno)")
            }
        }
    }

    /// `GET path HTTP/1.1` with a `Host` header and `headers`: a complete request head that keeps the
    /// connection alive.
    public func sendGet(_ path: String, headers: [(name: String, value: String)] = []) throws {
        try send(Self.get(path, headers: headers))
    }

    /// The bytes of `GET path HTTP/1.1` with a `Host` header and `headers`.
    public static func get(_ path: String, headers: [(name: String, value: String)] = []) -> String {
        let extra = headers.map { "\($0.name): \($0.value)\r\n" }.joined()
        return "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: RawHTTPConnection\r\n\(extra)\r\n"
    }

    /// Waits until the server closes the connection (end of stream or reset), reading and discarding what
    /// arrives meanwhile.
    ///
    /// - Parameter timeout: How long to wait.
    /// - Returns: Whether the server closed it within `timeout`.
    public func waitUntilClosed(within timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            readAvailable()
            if closedByServer { return true }
            if ContinuousClock.now >= deadline { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for one complete response (its head, and a body of `Content-Length` bytes or a chunked body
    /// up to its last chunk) and removes it from what was received.
    ///
    /// - Parameter timeout: How long to wait.
    /// - Returns: The status code, or `nil` when no complete response arrived within `timeout` or the
    ///   server closed the connection first.
    public func waitForResponse(within timeout: Duration) async throws -> Int? {
        let deadline = ContinuousClock.now + timeout
        while true {
            readAvailable()
            if let (status, length) = completeResponse() {
                received.removeFirst(length)
                return status
            }
            if closedByServer || ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Whether the server has closed the connection, as far as has been read so far.
    public var isClosed: Bool {
        readAvailable()
        return closedByServer
    }

    // MARK: - Reading

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while !closedByServer {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[..<count])
            } else if count == 0 {
                closedByServer = true
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return
            } else {
                closedByServer = true  // ECONNRESET and the like
            }
        }
    }

    /// The status and total length of the first complete response in `received`.
    private func completeResponse() -> (status: Int, length: Int)? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = firstIndex(of: separator, from: 0) else { return nil }
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.") else { return nil }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        let bodyStart = headEnd + separator.count
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if let length = fields["content-length"].flatMap({ Int($0) }) {
            return received.count >= bodyStart + length ? (status, bodyStart + length) : nil
        }
        if fields["transfer-encoding"]?.lowercased() == "chunked" {
            guard let end = firstIndex(of: Array("0\r\n\r\n".utf8), from: bodyStart) else { return nil }
            return (status, end + 5)
        }
        return (status, bodyStart)
    }

    private func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard received.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= received.count {
            if received[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

/// `send(2)` without SIGPIPE when the server has already closed (the test gets an error instead).
private func sendWithoutSignal(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    #if os(Linux)
        send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    #else
        send(descriptor, bytes.baseAddress, bytes.count, 0)
    #endif
}
