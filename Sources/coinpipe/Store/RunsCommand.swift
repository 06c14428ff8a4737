import ArgumentParser
import Foundation
import Store

/// `coinpipe runs`: the stored runs with status, counts and credits.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the stored runs, newest first, with status, counts and credits."
    )

    @Option(name: .long, help: "Show at most this many runs.")
    var limit: Int?

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: QueryFormat = .table

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let url = try store.storeURL(outputRoot: output.url, environment: ProcessInfo.processInfo.environment)
        let logger = logging.makeLogger(label: "coinpipe.store")
        let runs = try await StoreCommandFailure.mapping {
            try await withRunStore(url, logger: logger, access: .readOnly) { try await $0.runs(limit: limit) }
        }
        print(StoreRendering.runs(runs, format: format))
    }
}
