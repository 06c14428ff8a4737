import ArgumentParser
import Scheduler
import ServerLimits

/// `--every` and its companions: run `collect` on a schedule.
struct ScheduleOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Collect on a schedule until SIGINT/SIGTERM: 90s, 5m, 1h, 1h30m… (at least 1m; ticks fall at :05 past the minute, see --tick-offset).",
            valueName: "duration"
        )
    )
    var every: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --every: how often runs also collect metadata and logos (the others collect listings only).",
            valueName: "duration"
        )
    )
    var infoEvery: String = "24h"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --every: the second past the minute that ticks fall on (0 to 59; CMC refreshes on the minute).",
            valueName: "seconds"
        )
    )
    var tickOffset: Int = 5

    @Option(
        name: .long,
        help: ArgumentHelp("With --every: serve Prometheus metrics at http://HOST:PORT/metrics.", valueName: "port")
    )
    var metricsPort: Int?

    @Option(name: .long, help: ArgumentHelp("The address the metrics endpoint binds.", valueName: "host"))
    var metricsHost: String = "127.0.0.1"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Close a new metrics connection that has not sent a complete request head within this many seconds.",
            valueName: "seconds"
        )
    )
    var metricsHeaderTimeout: Double = ConnectionLimitOptions.defaults.headerTimeout.seconds

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Close a metrics connection that sends no request for this many seconds.",
            valueName: "seconds"
        )
    )
    var metricsIdleTimeout: Double = ConnectionLimitOptions.defaults.idleTimeout.seconds

    @Option(
        name: .long,
        help: ArgumentHelp("Serve at most this many metrics connections at once.", valueName: "n")
    )
    var metricsMaxConnections: Int = ConnectionLimitOptions.defaults.maxConnections

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --every: how long a run in flight may take to finish after SIGINT/SIGTERM before it is interrupted (and marked partial).",
            valueName: "duration"
        )
    )
    var stopTimeout: String = "60s"

    func validate() throws {
        guard let every else {
            if metricsPort != nil {
                throw ValidationError("--metrics-port needs --every (metrics are served while the schedule runs).")
            }
            return
        }
        guard let interval = ScheduleInterval(parsing: every) else {
            throw ValidationError("--every takes a duration such as 90s, 5m, 1h or 1h30m, not '\(every)'.")
        }
        guard interval >= .minute else {
            throw ValidationError("--every must be at least 1m (CMC refreshes listings every 60 s), not \(interval).")
        }
        guard let info = ScheduleInterval(parsing: infoEvery), info >= .minute else {
            throw ValidationError("--info-every takes a duration of at least 1m such as 6h or 24h, not '\(infoEvery)'.")
        }
        guard (0...59).contains(tickOffset) else {
            throw ValidationError("--tick-offset must be between 0 and 59 seconds, not \(tickOffset).")
        }
        guard ScheduleInterval(parsing: stopTimeout) != nil else {
            throw ValidationError("--stop-timeout takes a duration such as 30s or 5m, not '\(stopTimeout)'.")
        }
        if let metricsPort, !(1...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be between 1 and 65535.")
        }
        try ConnectionLimitOptions.check(
            headerTimeout: (metricsHeaderTimeout, "--metrics-header-timeout"),
            idleTimeout: (metricsIdleTimeout, "--metrics-idle-timeout"),
            maxConnections: (metricsMaxConnections, "--metrics-max-connections")
        )
    }

    /// The schedule, when `--every` is given (after validation).
    var configuration: CollectionScheduler.Configuration? {
        guard let every = every.flatMap(ScheduleInterval.init(parsing:)) else { return nil }
        return CollectionScheduler.Configuration(
            every: every,
            infoEvery: ScheduleInterval(parsing: infoEvery) ?? ScheduleInterval(seconds: 86_400),
            tickOffsetSeconds: tickOffset,
            stopTimeout: stopTimeoutDuration
        )
    }

    /// The metrics endpoint's timeouts and connection limit (after validation).
    var metricsConnectionLimits: ConnectionLimits {
        ConnectionLimits(
            headerTimeout: .seconds(metricsHeaderTimeout),
            idleTimeout: .seconds(metricsIdleTimeout),
            maxConnections: metricsMaxConnections
        )
    }

    /// How long a run in flight may take to finish after a stop signal.
    var stopTimeoutDuration: Duration {
        (ScheduleInterval(parsing: stopTimeout) ?? ScheduleInterval(seconds: 60)).duration
    }
}
