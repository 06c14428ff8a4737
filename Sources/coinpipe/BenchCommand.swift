import ArgumentParser
import CoinPipeBench
import Foundation
import Logging
import Store

/// `coinpipe bench`: the performance figures of docs/BENCHMARKS.md, measured side by side in one run.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure a full collection against its floor, the logo cache, the original script's way and the store.",
        discussion: """
            Starts the emulator in this process (9000 coins, 150 ms per API call, 30 ms per logo by default) and \
            runs `coinpipe collect --limit all --info all` against it in a child process (so its peak RSS is its \
            own), twice: cold, then with the logo cache warm. Then it fetches the same logos the original script's \
            way (one at a time, a new connection each) beside CoinPipe's fetcher, times decoding one 5000-item \
            listings page, and runs the store benchmark on SQLite (and on PostgreSQL with --postgres or \
            POSTGRES_URL). Prints a Markdown report; figures that miss their target are marked. Not a test: the \
            machine's load moves the absolute numbers, so compare the ratios measured in the same run.
            """
    )

    @Option(name: .long, help: "Coins in the emulated market.")
    var coins: Int = 9000

    @Option(name: .long, help: "Latency the emulator adds to each API call, in milliseconds.")
    var apiLatencyMs: Int = 150

    @Option(name: .long, help: "Latency the emulator adds to each logo, in milliseconds.")
    var logoLatencyMs: Int = 30

    @Option(name: .long, help: "Logo downloads in flight (collect's --concurrency).")
    var concurrency: Int = 16

    @Option(name: .long, help: "Logos fetched the original script's way, and by CoinPipe for comparison.")
    var baselineLogos: Int = 1000

    @Option(name: .long, help: "Runs in the store benchmark's history database (0 skips the store benchmark).")
    var storeHistoryRuns: Int = 10_000

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL server for the store benchmark (role needs CREATEDB; default env POSTGRES_URL).",
            valueName: "url"
        )
    )
    var postgres: String?

    @Option(name: .long, help: ArgumentHelp("Also write the report to this file.", valueName: "path"))
    var report: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...200_000).contains(coins) else { throw ValidationError("--coins must be between 1 and 200000.") }
        guard apiLatencyMs >= 0, logoLatencyMs > 0 else {
            throw ValidationError("--api-latency-ms cannot be negative and --logo-latency-ms must be positive.")
        }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256.") }
        guard (1...coins).contains(baselineLogos) else {
            throw ValidationError("--baseline-logos must be between 1 and --coins.")
        }
        guard storeHistoryRuns >= 0 else { throw ValidationError("--store-history-runs cannot be negative.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = logging.makeLogger(label: "coinpipe.bench")
        var configuration = Benchmark.Configuration(
            executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        )
        configuration.coins = coins
        configuration.apiLatency = .milliseconds(apiLatencyMs)
        configuration.logoLatency = .milliseconds(logoLatencyMs)
        configuration.concurrency = concurrency
        configuration.baselineLogos = baselineLogos
        var postgresSettings: PostgresSettings?
        if let text = postgres ?? environment["POSTGRES_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard case .postgres(let settings) = try StoreURL(parsing: text, environment: environment) else {
                throw ValidationError("--postgres takes a postgres:// URL.")
            }
            postgresSettings = settings
        }

        let loadBefore = Self.loadAverage()
        FileHandleOutput.standardError("bench: collection figures (this takes a minute or two)…")
        let figures = try await Benchmark(configuration: configuration, logger: logger).run()
        var sections = [
            "## Collection (\(coins) coins, \(apiLatencyMs) ms per API call, \(logoLatencyMs) ms per logo, --concurrency \(concurrency))",
            Benchmark.markdown(figures),
        ]
        if storeHistoryRuns > 0 {
            FileHandleOutput.standardError("bench: store figures…")
            let results = try await StoreBenchmark.run(
                StoreBenchmark.Configuration(coins: coins, historyRuns: storeHistoryRuns, postgres: postgresSettings),
                logger: logger
            )
            sections += [
                "## Store (\(coins)-coin runs; history over \(storeHistoryRuns) runs)",
                StoreBenchmark.markdown(results),
            ]
        }
        sections.append(
            "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load average (1 min) "
                + "\(loadBefore) at the start, \(Self.loadAverage()) at the end."
        )
        let text = sections.joined(separator: "\n\n") + "\n"
        print(text, terminator: "")
        if let report {
            try Data(text.utf8).write(to: URL(fileURLWithPath: report), options: .atomic)
        }
        if figures.contains(where: { $0.met == false }) {
            FileHandleOutput.standardError("bench: some figures miss their target (marked **no** above).")
        }
    }

    /// The 1-minute load average from /proc/loadavg, or "unknown".
    private static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
            let first = text.split(separator: " ").first
        else { return "unknown" }
        return String(first)
    }
}
