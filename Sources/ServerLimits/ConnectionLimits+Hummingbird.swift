package import Hummingbird
package import HummingbirdCore
package import Logging
import NIOCore

extension ConnectionLimits {
    /// An HTTP/1.1 server builder with the header and idle timeouts, for `Application(server:)`.
    ///
    /// - Parameter logger: Where a connection closed for its header timeout is noted (at debug level).
    /// - Returns: A builder of `HTTP1Channel`s with Hummingbird's idle timeout and a header-timeout handler.
    package func http1Server(logger: Logger) -> HTTPServerBuilder {
        let headerTimeout = self.headerTimeout
        return .http1(
            configuration: .init(
                additionalChannelHandlers: [HeaderTimeoutHandler(timeout: headerTimeout, logger: logger)],
                idleTimeout: TimeAmount(idleTimeout)
            )
        )
    }

    /// An application configuration that binds `address` and accepts at most ``maxConnections`` at once.
    ///
    /// - Parameters:
    ///   - address: Where to listen.
    ///   - serverName: The `Server` header, if any.
    ///   - logger: Where reaching the connection limit is logged (a warning).
    /// - Returns: The configuration for `Application(configuration:)`.
    package func applicationConfiguration(
        address: BindAddress,
        serverName: String? = nil,
        logger: Logger
    ) -> ApplicationConfiguration {
        ApplicationConfiguration(
            address: address,
            serverName: serverName,
            availableConnectionsDelegate: ConnectionCap(maximum: maxConnections, logger: logger)
        )
    }
}
