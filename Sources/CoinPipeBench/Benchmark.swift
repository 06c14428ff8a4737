import AsyncHTTPClient
import CMCClient
import CMCEmulator
import CMCModels
import Collector
public import Foundation
public import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// `coinpipe bench`: measures CoinPipe against the floor the API and the logo host allow, side by side
/// in one run (this machine is shared and noisy, so only ratios measured together mean much).
public struct Benchmark: Sendable {
    /// What to measure.
    public struct Configuration: Sendable {
        /// Coins in the emulated market.
        public var coins = 9000
        /// Latency the emulator adds to each API call.
        public var apiLatency: Duration = .milliseconds(150)
        /// Latency the emulator adds to each logo.
        public var logoLatency: Duration = .milliseconds(30)
        /// Logo downloads in flight (CoinPipe's default).
        public var concurrency = 16
        /// Logos fetched by the original script's way, and by CoinPipe for comparison.
        public var baselineLogos = 1000
        /// The `coinpipe` executable to run the collections in (so its peak RSS is the collector's own).
        public var executable: URL
        /// Creates a configuration.
        public init(executable: URL) { self.executable = executable }
    }

    /// One measured figure.
    public struct Figure: Sendable, Codable {
        /// What it is.
        public var name: String
        /// The value, formatted.
        public var value: String
        /// The target, if the issue sets one.
        public var target: String
        /// Whether the target is met (`nil` without a target).
        public var met: Bool?
    }

    let configuration: Configuration
    let logger: Logger

