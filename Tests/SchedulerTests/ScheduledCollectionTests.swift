import AsyncHTTPClient
import CMCClient
import CMCEmulator
import CMCModels
import CoinPipeTestSupport
import Collector
import CoreMetrics
import Foundation
import InMemoryLogging
import Logging
import NIOCore
import NIOHTTP1
import Prometheus
import Scheduler
import ServiceLifecycle
import Store
import Testing

/// The scheduler with the real collection against the emulator over loopback: graceful stop and metrics.
@Suite struct ScheduledCollectionTests {
    /// The virtual clock's start for the tests that do not vary the date: the middle of a month.
    static let start = utc(2026, 3, 15, 12, 0, 10)

    @Test func aGracefulStopLetsTheRunInFlightFinishAndItVerifies() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 300
        emulator.plan = .unlimited
        emulator.logoLatency = .milliseconds(100)
        let clock = VirtualClock(start: Self.start, horizon: Self.start.addingTimeInterval(86_400))
        emulator.now = movingClock(from: clock.now())
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let store = StoreURL.sqlite(path: out.appendingPathComponent("coinpipe.sqlite").path)
            let job = job(running, out: out, info: .top(60), store: store)
            let scheduler = CollectionScheduler(
                configuration: .init(every: ScheduleInterval(seconds: 60)),
                work: job,
                clock: clock,
                logger: silentLogger()
            )
            let group = ServiceGroup(configuration: .init(services: [scheduler], logger: silentLogger()))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Stop while the first run is downloading its logos (60 at 2 at a time, 100 ms each: ~3 s).
                try await waitUntil { await running.stats().logoRequests >= 4 }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let runs = try runFolders(in: out)
            #expect(runs.count == 1)
            let folder = try #require(runs.first)
            let report = RunVerifier.verify(folder)
            #expect(report.isClean, "\(report)")
            // The run in flight was allowed to finish: every logo is there.
            let manifest = try RunManifest.load(from: folder)
            #expect(manifest.status == .complete)
            #expect(manifest.counts.logosDownloaded == 60)
            // …and it was loaded into the store, as `collect` does.
            let stored = try await withRunStore(store, logger: silentLogger()) { try await $0.runs(limit: nil) }
            #expect(stored.map(\.id) == [folder.runID.description])
        }
    }

    @Test func aStopThatRunsOutOfTimeInterruptsTheRunWhichStaysVerifiable() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 300
        emulator.plan = .unlimited
        emulator.logoLatency = .milliseconds(100)
        let clock = VirtualClock(start: Self.start, horizon: Self.start.addingTimeInterval(86_400))
        emulator.now = movingClock(from: clock.now())
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let store = StoreURL.sqlite(path: out.appending(path: "coinpipe.sqlite").path)
            let job = job(running, out: out, info: .top(200), store: store)
            let scheduler = CollectionScheduler(
                configuration: .init(every: ScheduleInterval(seconds: 60)),
                work: job,
                clock: clock,
                logger: silentLogger()
            )
            var configuration = ServiceGroupConfiguration(services: [scheduler], logger: silentLogger())
            configuration.maximumGracefulShutdownDuration = .milliseconds(300)
            let group = ServiceGroup(configuration: configuration)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // 200 logos at 2 at a time and 100 ms each take ~10 s; the stop allows 0.3 s.
                try await waitUntil { await running.stats().logoRequests >= 4 }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let runs = try runFolders(in: out)
            #expect(runs.count == 1)
            let folder = try #require(runs.first)
            let manifest = try RunManifest.load(from: folder)
            #expect(manifest.status == .partial)
            #expect(manifest.failures.contains { $0.reason == "interrupted" })
            #expect(manifest.counts.logosDownloaded < 200)
            let report = RunVerifier.verify(folder)
            #expect(report.isClean, "\(report)")
            // What it collected is in the store, as a partial run.
            let stored = try await withRunStore(store, logger: silentLogger()) { try await $0.runs(limit: nil) }
            #expect(stored.map(\.id) == [folder.runID.description])
            #expect(stored.first?.status == "partial")
            #expect(stored.first?.quotesSeen == 300)
        }
    }

    /// With a stop timeout of its own, the scheduler interrupts a run that outlasts it and returns, so the
    /// group never has to cancel, and the metrics endpoint stopping after it logs no error (issue 9, defect
    /// 10: a cancelled Hummingbird server logs `CancellationError` and `Already closed` at error level).
    @Test func theSchedulerInterruptsARunThatOutlastsItsStopTimeoutItself() async throws {
        let clock = VirtualClock(start: Self.start, horizon: Self.start.addingTimeInterval(86_400))
        let (logger, logs) = recordingLogger()
        let work = BlockingWork()
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 60), stopTimeout: .milliseconds(300)),
            work: work,
            clock: clock,
            logger: logger
        )
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let endpoint = MetricsEndpoint(registry: PrometheusCollectorRegistry(), port: 0, logger: logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        // No maximumGracefulShutdownDuration: only the scheduler's own stop timeout can end the run.
        let group = ServiceGroup(configuration: .init(services: [endpoint, scheduler], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            _ = try #require(await iterator.next())
            var started = work.started.makeAsyncIterator()
            await started.next()
            let stop = ContinuousClock.now
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            #expect(ContinuousClock.now - stop < .seconds(10))
        }
        #expect(logs.entries.contains { "\($0.message)".contains("stopped during a run") })
        let errors = logs.entries.filter { $0.level >= .error }.map { "\($0.message)" }
        #expect(errors.isEmpty, "\(errors)")
    }

    /// The metrics of one scheduled run, on any day: the scheduler and the emulator share one injected clock.
    ///
    /// Ten minutes before a month ends, the Basic plan's 10,000 credits cover `--every 1m` until the reset,
    /// so the governor keeps the requested interval (earlier in the month it rightly stretches it).
    @Test(arguments: [
        utc(2026, 1, 31, 23, 50, 10), utc(2026, 2, 28, 23, 50, 10), utc(2028, 2, 29, 23, 50, 10),
        utc(2026, 12, 31, 23, 50, 10),
    ])
    func theMetricsEndpointServesTheRunsCounts(start: Date) async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 300
        emulator.plan = .basic
        // Exactly one tick before the virtual clock's horizon.
        let firstTick = TickGrid.aligned(after: start, interval: .minute).anchor
        let clock = VirtualClock(start: start, horizon: firstTick.addingTimeInterval(30))
        emulator.now = movingClock(from: clock.now())
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let registry = PrometheusCollectorRegistry()
            let factory = CoinPipeMetrics.factory(registry: registry)
            var job = job(running, out: out, info: .top(40), store: StoreURL.none)
            job.client.metricsFactory = factory
            let scheduler = CollectionScheduler(
                configuration: .init(every: .minute),
                work: job,
                clock: clock,
                logger: silentLogger(),
                metricsFactory: factory
            )
            let report = try await scheduler.runSchedule()
            #expect(report.runs[.complete] == 1)
            let folder = try #require(try runFolders(in: out).first)
            let manifest = try RunManifest.load(from: folder)
            let stats = await running.stats()

            let text = try await scrape(registry)
            let metrics = PrometheusText(text)
            #expect(metrics.value("coinpipe_runs_total", ["status": "complete"]) == 1)
            #expect(metrics.value("coinpipe_runs_total", ["status": "failed"]) == nil)
            for endpoint in ["/v1/cryptocurrency/listings/latest", "/v2/cryptocurrency/info"] {
                let calls = manifest.requests.filter { $0.endpoint == endpoint }.count
                #expect(calls > 0)
                #expect(
                    metrics.value("coinpipe_requests_total", ["endpoint": endpoint, "status": "200"]) == Double(calls)
                )
            }
            // Key/info: the schedule's reads (start, after the metadata run) only: the run adopts the plan the
            // schedule read at the start instead of asking again (issue 10, item 3).
            let keyInfoCalls = stats.byPathAndStatus["GET /v1/key/info 200"] ?? 0
            #expect(keyInfoCalls == 2)
            #expect(
                metrics.value("coinpipe_requests_total", ["endpoint": "/v1/key/info", "status": "200"])
                    == Double(keyInfoCalls)
            )
            #expect(metrics.sum("coinpipe_credits_used_total") == Double(manifest.creditsUsed))
            #expect(manifest.creditsUsed == stats.creditsUsed)
            #expect(metrics.value("coinpipe_credits_left", ["period": "month"]) == Double(10_000 - stats.creditsUsed))
            #expect(metrics.value("coinpipe_logo_cache_misses_total", [:]) == Double(manifest.counts.logosDownloaded))
            #expect(manifest.counts.logosDownloaded == 40)
            #expect(metrics.value("coinpipe_logo_cache_hits_total", [:]) == 0)
            #expect(metrics.value("coinpipe_schedule_interval_seconds", [:]) == 60)
            let lastSuccess = try #require(metrics.value("coinpipe_last_success_timestamp_seconds", [:]))
            #expect(abs(lastSuccess - firstTick.timeIntervalSince1970) < 60)
            for stage in ["listings", "info", "logos"] {
                #expect(metrics.value("coinpipe_stage_duration_seconds_count", ["stage": stage]) == 1, "\(stage)")
            }
            #expect(text.contains("# TYPE coinpipe_stage_duration_seconds histogram"))
            #expect(
                metrics.value(
                    "coinpipe_retries_total",
                    ["endpoint": "/v1/cryptocurrency/listings/latest", "reason": "rate_limited"]
                ) == nil
            )
        }
    }

    @Test func retriesAndWaitsAreCountedByReason() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 100
        emulator.plan = .unlimited
        emulator.faults = [FaultRule(kind: .serverError, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 2)]
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let registry = PrometheusCollectorRegistry()
            let factory = CoinPipeMetrics.factory(registry: registry)
            var job = job(running, out: out, info: .none, store: StoreURL.none)
            job.client.metricsFactory = factory
            job.client.retry = RetryPolicy(
                maxAttempts: 4,
                initialBackoff: .milliseconds(10),
                maxBackoff: .milliseconds(20),
                maxTotalWait: .seconds(5)
            )
            let outcome = try await job.collect(withInfo: false)
            #expect(outcome.status == .complete)
            let metrics = PrometheusText(try await scrape(registry))
            let listings = "/v1/cryptocurrency/listings/latest"
            #expect(metrics.value("coinpipe_requests_total", ["endpoint": listings, "status": "500"]) == 2)
            #expect(metrics.value("coinpipe_requests_total", ["endpoint": listings, "status": "200"]) == 1)
            #expect(metrics.sum("coinpipe_retries_total") == 2)
            #expect(metrics.value("coinpipe_waits_total", ["reason": "backoff"]) == 2)
            #expect((metrics.value("coinpipe_wait_seconds_total", ["reason": "backoff"]) ?? 0) > 0)
        }
    }
}

