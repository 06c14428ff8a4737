import ArgumentParser
import CMCEmulator
import Foundation
import Logging

/// `coinpipe emulator`: runs the offline CoinMarketCap emulator until SIGINT or SIGTERM.
///
/// The first line on stdout is exactly `listening on http://HOST:PORT`; logs go to stderr.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run an offline CoinMarketCap Pro API emulator (for demos, tests and benchmarks).",
        discussion: """
            Prints 'listening on http://HOST:PORT' as its first stdout line, then serves until SIGINT/SIGTERM.
            Fault grammar: KIND[:COUNT][:PERCENT%][@PATH_PREFIX], e.g. --fault serverError:3@/v1/cryptocurrency/listings/latest
            or --fault drop:10%. See docs/EMULATOR.md.
            """
    )

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port.")
    var port = 0

    @Option(help: "Coins in the universe.")
    var coins = 9000

    @Option(help: "Seed of the deterministic universe and market drift.")
    var seed: UInt64 = 42

    @Option(name: .customLong("api-key"), help: "The one valid API key.")
    var apiKey = "emulator-key"

    @Option(
        help: ArgumentHelp("Plan: basic, hobbyist, startup, standard, professional or unlimited.", valueName: "name")
    )
    var plan = "basic"

    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp("Override the plan's calls per window.", valueName: "n")
    )
    var rateLimit: Int?

    @Option(
        name: .customLong("monthly-credits"),
        help: ArgumentHelp("Override the plan's monthly credits.", valueName: "n")
    )
    var monthlyCredits: Int?

    @Option(name: .customLong("daily-credits"), help: ArgumentHelp("Give the plan a daily credit cap.", valueName: "n"))
    var dailyCredits: Int?

    @Option(
        name: .customLong("rate-window-seconds"),
        help: "Length of the fixed rate-limit window (60 = the UTC minute)."
    )
    var rateWindowSeconds: Double = 60

    @Option(name: .customLong("refresh-seconds"), help: "How often market values move.")
    var refreshSeconds: Double = 60

    @Option(name: .customLong("api-latency-ms"), help: "Latency added before every API answer.")
    var apiLatencyMilliseconds = 0

    @Option(name: .customLong("logo-latency-ms"), help: "Latency added before every logo answer.")
    var logoLatencyMilliseconds = 0

    @Option(name: .customLong("stall-seconds"), help: "How long a 'stall' fault keeps a connection silent.")
    var stallSeconds: Double = 30

    @Option(
        name: .customLong("retry-after"),
        help: ArgumentHelp("Send Retry-After on 429 answers.", valueName: "seconds")
    )
    var retryAfter: Int?

    @Option(
        name: .customLong("max-ids"),
        help: ArgumentHelp("Refuse info/quotes calls naming more ids.", valueName: "n")
    )
    var maxIDs: Int?

    @Option(
        name: .customLong("fault"),
        help: ArgumentHelp("Inject a fault: KIND[:COUNT][:PERCENT%][@PATH_PREFIX] (repeatable).", valueName: "spec")
    )
    var faults: [String] = []

    @Option(
        name: .customLong("hostile-logos"),
        help: ArgumentHelp("Hostile logo kinds for the top coins, comma-separated, or 'all'.", valueName: "kinds")
    )
    var hostileLogos: String?

    @Flag(
        name: .customLong("no-hostile-text"),
        help: "Leave out the coins with HTML/script text in name and description."
    )
    var noHostileText = false

    @OptionGroup(title: "Connections") var connections: ConnectionLimitOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        _ = try makeConfiguration()
    }

    func run() async throws {
        let configuration = try makeConfiguration()
        let logger = logging.makeLogger(label: "coinpipe.emulator")
        let service: EmulatorService
        do {
            service = try EmulatorService(configuration: configuration, logger: logger) { running in
                FileHandle.standardOutput.write(Data("listening on \(running.baseURL.absoluteString)\n".utf8))
            }
        } catch {
            throw ValidationError(error.description)
        }
        try await service.runUntilSignalled()
    }

    /// Turns the options into a configuration, with usage errors for anything the library rejects.
    func makeConfiguration() throws -> EmulatorConfiguration {
        do {
            var plan = try EmulatorPlan.named(plan)
            if let rateLimit { plan.rateLimitPerMinute = rateLimit }
            if let monthlyCredits { plan.monthlyCredits = monthlyCredits }
            if let dailyCredits { plan.dailyCredits = dailyCredits }
            guard rateWindowSeconds > 0, refreshSeconds > 0, stallSeconds >= 0 else {
                throw ValidationError("--rate-window-seconds and --refresh-seconds must be positive.")
            }
            guard apiLatencyMilliseconds >= 0, logoLatencyMilliseconds >= 0 else {
                throw ValidationError("Latencies cannot be negative.")
            }
            let configuration = EmulatorConfiguration(
                host: host,
                port: port,
                coins: coins,
                seed: seed,
                apiKey: apiKey,
                plan: plan,
                rateLimitWindow: .milliseconds(Int64((rateWindowSeconds * 1000).rounded())),
                dataRefreshInterval: .milliseconds(Int64((refreshSeconds * 1000).rounded())),
                retryAfterSeconds: retryAfter,
                apiLatency: .milliseconds(apiLatencyMilliseconds),
                logoLatency: .milliseconds(logoLatencyMilliseconds),
                stallDuration: .milliseconds(Int64((stallSeconds * 1000).rounded())),
                faults: try faults.map { spec throws(EmulatorConfigurationError) in try FaultRule(specification: spec)
                },
                hostileLogos: try hostileLogos.map { text throws(EmulatorConfigurationError) in
                    try HostileLogoKind.parseList(text)
                } ?? [],
                maxIDsPerRequest: maxIDs,
                includeHostileText: !noHostileText,
                connectionLimits: connections.limits
            )
            try configuration.validate()
            return configuration
        } catch let error as EmulatorConfigurationError {
            throw ValidationError(error.description)
        }
    }
}
