public import CMCClient
import CMCModels
public import Collector
public import CoreMetrics
import Foundation
public import Logging
public import ServiceLifecycle

/// Runs a collection on a schedule until it is told to stop: `coinpipe collect --every 5m`.
///
/// - **Ticks** are aligned to CMC's 60 s refresh: the first at the next minute boundary plus
///   ``Configuration/tickOffsetSeconds`` (`:05`), then every interval on that grid (``TickGrid``).
/// - **Never two runs at once**: runs happen one after another; a tick that comes while a run is still
///   going is skipped, logged and counted (`coinpipe_ticks_skipped_total`).
/// - **Metadata and logos** are collected on the first tick and then every ``Configuration/infoEvery``;
///   the ticks in between collect listings only.
/// - **Credits**: key/info (free) is read at the start, after every metadata run, after a failed run and
///   at least every ``Configuration/keyInfoRefresh``; the ``CreditGovernor`` stretches the interval (and says
///   so) when the requested one would spend the key's credits before they reset, or pauses until the reset.
///   A run that meets `error_code` 1009/1010 makes the schedule wait until that limit resets.
/// - **Failures** don't stop it: a failed run is logged, counted (`coinpipe_runs_total{status="failed"}`),
///   and the next tick runs as usual.
/// - **Stopping**: as a swift-service-lifecycle `Service`, a graceful shutdown (SIGTERM/SIGINT in a
///   `ServiceGroup`) ends the wait for the next tick at once and lets a run in flight finish. After
///   ``Configuration/stopTimeout`` the scheduler interrupts that run itself and returns, so the services
///   that stop after it (the metrics endpoint) still stop gracefully; a group that cancels (its
///   `maximumGracefulShutdownDuration` passed) interrupts it too. An interrupted run's manifest says
///   `partial`, so the run folder still verifies.
///
/// ```swift
/// let scheduler = CollectionScheduler(
///     configuration: .init(every: ScheduleInterval(parsing: "5m")!),
///     work: CollectionJob(client: client, collect: collect, store: store, logger: logger),
///     logger: logger
/// )
/// let group = ServiceGroup(configuration: .init(services: [scheduler], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
public struct CollectionScheduler: Service, CustomStringConvertible {
    /// How often to run.
    public struct Configuration: Sendable, Hashable {
        /// The interval between runs (at least a minute).
        public var every: ScheduleInterval
        /// The interval between runs that also collect metadata and logos (24 h by default).
        public var infoEvery: ScheduleInterval
        /// Seconds after the minute boundary that ticks fall on (5 by default).
        public var tickOffsetSeconds: Int
        /// The longest time between two reads of key/info (1 h by default).
        public var keyInfoRefresh: ScheduleInterval
        /// How long a run in flight may go on once a graceful shutdown has begun before the scheduler
        /// interrupts it (and it is marked partial). `nil` (the default) lets it finish unless the group
        /// cancels. Measured on the continuous clock, not on the injected wall clock.
        public var stopTimeout: Duration?

        /// Creates a configuration.
        public init(
            every: ScheduleInterval,
            infoEvery: ScheduleInterval = ScheduleInterval(seconds: 86_400),
            tickOffsetSeconds: Int = 5,
            keyInfoRefresh: ScheduleInterval = ScheduleInterval(seconds: 3_600),
            stopTimeout: Duration? = nil
        ) {
            self.every = every
            self.infoEvery = infoEvery
            self.tickOffsetSeconds = tickOffsetSeconds
            self.keyInfoRefresh = keyInfoRefresh
            self.stopTimeout = stopTimeout
        }
    }

    /// What a schedule did, returned when it stops.
    public struct Report: Sendable, Hashable {
        /// Runs by final status.
        public var runs: [RunStatus: Int] = [:]
        /// Runs that collected metadata.
        public var infoRuns = 0
        /// Ticks skipped because a run was still going.
        public var skippedTicks = 0
        /// Whether the schedule stopped by interrupting a run (which is then marked partial).
        public var interruptedRun = false
        /// The interval in force when it stopped.
        public var interval: ScheduleInterval

