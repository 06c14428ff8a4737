import ArgumentParser
import Foundation
import Logging
import Store

/// `coinpipe load PATH…`: (re)loads run folders into the store.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load run folders into the store (idempotent: reloading adds no duplicate rows).",
        discussion: """
            Each PATH is a run folder, or an output root whose run folders are all loaded. Folders written by \
            the original Python script (data.json and Images/ only) load too.
            """
    )

    @Argument(help: ArgumentHelp("Run folders or output roots (default: --out).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: QueryFormat = .table

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let url = try store.storeURL(outputRoot: output.url, environment: environment)
        let logger = logging.makeLogger(label: "coinpipe.store")
        let targets = paths.isEmpty ? [output.url] : paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var failures = 0
        let reports: [LoadReport] = try await StoreCommandFailure.mapping {
            // Folders found inside an output root may belong to a collect still running: skip those quietly.
            var folders: [(url: URL, named: Bool)] = []
            for target in targets {
                let named = RunLoader.isRunFolder(target)
                folders += try RunLoader.runFolders(at: [target]).map { ($0, named) }
            }
            return try await withRunStore(url, logger: logger) { runStore in
                var reports: [LoadReport] = []
                for folder in folders {
                    do {
                        reports.append(try await RunLoader.load(folder: folder.url, into: runStore, logger: logger))
                    } catch let error as StoreError where error.code == .runInProgress && !folder.named {
                        logger.notice("skipped \(folder.url.lastPathComponent): its manifest still says running")
                    } catch let error as StoreError where error.code != .database {
                        // A bad folder does not stop the others; a database failure does.
                        failures += 1
                        FileHandleOutput.standardError("error: \(error)")
                    }
                }
                return reports
            }
        }
        print(StoreRendering.loads(reports, format: format))
        if failures > 0 {
            FileHandleOutput.standardError("\(failures) run folder\(failures == 1 ? "" : "s") could not be loaded.")
            throw ExitCode.runFailed
        }
    }
}
