public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// The live ``HTTPTransport``: AsyncHTTPClient with a bounded body.
///
/// The transport never retries and never follows redirects on its own account (create the
/// `HTTPClient` with ``makeHTTPClient(_:)`` to get redirects disabled, gzip decoding, timeouts and the
/// standard proxy variables).
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Options for the `HTTPClient` this transport creates.
    public struct Options: Sendable, Hashable {
        /// How long a TCP/TLS connection may take to establish.
        public var connectTimeout: Duration = .seconds(10)
        /// How long the server may stay silent while a response is being read.
        public var readTimeout: Duration = .seconds(60)
        /// The most concurrent HTTP/1.1 connections per host (AsyncHTTPClient defaults to 8).
        public var connectionsPerHost = 16
        /// The proxy to use, if any (see ``ProxySettings``).
        public var proxy: ProxySettings.Proxy?
        /// Whether AsyncHTTPClient itself retries a failed connection attempt until the connect timeout.
        ///
        /// Off by default: a refused connection then fails its attempt at once, and ``CMCClient``'s retry
        /// policy (a few attempts with a short backoff) decides what happens next, instead of every attempt
        /// waiting out the whole connect timeout against a host that answers "connection refused".
        public var retryConnectionEstablishment = false
        /// Creates options with the defaults.
        public init() {}
    }

    private let client: HTTPClient

    /// Creates a transport over an existing client. The caller owns (and shuts down) the client.
    public init(client: HTTPClient) {
        self.client = client
    }

    /// Runs `body` with `client`, then shuts the client down on every path (the one place CoinPipe owns an
    /// `HTTPClient`'s lifetime).
    ///
    /// - Parameters:
    ///   - client: A client made for this scope, for example by ``makeHTTPClient(_:)``.
    ///   - body: The work to do with it.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws (the shutdown's own error is then dropped), or the shutdown's error.
    public static func withHTTPClient<Result: Sendable>(
        _ client: HTTPClient,
        _ body: (HTTPClient) async throws -> Result
    ) async throws -> Result {
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// Creates an `HTTPClient` configured for CoinPipe: redirects disabled (callers that follow them
    /// re-check every hop), gzip/deflate decoding with a size limit, connect and read timeouts, a
    /// connection pool sized to `connectionsPerHost`, and the proxy if one is given.
    public static func makeHTTPClient(_ options: Options = Options()) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .nanoseconds(Int64(options.connectTimeout.seconds * 1e9)),
                read: .nanoseconds(Int64(options.readTimeout.seconds * 1e9))
            ),
            decompression: .enabled(limit: .size(512 << 20))
        )
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, options.connectionsPerHost)
        configuration.connectionPool.retryConnectionEstablishment = options.retryConnectionEstablishment
        if let proxy = options.proxy {
            configuration.proxy =
                if let authorization = proxy.basicAuthorization {
                    .server(host: proxy.host, port: proxy.port, authorization: .basic(credentials: authorization))
                } else {
                    .server(host: proxy.host, port: proxy.port)
                }
        }
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        do {
            let response = try await client.execute(
                outgoing,
                timeout: .nanoseconds(Int64(request.timeout.seconds * 1e9))
            )
            if let length = response.headers.first(name: "content-length").flatMap(Int.init),
                length > request.maxBodyBytes
            {
                throw TransportError(
                    .bodyTooLarge,
                    "Content-Length \(length) exceeds the limit of \(request.maxBodyBytes) bytes"
                )
            }
            var body = ByteBuffer()
            for try await chunk in response.body {
                if body.readableBytes + chunk.readableBytes > request.maxBodyBytes {
                    throw TransportError(.bodyTooLarge, "body exceeds the limit of \(request.maxBodyBytes) bytes")
                }
                body.writeImmutableBuffer(chunk)
            }
            return HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: Data(buffer: body)
            )
        } catch let error as TransportError {
            throw error
        } catch {
            throw Self.classify(error, url: request.url)
        }
    }

    /// Maps AsyncHTTPClient and NIO errors onto ``TransportError`` codes.
    ///
    /// AsyncHTTPClient's own errors are described by their `shortDescription` only: their full description
    /// carries associated values, and `invalidHeaderFieldValues` carries the rejected header values, the API
    /// key among them.
    ///
    /// - Parameters:
    ///   - error: What AsyncHTTPClient or NIO threw.
    ///   - url: The request's URL, to name the host and port a connection failure was about.
    static func classify(_ error: any Error, url: URL? = nil) -> TransportError {
        if let error = error as? HTTPClientError {
            // These two carry the rejected names or values (the API key among them) as associated values,
            // which a `switch` over HTTPClientError's static members cannot match; recognise them by kind.
            let kind = String(describing: error)
            if kind.hasPrefix("HTTPClientError.invalidHeaderFieldValues") {
                return TransportError(
                    .invalidHeader,
                    "a request header value has characters HTTP does not allow (value not shown)"
                )
            }
            if kind.hasPrefix("HTTPClientError.invalidHeaderFieldNames") {
                return TransportError(.invalidHeader, "a request header name has characters HTTP does not allow")
            }
            switch error {
            case .connectTimeout, .socksHandshakeTimeout, .tlsHandshakeTimeout:
                return TransportError(.connectTimeout, error.shortDescription)
            case .readTimeout, .deadlineExceeded, .writeTimeout:
                return TransportError(.readTimeout, error.shortDescription)
            case .remoteConnectionClosed:
                return TransportError(.connectionDropped, "the server closed the connection before answering")
            case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath:
                return TransportError(.invalidURL, error.shortDescription)
            case .cancelled:
                return TransportError(.other, "cancelled")
            default:
                return TransportError(.other, error.shortDescription)
            }
        }
        if let failure = connectionFailure(error) {
            return TransportError(.connectionFailed, "cannot connect to \(endpoint(of: url)): \(failure)")
        }
        if error is HTTPParserError {
            return TransportError(.truncatedBody, "the response ended early or was malformed (\(error))")
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return TransportError(.connectTimeout, String(describing: error))
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return TransportError(.connectionDropped, String(describing: error))
            default: return TransportError(.other, String(describing: error))
            }
        }
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("ssl") || text.localizedCaseInsensitiveContains("tls")
            || text.localizedCaseInsensitiveContains("certificate")
        {
            return TransportError(.tls, text)
        }
        if text.localizedCaseInsensitiveContains("decompression") {
            return TransportError(.truncatedBody, text)
        }
        return TransportError(.other, text)
    }

    /// Why a connection could not be made ("connection refused", "cannot resolve the host name"…), or `nil`
    /// when `error` is not a connection failure.
    private static func connectionFailure(_ error: any Error) -> String? {
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "cannot resolve the host name"
            }
            if let first = error.connectionErrors.first { return connectionFailure(first.error) ?? "\(first.error)" }
            return "no address to connect to"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ENETUNREACH, EHOSTUNREACH: return "host unreachable"
            case ETIMEDOUT: return "connection timed out"
            default: return String(cString: strerror(error.errnoCode))
            }
        }
        return nil
    }

    /// `host:port` of a URL, with the scheme's default port when the URL names none.
    private static func endpoint(of url: URL?) -> String {
        guard let url, let host = url.host else { return "the server" }
        let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