        /// All runs, whatever their status.
        public var totalRuns: Int { runs.values.reduce(0, +) }
    }

    /// The schedule.
    public let configuration: Configuration
    let work: any ScheduledWork
    let clock: any WallClock
    let logger: Logger
    let metrics: ScheduleMetrics

    /// Creates a scheduler.
    ///
    /// - Parameters:
    ///   - configuration: how often to run.
    ///   - work: what runs on each tick (``CollectionJob`` for the real collection).
    ///   - clock: the wall clock (tests inject one that moves by itself).
    ///   - logger: where to log.
    ///   - metricsFactory: where the schedule's metrics go; `nil` uses swift-metrics' global factory.
    public init(
        configuration: Configuration,
        work: any ScheduledWork,
        clock: any WallClock = SystemWallClock(),
        logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.configuration = configuration
        self.work = work
        self.clock = clock
        self.logger = logger
        self.metrics = ScheduleMetrics(factory: metricsFactory ?? MetricsSystem.factory)
    }

    /// A short name for logs (`ServiceGroup` logs its services by description).
    public var description: String {
        "CollectionScheduler(every: \(configuration.every), info-every: \(configuration.infoEvery))"
    }

    /// Runs the schedule until a graceful shutdown or cancellation (the `Service` entry point).
    ///
    /// - Throws: ``ScheduleError`` when the API refuses the key at the start.
    public func run() async throws {
        _ = try await runSchedule()
    }

