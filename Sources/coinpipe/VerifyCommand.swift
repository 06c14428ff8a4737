import ArgumentParser
import Collector
import Foundation

/// `coinpipe verify`: re-checks run folders against their manifests.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check every file of a run (or of all runs) against its manifest.",
        discussion:
            "Reports missing, torn (size or SHA-256 differs) and unexpected files, and runs whose manifest still says running (unfinished: `collect --resume` finishes them). Exit codes: 0 clean, 1 problems found or a run unfinished, 2 usage error."
    )

    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The run to verify.", valueName: "run-id"))
    var runID: String?

    @Flag(name: .long, help: "Verify every run under --out.")
    var all = false

    @Flag(name: .long, help: "Print the reports as JSON.")
    var json = false

    func validate() throws {
        if all == (runID != nil) { throw ValidationError("Name one run id, or pass --all.") }
        if let runID, RunID(runID) == nil { throw ValidationError("'\(runID)' is not a run id (a UUID).") }
    }

    func run() async throws {
        let reports: [VerificationReport]
        if let runID, let id = RunID(runID) {
            let folder: RunFolder
            do {
                folder = try RunFolder.open(root: output.url, runID: id)
            } catch {
                FileHandleOutput.standardError("error: \(error)")
                throw ExitCode.usage
            }
            reports = [RunVerifier.verify(folder)]
        } else {
            reports = RunVerifier.verifyAll(root: output.url)
            if reports.isEmpty {
                FileHandleOutput.standardError("error: no run folders under \(output.url.path); pass --out DIR.")
                throw ExitCode.usage
            }
        }
        print(try json ? JSONOutput.render(reports) : reports.map(\.text).joined(separator: "\n"))
        // A run whose manifest still says running is not finished, even with every file in place.
        if !reports.allSatisfy({ $0.isClean && !$0.isUnfinished }) { throw ExitCode.runFailed }
    }
}
