import ArgumentParser
import Foundation
import Store

/// `coinpipe latest`: the newest snapshot by rank.
struct LatestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latest",
        abstract: "Show the newest stored snapshot, by CMC rank."
    )

    @Option(name: .long, help: "Show the top N coins (0 for all).")
    var top: Int = 20

    @Option(name: .long, help: "The convert currency.")
    var convert: String = "USD"

    @Option(name: .long, help: "Output format: table, csv or json (csv and json carry every column).")
    var format: QueryFormat = .table

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top cannot be negative.") }
    }

    func run() async throws {
        let url = try store.storeURL(outputRoot: output.url, environment: ProcessInfo.processInfo.environment)
        let logger = logging.makeLogger(label: "coinpipe.store")
        let currency = convert.uppercased()
        let limit = top == 0 ? nil : top
        let rows = try await StoreCommandFailure.mapping {
            try await withRunStore(url, logger: logger, access: .readOnly) { runStore in
                try await runStore.latest(convert: currency, top: limit)
            }
        }
        if rows.isEmpty {
            FileHandleOutput.standardError("no stored run has quotes in \(currency).")
        }
        print(StoreRendering.latest(rows, format: format))
    }
}
