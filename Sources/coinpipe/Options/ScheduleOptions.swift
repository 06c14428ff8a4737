import ArgumentParser
import Scheduler

/// `--every` and its companions: run `collect` on a schedule.
struct ScheduleOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Collect on a schedule until SIGINT/SIGTERM: 90s, 5m, 1h, 1h30m… (at least 1m; ticks fall at :05 past the minute).",
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
        help: ArgumentHelp("With --every: serve Prometheus metrics at http://HOST:PORT/metrics.", valueName: "port")
    )
    var metricsPort: Int?

    @Option(name: .long, help: ArgumentHelp("The address the metrics endpoint binds.", valueName: "host"))
    var metricsHost: String = "127.0.0.1"

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
        guard ScheduleInterval(parsing: stopTimeout) != nil else {
            throw ValidationError("--stop-timeout takes a duration such as 30s or 5m, not '\(stopTimeout)'.")
        }
        if let metricsPort, !(1...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be between 1 and 65535.")
        }
    }

    /// The schedule, when `--every` is given (after validation).
    var configuration: CollectionScheduler.Configuration? {
        guard let every = every.flatMap(ScheduleInterval.init(parsing:)) else { return nil }
        return CollectionScheduler.Configuration(
            every: every,
            infoEvery: ScheduleInterval(parsing: infoEvery) ?? ScheduleInterval(seconds: 86_400)
        )
    }

    /// How long a run in flight may take to finish after a stop signal.
    var stopTimeoutDuration: Duration {
        (ScheduleInterval(parsing: stopTimeout) ?? ScheduleInterval(seconds: 60)).duration
    }
}