    /// Creates a benchmark.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs every measurement.
    ///
    /// - Returns: the figures in report order.
    public func run() async throws -> [Figure] {
        var emulator = EmulatorConfiguration()
        emulator.coins = configuration.coins
        emulator.apiLatency = configuration.apiLatency
        emulator.logoLatency = configuration.logoLatency
        emulator.plan = .standard
        emulator.includeHostileText = true
        var quiet = logger
        quiet.logLevel = .error
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coinpipe-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        return try await withEmulator(emulator, logger: quiet) { running in
            var figures: [Figure] = []
            let out = root.appendingPathComponent("runs")

            // 1. The full collection, cold cache.
            let before = await running.stats()
            let cold = try runCollect(running, out: out)
            let afterCold = await running.stats()
            let apiLatency = configuration.apiLatency.seconds
            let logos = cold.summary.counts.logosExpected
            // The floor: the API calls that are truly needed, sent as concurrently as the plan's rate allows (all
            // listing pages at once, then every metadata batch at once: two round trips), plus
            // ceil(logos / concurrency) logo round trips.
            let floorAPI = 2 * apiLatency
            let floorLogos =
                Double((logos + configuration.concurrency - 1) / configuration.concurrency)
                * configuration.logoLatency.seconds
            let floor = floorAPI + floorLogos
            let minimalCredits = CollectPlan.make(
                CollectConfiguration(limit: .all, info: .all),
                listedCoins: configuration.coins,
                keyInfo: nil
            ).credits
            figures.append(
                Figure(
                    name: "full collection wall time",
                    value: String(format: "%.2f s", cold.seconds),
                    target: "",
                    met: nil
                )
            )
            figures.append(
                Figure(
                    name: "floor (2 API round trips + ceil(logos / concurrency) logo round trips)",
                    value: String(format: "%.2f s", floor),
                    target: "",
                    met: nil
                )
            )
            let ratio = cold.seconds / floor
            figures.append(
                Figure(
                    name: "ratio to floor",
                    value: String(format: "%.2f×", ratio),
                    target: "≤ 1.3×",
                    met: ratio <= 1.3
                )
            )
            figures.append(
                Figure(
                    name: "API requests",
                    value: "\(afterCold.apiRequests - before.apiRequests)",
                    target: "",
                    met: nil
                )
            )
            let credits = afterCold.creditsUsed - before.creditsUsed
            figures.append(
                Figure(
                    name: "credits",
                    value: "\(credits) (minimal \(minimalCredits))",
                    target: "exactly minimal",
                    met: credits == minimalCredits
                )
            )
            let rssMB = Double(cold.peakRSSKilobytes) / 1024
            figures.append(
                Figure(
                    name: "peak RSS of the collector",
                    value: String(format: "%.0f MB", rssMB),
                    target: "< 150 MB",
                    met: rssMB < 150
                )
            )
            figures.append(
                Figure(
                    name: "run status",
                    value: cold.summary.status.rawValue,
                    target: "complete",
                    met: cold.summary.status == .complete
                )
            )

            // 2. The same collection with the logo cache warm.
            let warm = try runCollect(running, out: out)
            let afterWarm = await running.stats()
            let coldLogoStage = cold.summary.stageSeconds["logos"] ?? cold.seconds
            let warmLogoStage = warm.summary.stageSeconds["logos"] ?? warm.seconds
            let downloaded = afterWarm.logoBodyBytes - afterCold.logoBodyBytes
            figures.append(
                Figure(
                    name: "warm run: logo bytes downloaded",
                    value: "\(downloaded)",
                    target: "0",
                    met: downloaded == 0
                )
            )
            let speedup = coldLogoStage / max(warmLogoStage, 0.000_001)
            figures.append(
                Figure(
                    name: "warm run: logo stage",
                    value: String(
                        format: "%.3f s vs %.2f s cold (%.1f× faster)",
                        warmLogoStage,
                        coldLogoStage,
                        speedup
                    ),
                    target: "≥ 10× faster",
                    met: speedup >= 10
                )
            )

            // 3. The original script's way over the first N logos, against CoinPipe's fetcher on the same logos.
            let jobs = try await logoJobs(running, count: configuration.baselineLogos)
            let baseline = try await sequentialNoReuse(jobs, root: root)
            for concurrency in [configuration.concurrency, 32] {
                let fetch = try await coinPipeFetch(jobs, running: running, root: root, concurrency: concurrency)
                let factor = baseline / fetch
                figures.append(
                    Figure(
                        name:
                            "\(jobs.count) logos: one at a time, new connection each vs CoinPipe --concurrency \(concurrency)",
                        value: String(format: "%.2f s vs %.2f s (%.1f× faster)", baseline, fetch, factor),
                        target: concurrency == configuration.concurrency ? "≥ 20×" : "",
                        met: concurrency == configuration.concurrency ? factor >= 20 : nil
                    )
                )
            }

            // 4. Decoding one 5000-item listing page.
            let decode = try await decodeTime(running)
            let pageSize = min(5000, configuration.coins)
            figures.append(
                Figure(
                    name: "decode one \(pageSize)-item listings page",
                    value: String(format: "%.1f ms (median of 7)", decode * 1000),
                    target: "",
                    met: nil
                )
            )
            return figures
        }
    }

    // MARK: - Measurements

    private struct CollectRun {
        var seconds: Double
        var summary: RunSummary
        var peakRSSKilobytes: Int
    }

    /// Runs `coinpipe collect --limit all --info all` in a child process, so its peak RSS is its own.
    private func runCollect(_ running: RunningEmulator, out: URL) throws -> CollectRun {
        let process = Process()
        process.executableURL = configuration.executable
        process.arguments = [
            "collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--info", "all",
            "--out", out.path, "--concurrency", String(configuration.concurrency), "--store", "none", "--json",
            "--log-level", "error",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["CMC_API_KEY"] = running.apiKey  // through the environment, never the argument list
        environment["API_KEY"] = nil
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - started).seconds
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        guard let summary = try? JSONDecoder().decode(RunSummary.self, from: output) else {
            throw BenchmarkError(
                description: "the collection did not print a summary (exit \(process.terminationStatus))"
            )
        }
        return CollectRun(seconds: seconds, summary: summary, peakRSSKilobytes: Int(usage.ru_maxrss))
    }

