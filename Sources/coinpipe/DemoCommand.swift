import ArgumentParser
import CMCClient
import CMCEmulator
import Collector
import Foundation
import Logging
import Store

/// `coinpipe demo`: the whole job against the built-in emulator, with no key and no network.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run `collect --limit all --info all` against the built-in emulator: no key, no network.",
        discussion: """
            Starts the CMC emulator in this process on a free loopback port, then collects every coin, its \
            metadata and its logo into <out>/<run-id>/. Exit codes as for `collect`.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The output root for the demo's run folders.", valueName: "dir"))
    var out: String = "demo_data"

    @Option(name: .long, help: "Coins in the emulated market.")
    var coins: Int = 9000

    @Option(name: .long, help: "Seed of the emulated market.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Latency the emulator adds to each API call, in milliseconds.")
    var apiLatencyMs: Int = 0

    @Option(name: .long, help: "Latency the emulator adds to each logo, in milliseconds.")
    var logoLatencyMs: Int = 0

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run the emulated market this many minutes in the past (its prices drift each minute), "
                + "to build a history quickly: e.g. demo runs at 120, 60 and 0.",
            valueName: "minutes"
        )
    )
    var marketMinutesAgo: Int = 0

    @Option(name: .long, help: "Logo downloads in flight at once.")
    var concurrency: Int = 16

    @Flag(name: .long, help: "Print one JSON object as the result instead of a summary.")
    var json = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...200_000).contains(coins) else { throw ValidationError("--coins must be between 1 and 200000.") }
        guard apiLatencyMs >= 0, logoLatencyMs >= 0 else { throw ValidationError("latencies cannot be negative.") }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256.") }
        guard (0...525_600).contains(marketMinutesAgo) else {
            throw ValidationError("--market-minutes-ago must be between 0 and 525600 (a year).")
        }
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "coinpipe.demo")
        var emulatorLogger = logging.makeLogger(label: "coinpipe.emulator")
        emulatorLogger.logLevel = max(emulatorLogger.logLevel, .warning)
        var emulator = EmulatorConfiguration()
        emulator.coins = coins
        emulator.seed = seed
        emulator.apiLatency = .milliseconds(apiLatencyMs)
        emulator.logoLatency = .milliseconds(logoLatencyMs)
        if marketMinutesAgo > 0 {
            let offset = -TimeInterval(marketMinutesAgo) * 60
            emulator.now = { Date().addingTimeInterval(offset) }
        }
        let collect = CollectConfiguration(
            outputRoot: URL(fileURLWithPath: out).standardizedFileURL,
            limit: .all,
            info: .all,
            concurrency: concurrency
        )
        let storeURL = try store.storeURL(
            outputRoot: collect.outputRoot,
            environment: ProcessInfo.processInfo.environment
        )
        try await withEmulator(emulator, logger: emulatorLogger) { running in
            FileHandleOutput.standardError(
                "demo: emulator with \(coins) coins listening on \(running.baseURL.absoluteString); collecting into \(collect.outputRoot.path)"
            )
            let client = CMCClient.Configuration(baseURL: running.baseURL, apiKey: APIKey(running.apiKey))
            try await CollectInvocation.run(
                client: client,
                collect: collect,
                store: storeURL,
                resume: nil,
                json: json,
                logger: logger
            ) { _ in
                "A demo run cannot be resumed (its emulator stopped with it): `coinpipe demo` starts a new one."
            }
        }
    }
}
