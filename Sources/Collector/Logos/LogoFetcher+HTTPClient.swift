public import AsyncHTTPClient
import CMCClient
import NIOCore

extension LogoFetcher {
    /// Makes an `HTTPClient` fit for logos: redirects disabled (the fetcher follows and re-checks them),
    /// at least `concurrency` connections per host, 10 s to connect and 30 s of read silence at most.
    ///
    /// - Parameter concurrency: The downloads that will be in flight at once.
    /// - Returns: A client; the caller must shut it down (or use ``withHTTPClient(concurrency:_:)``).
    public static func makeHTTPClient(concurrency: Int = 16) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(30))
        )
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, concurrency)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a client from ``makeHTTPClient(concurrency:)`` and shuts it down on every path.
    ///
    /// - Parameters:
    ///   - concurrency: The downloads that will be in flight at once.
    ///   - body: The work to do with the client.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or the client's shutdown error.
    public static func withHTTPClient<T: Sendable>(
        concurrency: Int = 16,
        _ body: (HTTPClient) async throws -> T
    ) async throws -> T {
        try await AsyncHTTPClientTransport.withHTTPClient(makeHTTPClient(concurrency: concurrency), body)
    }
}