extension ScheduledCollectionTests {
    @Test(arguments: [(FaultRule.Kind.dailyLimit, CreditGovernor.Period.day), (.monthlyLimit, .month)])
    func aRunThatMeetsACreditLimitSaysWhichOne(fault: FaultRule.Kind, period: CreditGovernor.Period) async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 100
        emulator.plan = .unlimited
        emulator.faults = [FaultRule(kind: fault, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 1)]
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let outcome = try await job(running, out: out, info: .none, store: StoreURL.none).collect(withInfo: false)
            #expect(outcome.status == .failed)
            #expect(outcome.limitReached == period)
            #expect(outcome.summary != nil)
        }
    }
}

// MARK: - Helpers

private func job(
    _ running: RunningEmulator,
    out: URL,
    info: CollectConfiguration.InfoSelection,
    store: StoreURL
) -> CollectionJob {
    var client = CMCClient.Configuration(baseURL: running.baseURL, apiKey: APIKey(running.apiKey))
    client.requestTimeout = .seconds(10)
    let collect = CollectConfiguration(outputRoot: out, limit: .all, info: info, concurrency: 2)
    return CollectionJob(client: client, collect: collect, store: store, logger: silentLogger())
}

private func runFolders(in out: URL) throws -> [RunFolder] {
    try FileManager.default.contentsOfDirectory(atPath: out.path).compactMap(RunID.init).map {
        try RunFolder.open(root: out, runID: $0)
    }
}

