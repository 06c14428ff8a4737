import ArgumentParser
import ServerLimits

/// `--header-timeout`, `--idle-timeout` and `--max-connections`, shared by `serve` and `emulator`.
struct ConnectionLimitOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Close a new connection that has not sent a complete request head within this many seconds.",
            valueName: "seconds"
        )
    )
    var headerTimeout: Double = ConnectionLimitOptions.defaults.headerTimeout.seconds

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Close a connection that sends no request for this many seconds (a request being answered is never cut off).",
            valueName: "seconds"
        )
    )
    var idleTimeout: Double = ConnectionLimitOptions.defaults.idleTimeout.seconds

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve at most this many connections at once; further ones wait until one closes.",
            valueName: "n"
        )
    )
    var maxConnections: Int = ConnectionLimitOptions.defaults.maxConnections

    static let defaults = ConnectionLimits()

    func validate() throws {
        try ConnectionLimitOptions.check(
            headerTimeout: (headerTimeout, "--header-timeout"),
            idleTimeout: (idleTimeout, "--idle-timeout"),
            maxConnections: (maxConnections, "--max-connections")
        )
    }

    /// The limits (after validation).
    var limits: ConnectionLimits {
        ConnectionLimits(
            headerTimeout: .seconds(headerTimeout),
            idleTimeout: .seconds(idleTimeout),
            maxConnections: maxConnections
        )
    }

    /// Usage errors naming the flag for a timeout that is not a positive number of seconds up to a day, or
    /// a connection limit below 1; shared with the metrics endpoint's `--metrics-…` flags.
    static func check(
        headerTimeout: (value: Double, flag: String),
        idleTimeout: (value: Double, flag: String),
        maxConnections: (value: Int, flag: String)
    ) throws {
        for (value, flag) in [headerTimeout, idleTimeout] where !(value >= 0.001 && value <= 86_400) {
            throw ValidationError("\(flag) takes a number of seconds from 0.001 to 86400, not \(value).")
        }
        guard maxConnections.value >= 1 else {
            throw ValidationError("\(maxConnections.flag) must be at least 1, not \(maxConnections.value).")
        }
    }
}

extension Duration {
    /// The duration in seconds, for a flag's default.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
