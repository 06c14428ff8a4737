import ArgumentParser
import Foundation
import Store

/// `coinpipe history COIN`: one coin's stored series.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show one coin's stored quotes over time.",
        discussion: """
            COIN is a CMC id (1), a slug (bitcoin) or a symbol (BTC). A symbol that several coins share is \
            answered with all of them (id, name, slug, market cap) and exit code 2: pick one by id.
            """
    )

    @Argument(help: ArgumentHelp("The coin: CMC id, slug or symbol.", valueName: "coin"))
    var coin: String

    @Option(name: .long, help: "The convert currency.")
    var convert: String = "USD"

    @OptionGroup var window: TimeWindowOptions

    @Option(name: .long, help: "Output format: table, csv or json (csv and json carry every column).")
    var format: QueryFormat = .table

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let url = try store.storeURL(outputRoot: output.url, environment: ProcessInfo.processInfo.environment)
        let logger = logging.makeLogger(label: "coinpipe.store")
        let currency = convert.uppercased()
        let range = try window.range(now: EpochMillis(Date()))
        let query = CoinQuery(coin)
        let result = try await StoreCommandFailure.mapping {
            try await withRunStore(url, logger: logger, access: .readOnly) { runStore in
                try await runStore.history(coin: query, convert: currency, range: range)
            }
        }
        print(StoreRendering.history(coin: result.coin, convert: currency, result.quotes, format: format))
    }
}
