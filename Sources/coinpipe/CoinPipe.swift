import ArgumentParser
import CMallocTuning
import Foundation

/// The `coinpipe` command: parses options and hands over to the libraries.
@main
struct CoinPipe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coinpipe",
        abstract: "Collect CoinMarketCap data into reproducible, verifiable run folders.",
        discussion: """
            Try it without a key:   coinpipe demo
            Real use:               CMC_API_KEY=… coinpipe collect
            Exit codes: 0 complete, 1 failed, 2 usage or configuration error, 3 partial (see the manifest), \
            4 collected but not stored (run `coinpipe load` later).
            """,
        version: CoinPipeVersionText.current,
        subcommands: [
            CollectCommand.self, DemoCommand.self, VerifyCommand.self, KeyCommand.self, EmulatorCommand.self,
            LoadCommand.self, RunsCommand.self, LatestCommand.self, HistoryCommand.self, ExportCommand.self,
            BenchCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command, mapping usage errors to the documented exit code 2 (ArgumentParser uses 64).
    static func main() async {
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core); with NIO's event
        // loops, the cooperative pool and Dispatch, that costs tens of MB of resident memory that a
        // collector, mostly waiting on I/O, never needs. Two arenas keep a 9000-coin run well under 150 MB.
        _ = coinpipe_limit_malloc_arenas(2)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // A bad command line: the message with the command's usage.
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.usage.rawValue)
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            // A configuration problem found while running (no key, a bad store URL…): the message names the
            // fix; the root command's usage would only get in the way.
            FileHandle.standardError.write(Data(("error: \(error.message)\n").utf8))
            Foundation.exit(ExitCode.usage.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
