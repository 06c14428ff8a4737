import ArgumentParser
import CMCClient
import Collector
import Foundation
import Logging
import Pipeline
import Store
import UnixSignals

/// `coinpipe collect`: the main job.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Collect listings, metadata and logos into a new run folder <out>/<run-id>/.",
        discussion: """
            Each complete or partial run is loaded into the store (--store; `--store none` skips it, and \
            `coinpipe load` loads a run folder later with the same result).

            Exit codes: 0 complete; 3 partial (the run folder is written and manifest.json lists what failed); \
            1 failed (nothing usable, or the API refused the key); 2 usage or configuration error; 4 the run \
            folder is complete but loading it into the store failed (run `coinpipe load <run folder>` later).

            With --every, runs repeat on a schedule until SIGINT/SIGTERM (exit 0 after a graceful stop): failed \
            runs are logged and counted, and a credit governor stretches the interval when the key's credits \
            would run out before they reset. See the README's "Running on a schedule".
            """
    )

    @OptionGroup var api: APIOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var collect: CollectOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup(title: "Schedule") var schedule: ScheduleOptions
    @OptionGroup var logging: LoggingOptions

    @Option(
        name: .long,
        help: ArgumentHelp("Complete an interrupted or partial run instead of starting a new one.", valueName: "run-id")
    )
    var resume: String?

    @Flag(
        name: .long,
        help: "Print the calls and credits the run would cost (and what the key has left) without spending a credit."
    )
    var plan = false

    @Flag(name: .long, help: "Print one JSON object as the result instead of a summary.")
    var json = false

    func validate() throws {
        if let resume, RunID(resume) == nil {
            throw ValidationError("--resume takes a run id (a UUID such as 0f8c…), not '\(resume)'.")
        }
        if plan, resume != nil { throw ValidationError("--plan and --resume cannot be combined.") }
        if schedule.every != nil {
            if resume != nil { throw ValidationError("--every and --resume cannot be combined.") }
            if plan { throw ValidationError("--every and --plan cannot be combined; run --plan alone first.") }
            if json { throw ValidationError("--every logs each run to stderr; --json is for a single run.") }
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = logging.makeLogger(label: "coinpipe.collect")
        let collectConfiguration = collect.configuration(outputRoot: output.url)
        if plan {
            var clientConfiguration = CMCClient.Configuration(
                baseURL: try api.resolvedBaseURL(environment: environment)
            )
            clientConfiguration.apiKey = try api.optionalKey(environment: environment)
            let result = try await CollectRunner.plan(
                client: clientConfiguration,
                collect: collectConfiguration,
                logger: logger
            )
            print(try json ? JSONOutput.render(result) : result.text)
            return
        }
        let clientConfiguration = try api.clientConfiguration(environment: environment)
        let storeURL = try store.storeURL(outputRoot: output.url, environment: environment)
        if let scheduleConfiguration = schedule.configuration {
            try await ScheduleInvocation.run(
                client: clientConfiguration,
                collect: collectConfiguration,
                store: storeURL,
                schedule: scheduleConfiguration,
                options: schedule,
                logger: logger
            )
            return
        }
        let baseURL = clientConfiguration.baseURL
        let outputRoot = output.url.path
        try await CollectInvocation.run(
            client: clientConfiguration,
            collect: collectConfiguration,
            store: storeURL,
            resume: resume.flatMap(RunID.init),
            json: json,
            logger: logger
        ) { runID in
            let base = baseURL == CMCClient.productionURL ? "" : " --base-url \(baseURL.absoluteString)"
            return "Finish it with: coinpipe collect --resume \(runID) --out \(outputRoot)\(base)"
        }
    }
}

/// Runs a collection and turns its outcome into output and an exit code (shared with `demo`).
enum CollectInvocation {
    /// Runs the collection.
    ///
    /// - Parameter resumeAdvice: What to tell the user after an interruption, given the run id: how to finish
    ///   the run (`collect`), or what to do instead (`demo`, whose emulator stops with it).
    static func run(
        client: CMCClient.Configuration,
        collect: CollectConfiguration,
        store: StoreURL,
        resume: RunID?,
        json: Bool,
        logger: Logger,
        resumeAdvice: @escaping (RunID) -> String = { runID in
            "Finish it with: coinpipe collect --resume \(runID)"
        }
    ) async throws {
        let progress: any CollectProgress =
            TerminalProgress.standardErrorIsTerminal ? TerminalProgress() : LineProgress()
        let runID = resume ?? RunID()
        let outcome: CollectAndStore.Outcome
        do {
            outcome = try await cancellingOnSignal {
                try await CollectAndStore.run(
                    client: client,
                    collect: collect,
                    store: store,
                    resume: resume,
                    runID: runID,
                    logger: logger,
                    progress: progress
                )
            }
        } catch is CancellationError {
            let folder = collect.outputRoot.appending(path: runID.description).path(percentEncoded: false)
            if FileManager.default.fileExists(atPath: folder + "/" + RunFolder.manifestFileName) {
                FileHandleOutput.standardError(
                    """
                    interrupted: run \(runID) stopped; its manifest (\(folder)/manifest.json) says partial and lists \
                    what it holds. \(resumeAdvice(runID))
                    """
                )
            } else {
                FileHandleOutput.standardError("interrupted before the run folder was created; nothing was written.")
            }
            throw ExitCode.interrupted
        } catch let refusal as CollectRunner.Refusal {
            FileHandleOutput.standardError("error: \(refusal)")
            throw refusal.isUsageError ? ExitCode.usage : ExitCode.runFailed
        } catch let error as RunFolderError {
            FileHandleOutput.standardError("error: \(error)")
            // A write that failed mid-run (a full disk) is a failed run; a target that cannot be used is
            // something to fix in the command.
            throw error.code == .io ? ExitCode.runFailed : ExitCode.usage
        }
        let summary = outcome.summary
        print(try json ? JSONOutput.render(summary) : summary.text)
        switch outcome.store {
        case .stored(let report):
            FileHandleOutput.standardError(
                "stored run \(report.runID) in \(store): \(report.quotesSeen) quote rows (\(report.quotesInserted) new)"
            )
        case .failed(let message):
            FileHandleOutput.standardError(
                """
                error: the run folder \(summary.path) is written, but loading it into the store \(store) failed: \(message)
                Fix the store, then run: coinpipe load \(summary.path) --store '\(store)'
                """
            )
            throw ExitCode.storeFailed
        case .notConfigured, .notStored:
            break
        }
        switch summary.status {
        case .complete: return
        case .partial: throw ExitCode.partial
        case .failed, .running: throw ExitCode.runFailed
        }
    }
}

/// Runs `body`, cancelling it at the first SIGINT or SIGTERM: a collection then stops its downloads, writes a
/// partial manifest of what it holds and throws `CancellationError`.
///
/// - Throws: What `body` throws (`CancellationError` after a signal).
func cancellingOnSignal<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
    let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
    return try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            for await _ in signals { break }
            return nil
        }
        defer { group.cancelAll() }
        // The first to finish: the work (its value or error), or a signal (then the work is cancelled and its
        // own ending, normally `CancellationError`, is what this returns).
        if let first = try await group.next(), let value = first { return value }
        group.cancelAll()
        while let next = try await group.next() {
            if let value = next { return value }
        }
        throw CancellationError()
    }
}