    private func logoJobs(_ running: RunningEmulator, count: Int) async throws -> [LogoJob] {
        let configuration = CMCClient.Configuration(baseURL: running.baseURL, apiKey: APIKey(running.apiKey))
        return try await CMCClient.withClient(configuration: configuration, logger: logger) { client in
            try await client.adoptPlanLimits()
            let ids = try await client.listingsLatest(ListingsQuery(limit: count)).value.items.map(\.id)
            let infos = InfoSink()
            _ = try await client.info(ids: ids) { await infos.add($0.value.allItems) }
            let byID = await infos.byID
            return ids.compactMap { id in byID[id]?.logo.map { LogoJob(coinID: id, url: $0) } }
        }
    }

    /// The original script's way: one logo at a time, a new client and connection for each, the body
    /// written to a file as `urlretrieve` does.
    private func sequentialNoReuse(_ jobs: [LogoJob], root: URL) async throws -> Double {
        let folder = root.appendingPathComponent("baseline")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        for job in jobs {
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            var request = HTTPClientRequest(url: job.url)
            request.headers.add(name: "Connection", value: "close")
            do {
                let response = try await http.execute(request, timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 1 << 24)
                try Data(buffer: body).write(to: folder.appendingPathComponent("\(job.coinID).png"))
            } catch {
                logger.warning("baseline: logo \(job.coinID) failed: \(error)")
            }
            try await http.shutdown()
        }
        return (ContinuousClock.now - started).seconds
    }

    private func coinPipeFetch(
        _ jobs: [LogoJob],
        running: RunningEmulator,
        root: URL,
        concurrency: Int
    ) async throws -> Double {
        let folder = try RunFolder.create(root: root.appendingPathComponent("fetch-\(concurrency)"), runID: RunID())
        return try await LogoFetcher.withHTTPClient(concurrency: concurrency) { http in
            let fetcher = LogoFetcher(
                httpClient: http,
                policy: LogoHostPolicy(apiBaseURL: running.baseURL),
                cache: nil,
                configuration: LogoFetcher.Configuration(concurrency: concurrency),
                logger: logger
            )
            let started = ContinuousClock.now
            let results = await fetcher.fetch(jobs, into: folder)
            let seconds = (ContinuousClock.now - started).seconds
            guard results.count == jobs.count else {
                throw BenchmarkError(description: "CoinPipe's fetcher finished \(results.count) of \(jobs.count) logos")
            }
            return seconds
        }
    }

    private func decodeTime(_ running: RunningEmulator) async throws -> Double {
        let pageSize = min(5000, configuration.coins)
        let configuration = CMCClient.Configuration(baseURL: running.baseURL, apiKey: APIKey(running.apiKey))
        let body = try await CMCClient.withClient(configuration: configuration, logger: logger) { client in
            try await client.sendRaw(ListingsQuery(limit: pageSize).endpoint()).body
        }
        var times: [Double] = []
        for _ in 0..<7 {
            let started = ContinuousClock.now
            let decoded = try CMCJSON.makeDecoder().decode(CMCEnvelope<DecodedList<Listing>>.self, from: body)
            times.append((ContinuousClock.now - started).seconds)
            guard decoded.data?.items.count == pageSize else {
                throw BenchmarkError(description: "the page did not decode to \(pageSize) items")
            }
        }
        return times.sorted()[times.count / 2]
    }

    /// The figures as a Markdown table.
    public static func markdown(_ figures: [Figure]) -> String {
        var lines = ["| measure | value | target | met |", "|---|---|---|---|"]
        for figure in figures {
            let met = figure.met.map { $0 ? "yes" : "**no**" } ?? ""
            lines.append("| \(figure.name) | \(figure.value) | \(figure.target) | \(met) |")
        }
        return lines.joined(separator: "\n")
    }
}

/// A benchmark that could not run.
public struct BenchmarkError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String
}

private actor InfoSink {
    var byID: [Int: CoinInfo] = [:]
    func add(_ items: [CoinInfo]) {
        for item in items { byID[item.id] = item }
    }
}
