import HummingbirdCore
import Logging

/// Hummingbird's `MaximumAvailableConnections` with a warning when the limit is reached, so that an
/// operator whose server stops accepting sees why in the log.
///
/// The server's listening channel calls it on its event loop: when `isAcceptingNewConnections()` is
/// false it stops accepting, and new connections wait in the listen backlog until one closes.
struct ConnectionCap: AvailableConnectionsDelegate {
    let maximum: Int
    let logger: Logger
    private var open = 0
    /// Set when the warning was logged; cleared once the count falls to half the limit, so a server kept
    /// at its limit warns once rather than once per connection.
    private var warned = false

    init(maximum: Int, logger: Logger) {
        self.maximum = maximum
        self.logger = logger
    }

    mutating func connectionOpened() {
        open += 1
        if open >= maximum, !warned {
            warned = true
            logger.warning(
                "connection limit reached: new connections wait until one closes",
                metadata: ["max_connections": "\(maximum)"]
            )
        }
    }

    mutating func connectionClosed() {
        open -= 1
        if warned, open <= maximum / 2 { warned = false }
    }

    func isAcceptingNewConnections() -> Bool {
        open < maximum
    }
}