    /// Runs the schedule until a graceful shutdown or cancellation, and reports what it did.
    ///
    /// Neither a failed run nor cancellation throws: the schedule stops and returns its report.
    ///
    /// - Throws: ``ScheduleError`` when the API refuses the key at the start (a missing, invalid or disabled
    ///   key, or a plan that does not allow the endpoints).
    public func runSchedule() async throws -> Report {
        let every = configuration.every
        var report = Report(interval: every)
        var state = GovernorState()
        let start = clock.now()
        let keyInfo = try await readKeyInfo(atStart: true)
        var decision = keyInfo.map { govern($0, state: state, now: start) }
        state.keyInfo = keyInfo
        var interval = decision?.interval ?? every
        metrics.interval(interval)
        var grid = TickGrid.aligned(after: start, interval: interval, offsetSeconds: configuration.tickOffsetSeconds)
        var next = grid.anchor
        if let pausedUntil = decision?.pausedUntil { next = grid.tick(atOrAfter: pausedUntil) }
        logger.info(
            "schedule started",
            metadata: [
                "every": "\(every)", "info_every": "\(configuration.infoEvery)", "interval": "\(interval)",
                "first_tick": "\(CreditGovernor.iso(next))",
            ]
        )
        var lastKeyInfo = start
        var lastInfoRun: Date?

        while await sleep(until: next) {
            let tick = next
            let withInfo =
                lastInfoRun.map { tick.timeIntervalSince($0) >= Double(configuration.infoEvery.seconds) } ?? true
            logger.info(
                "tick: starting a run",
                metadata: [
                    "tick": "\(CreditGovernor.iso(tick))", "with_info": "\(withInfo)",
                    "late_ms": "\(Int((clock.now().timeIntervalSince(tick) * 1000).rounded()))",
                ]
            )
            let outcome: ScheduledRunOutcome
            do {
                outcome = try await collect(withInfo: withInfo)
            } catch {
                // The collector wrote the interrupted run's manifest as partial.
                record(
                    ScheduledRunOutcome(status: .partial, message: "interrupted"),
                    withInfo: withInfo,
                    endedAt: clock.now(),
                    into: &report
                )
                report.interruptedRun = true
                logger.notice("stopped during a run; its run folder is marked partial and verifies")
                break
            }
            let ended = clock.now()
            record(outcome, withInfo: withInfo, endedAt: ended, into: &report)
            if outcome.isUsable, withInfo { lastInfoRun = tick }
            if outcome.status == .complete, let credits = outcome.summary?.creditsUsed {
                state.observedCredits[withInfo] = credits
            }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }

            // Key/info after a metadata run, a failure, or when it is due: the governor re-plans.
            if withInfo || outcome.status == .failed
                || ended.timeIntervalSince(lastKeyInfo) >= Double(configuration.keyInfoRefresh.seconds)
            {
                lastKeyInfo = ended
                if let info = try? await readKeyInfo(atStart: false) {
                    state.keyInfo = info
                    decision = govern(info, state: state, now: ended, previous: decision)
                }
            }
            if let decided = decision?.interval, decided != interval {
                grid = grid.rebased(at: tick, interval: decided)
                interval = decided
                metrics.interval(interval)
            }
            report.interval = interval

            let skipped = grid.ticks(after: tick, before: ended)
            if skipped > 0 {
                report.skippedTicks += skipped
                metrics.skipped(skipped)
                logger.notice(
                    "skipped \(skipped) tick(s) that came while the run was still going",
                    metadata: [
                        "run_seconds": "\(Int(ended.timeIntervalSince(tick).rounded()))", "interval": "\(interval)",
                    ]
                )
            }
            // Never the tick that just ran, even when the run took no time on the clock.
            next = grid.tick(atOrAfter: max(ended, tick.addingTimeInterval(0.001)))
            var resumeAt = decision?.pausedUntil
            if let period = outcome.limitReached {
                let reset =
                    period == .month
                    ? CreditGovernor.monthlyReset(state.keyInfo ?? KeyInfo.empty, now: ended)
                    : CreditGovernor.dailyReset(state.keyInfo ?? KeyInfo.empty, now: ended)
                logger.warning(
                    "the API says the \(period == .month ? "monthly" : "daily") credit limit is reached: waiting until it resets",
                    metadata: ["reset": "\(CreditGovernor.iso(reset))"]
                )
                resumeAt = max(resumeAt ?? reset, reset)
            }
            if let resumeAt, resumeAt > next {
                next = grid.tick(atOrAfter: resumeAt)
                logger.notice("the schedule is paused", metadata: ["next_tick": "\(CreditGovernor.iso(next))"])
            }
        }
        logger.info(
            "schedule stopped",
            metadata: [
                "runs": "\(report.totalRuns)", "failed": "\(report.runs[.failed] ?? 0)",
                "skipped_ticks": "\(report.skippedTicks)",
            ]
        )
        return report
    }

    // MARK: - Steps

    /// Runs one collection; once a graceful shutdown has begun, it has ``Configuration/stopTimeout`` to
    /// finish before it is cancelled (the work then throws, and its run folder is marked partial).
    private func collect(withInfo: Bool) async throws -> ScheduledRunOutcome {
        let work = self.work
        guard let stopTimeout = configuration.stopTimeout else { return try await work.collect(withInfo: withInfo) }
        return try await withThrowingTaskGroup(of: ScheduledRunOutcome?.self) { group in
            group.addTask { try await work.collect(withInfo: withInfo) }
            group.addTask {
                try await gracefulShutdown()
                try await Task.sleep(for: stopTimeout)
                return nil
            }
            // The first child to finish decides: the run's outcome (the timer is then cancelled), or the
            // timer (the run is then cancelled, and its CancellationError ends the group).
            while let result = try await group.next() {
                if let outcome = result {
                    group.cancelAll()
                    return outcome
                }
                logger.notice("the run in flight did not finish within the stop timeout: interrupting it")
                group.cancelAll()
            }
            throw CancellationError()
        }
    }

    /// Sleeps until `date`; `false` when the schedule must stop (graceful shutdown or cancellation).
    private func sleep(until date: Date) async -> Bool {
        // A sleep can end a little early (its clock is not the wall clock): sleep again for what is left.
        while !(Task.isCancelled || Task.isShuttingDownGracefully) {
            let wait = date.timeIntervalSince(clock.now())
            guard wait > 0 else { return true }
            let clock = self.clock
            do {
                try await cancelWhenGracefulShutdown {
                    try await clock.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
                }
            } catch {
                return false
            }
        }
        return false
    }

    /// Reads key/info; at the start a refused key is fatal, later any failure is logged and ignored.
    private func readKeyInfo(atStart: Bool) async throws -> KeyInfo? {
        do {
            return try await work.keyInfo()
        } catch let error as CMCError
            where atStart && (error.code == .missingKey || (error.isKeyOrPlanProblem && error.cmcErrorCode != 1010))
        {
            throw ScheduleError("the API refused the key: \(error)")
        } catch {
            logger.warning(
                "could not read key/info; the schedule keeps its current interval",
                metadata: ["error": "\(error)"]
            )
            return nil
        }
    }

    /// The governor's decision, logged when it changes the schedule.
    private func govern(
        _ info: KeyInfo,
        state: GovernorState,
        now: Date,
        previous: CreditGovernor.Decision? = nil
    ) -> CreditGovernor.Decision {
        let costs = CreditGovernor.Costs(
            listingsRun: state.observedCredits[false] ?? work.estimatedCredits(withInfo: false),
            infoRun: state.observedCredits[true] ?? work.estimatedCredits(withInfo: true)
        )
        let governor = CreditGovernor(requested: configuration.every, infoEvery: configuration.infoEvery, costs: costs)
        let decision = governor.decide(keyInfo: info, now: now)
        metrics.creditsLeft(decision)
        let changed = decision.interval != previous?.interval || decision.pausedUntil != previous?.pausedUntil
        if let message = decision.message, changed || previous == nil {
            logger.warning(
                "\(message)",
                metadata: ["listings_run_credits": "\(costs.listingsRun)", "info_run_credits": "\(costs.infoRun)"]
            )
        } else if changed, previous?.message != nil {
            // The stretch (or pause) is over, say so as loudly as it was announced.
            logger.notice(
                "the credits left now cover --every \(configuration.every): running every \(decision.interval) again",
                metadata: ["listings_run_credits": "\(costs.listingsRun)", "info_run_credits": "\(costs.infoRun)"]
            )
        } else {
            logger.debug(
                "the credits left cover the schedule",
                metadata: [
                    "monthly_left": "\(decision.monthlyCreditsLeft.map(String.init) ?? "unknown")",
                    "listings_run_credits": "\(costs.listingsRun)", "info_run_credits": "\(costs.infoRun)",
                ]
            )
        }
        return decision
    }

    private func record(_ outcome: ScheduledRunOutcome, withInfo: Bool, endedAt: Date, into report: inout Report) {
        report.runs[outcome.status, default: 0] += 1
        if withInfo, outcome.isUsable { report.infoRuns += 1 }
        metrics.ran(outcome, withInfo: withInfo, endedAt: endedAt)
        var metadata: Logger.Metadata = ["status": "\(outcome.status.rawValue)", "with_info": "\(withInfo)"]
        if let summary = outcome.summary {
            metadata["run_id"] = "\(summary.runID)"
            metadata["coins"] = "\(summary.counts.coins)"
            metadata["credits"] = "\(summary.creditsUsed)"
            metadata["seconds"] = "\(String(format: "%.1f", summary.durationSeconds))"
        }
        if let message = outcome.message { metadata["reason"] = "\(message)" }
        switch outcome.status {
        case .complete: logger.info("run finished", metadata: metadata)
        case .partial, .running: logger.warning("run finished partial", metadata: metadata)
        case .failed: logger.error("run failed; the schedule goes on", metadata: metadata)
        }
    }
}

/// What the governor knows between runs.
private struct GovernorState {
    var keyInfo: KeyInfo?
    /// Credits of the last complete run of each kind (keyed by "with info").
    var observedCredits: [Bool: Int] = [:]
}

extension KeyInfo {
    /// Key/info with nothing in it: the resets then default to the next UTC midnight and month.
    fileprivate static var empty: KeyInfo { KeyInfo(plan: .init(), usage: .init()) }
}
