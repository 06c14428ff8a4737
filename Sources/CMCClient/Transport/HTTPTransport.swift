public import Foundation

/// One HTTP request as CoinPipe sends it.
///
/// Headers are an ordered list so that a transport sends them exactly as given. The API key travels
/// only in the `X-CMC_PRO_API_KEY` header and never in ``url``.
public struct HTTPRequest: Sendable {
    /// The HTTP method, `GET` for every CMC endpoint.
    public var method: String
    /// The absolute URL, including the query string.
    public var url: URL
    /// Header fields in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The longest time the whole exchange may take, from connect to the last body byte.
    public var timeout: Duration
    /// The largest body the transport accepts before it gives up with ``TransportError/bodyTooLarge``.
    public var maxBodyBytes: Int

    /// Creates a request.
    public init(
        method: String = "GET",
        url: URL,
        headers: [(name: String, value: String)] = [],
        timeout: Duration = .seconds(60),
        maxBodyBytes: Int = 64 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// The value of the first header with this name (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One HTTP response, with its whole (already decompressed) body.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields as received.
    public var headers: [(name: String, value: String)]
    /// The body bytes exactly as received after content decoding.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header with this name (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// The one seam between CoinPipe and the network.
///
/// The live implementation is ``AsyncHTTPClientTransport``. Tests talk to the real loopback emulator
/// through it too; a closure-backed transport is enough for unit tests of request building.
///
/// A transport sends exactly one request: it never retries, never follows redirects unless told to,
/// and reports failures as ``TransportError`` so that the retry policy can classify them.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the whole response.
    ///
    /// - Throws: ``TransportError`` for timeouts, refused, dropped or truncated connections and bodies
    ///   over ``HTTPRequest/maxBodyBytes``. An HTTP error status is a normal response, not an error.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

/// A failure below HTTP: nothing or only part of a response arrived.
public struct TransportError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, as a stable, extensible code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case connectTimeout = "connect timeout"
            case readTimeout = "read timeout"
            case connectionFailed = "connection failed"
            case connectionDropped = "connection dropped"
            case truncatedBody = "truncated body"
            case bodyTooLarge = "body too large"
            case invalidURL = "invalid URL"
            case invalidHeader = "invalid header"
            case tls = "TLS failure"
            case other = "transport failure"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The server did not accept the connection in time.
        public static let connectTimeout = Code(.connectTimeout)
        /// The server stopped sending before the response was complete, for longer than the read timeout.
        public static let readTimeout = Code(.readTimeout)
        /// The connection could not be made (refused, unresolvable host, unreachable).
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection closed before a response arrived.
        public static let connectionDropped = Code(.connectionDropped)
        /// The connection closed in the middle of the body.
        public static let truncatedBody = Code(.truncatedBody)
        /// The body was larger than the request allowed; reading stopped at the cap.
        public static let bodyTooLarge = Code(.bodyTooLarge)
        /// The URL cannot be sent (no host, unsupported scheme).
        public static let invalidURL = Code(.invalidURL)
        /// A request header cannot be sent (a control character in its value, say). Never retried: the same
        /// request fails the same way.
        public static let invalidHeader = Code(.invalidHeader)
        /// The TLS handshake failed.
        public static let tls = Code(.tls)
        /// Any other failure below HTTP.
        public static let other = Code(.other)

        /// A short, stable text for logs and metric labels.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// More detail, safe to log (never contains header values).
    public var detail: String

    /// Creates a transport error.
    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    /// Whether sending the same request again may succeed.
    public var isTransient: Bool {
        switch code {
        case .invalidURL, .invalidHeader, .bodyTooLarge, .tls: false
        default: true
        }
    }

    public var description: String { detail.isEmpty ? code.description : "\(code): \(detail)" }
}
