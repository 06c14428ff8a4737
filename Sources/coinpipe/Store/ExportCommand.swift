import ArgumentParser
import Foundation
import Store

/// `coinpipe export`: streams stored quotes as CSV or JSON lines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Stream stored quotes as CSV or JSON lines, without loading them all into memory.",
        discussion: """
            --run ID exports every quote that run saw (also those an earlier run stored first); --since or \
            --from/--to exports the quotes whose CMC last_updated is in the window; neither exports everything.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Export the quotes of this run.", valueName: "id"))
    var run: String?

    @OptionGroup var window: TimeWindowOptions

    @Option(name: .long, help: "Only this convert currency (default: all).")
    var convert: String?

    @Option(name: .long, help: "Output format: csv or jsonl.")
    var format: ExportFormat = .csv

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write to this file (written whole, then renamed into place) instead of stdout.",
            valueName: "file"
        )
    )
    var output: String?

    @OptionGroup var outputRoot: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    /// Quotes fetched, rendered and written at a time.
    static let chunkSize = 2000

    func validate() throws {
        if run != nil, window.isSet {
            throw ValidationError("--run cannot be combined with --since, --from or --to; use one or the other.")
        }
    }

    func run() async throws {
        let url = try store.storeURL(outputRoot: outputRoot.url, environment: ProcessInfo.processInfo.environment)
        let logger = logging.makeLogger(label: "coinpipe.store")
        let selection: ExportSelection =
            if let run { .run(run) } else { .range(try window.range(now: EpochMillis(Date()))) }
        let destination = try ExportDestination(path: output)
        let format = format
        let currency = convert?.uppercased()
        do {
            if let header = format.header { try destination.write(header + "\n") }
            let count = try await StoreCommandFailure.mapping {
                try await withRunStore(url, logger: logger, access: .readOnly) { runStore in
                    try await runStore.export(selection, convert: currency, chunkSize: Self.chunkSize) { chunk in
                        var text = ""
                        for row in chunk {
                            text += format.line(row)
                            text += "\n"
                        }
                        try destination.write(text)
                    }
                }
            }
            try destination.finish()
            FileHandleOutput.standardError(
                "exported \(count) quote\(count == 1 ? "" : "s")\(output.map { " to \($0)" } ?? "")"
            )
        } catch let error as ExportWriteError {
            destination.abandon()
            FileHandleOutput.standardError("error: \(error)")
            throw ExitCode.runFailed
        } catch {
            destination.abandon()
            throw error
        }
    }
}