/// A clock that starts at `start` and moves with real time: the emulator's view of the scheduler's virtual date.
private func movingClock(from start: Date) -> @Sendable () -> Date {
    let offset = start.timeIntervalSinceNow
    return { Date().addingTimeInterval(offset) }
}

/// Polls `condition` every 20 ms for up to 30 s.
private func waitUntil(_ condition: () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while !(await condition()) {
        guard ContinuousClock.now < deadline else {
            Issue.record("the condition did not come true within 30 s")
            return
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Serves `registry` with ``MetricsEndpoint`` on a free loopback port and fetches `/metrics` over HTTP.
private func scrape(_ registry: PrometheusCollectorRegistry) async throws -> String {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let endpoint = MetricsEndpoint(registry: registry, port: 0, logger: silentLogger()) { port in
        continuation.yield(port)
        continuation.finish()
    }
    let group = ServiceGroup(configuration: .init(services: [endpoint], logger: silentLogger()))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status == .ok)
        #expect(response.headers.first(name: "content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let body = try await response.body.collect(upTo: 1 << 20)
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return String(buffer: body)
    }
}

/// Samples of Prometheus text exposition, looked up by name and labels.
private struct PrometheusText {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample] = []

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let series = line[..<space]
            var labels: [String: String] = [:]
            var name = String(series)
            if let brace = series.firstIndex(of: "{"), series.hasSuffix("}") {
                name = String(series[..<brace])
                let inner = series[series.index(after: brace)..<series.index(before: series.endIndex)]
                for pair in inner.split(separator: ",") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    labels[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
            samples.append(Sample(name: name, labels: labels, value: value))
        }
    }

    /// The value of the series with exactly these labels.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// The sum over every series of `name`.
    func sum(_ name: String) -> Double {
        samples.filter { $0.name == name }.map(\.value).reduce(0, +)
    }
}

/// Work whose run lasts until it is cancelled; `started` yields when a run begins.
private struct BlockingWork: ScheduledWork {
    let started: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (started, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    func keyInfo() async throws -> KeyInfo { ScriptedWork.plentifulKey }

    func estimatedCredits(withInfo: Bool) -> Int { 1 }

    func collect(withInfo: Bool) async throws -> ScheduledRunOutcome {
        continuation.yield()
        try await Task.sleep(for: .seconds(60))
        return ScheduledRunOutcome(status: .complete)
    }
}
