public import CMCClient
public import CMCModels
public import Collector
public import Foundation
public import Logging
public import Store

/// Collects a run, then stores it: the one path `coinpipe collect`, `coinpipe demo`, the scheduler and (through
/// `collect`) the benchmark take.
///
/// ``run(client:collect:store:resume:runID:knownKeyInfo:storeWhenInterrupted:logger:progress:)`` owns the
/// run's HTTP client (through ``CollectRunner``), reads `/v1/key/info` once (or adopts the plan its caller has
/// just read), writes the run folder, and loads that folder into the store. The load checks the folder
/// against its manifest by file size only: every file was hashed as it was written, moments before.
///
/// ```swift
/// let outcome = try await CollectAndStore.run(
///     client: .init(apiKey: APIKey(validating: key)),
///     collect: CollectConfiguration(outputRoot: out),
///     store: .sqlite(path: out.appending(path: "coinpipe.sqlite").path),
///     logger: logger
/// )
/// print(outcome.summary.status, outcome.store)
/// ```
public enum CollectAndStore {
    /// What became of the run in the store.
    public enum StoreResult: Sendable {
        /// No store was configured (`--store none`).
        case notConfigured
        /// The run failed: there was nothing usable to store.
        case notStored
        /// The run is in the store.
        case stored(LoadReport)
        /// Loading failed; the run folder is kept, and `coinpipe load` can load it later.
        case failed(String)
    }

    /// The credit limit the API said is reached (`error_code` 1009 daily, 1010 monthly).
    public enum CreditLimit: Sendable, Hashable {
        /// The daily limit.
        case day
        /// The monthly limit.
        case month
    }

    /// How a run ended, and what became of it in the store.
    public struct Outcome: Sendable {
        /// The run's summary (status, counts, credits, failures).
        public var summary: RunSummary
        /// What became of it in the store.
        public var store: StoreResult
        /// Set when the API answered that a credit limit is reached.
        public var limitReached: CreditLimit?

        /// Whether the run collected a usable snapshot (complete, or partial with its listings).
        public var isUsable: Bool { summary.status == .complete || summary.status == .partial }
    }

    /// Runs one collection and stores it.
    ///
    /// - Parameters:
    ///   - client: The API client configuration.
    ///   - collect: What to collect and where.
    ///   - store: Where to store the run (`.none` for nowhere).
    ///   - resume: A run to complete instead of starting a new one.
    ///   - runID: The id of a new run (ignored with `resume`): a caller that picks it knows the folder even when
    ///     the run is interrupted.
    ///   - knownKeyInfo: The key's plan as the caller has just read it; `/v1/key/info` is then not called again.
    ///   - storeWhenInterrupted: Whether a run cut short by cancellation is still stored as partial (the
    ///     scheduler's choice; a terminal user resumes it instead).
    ///   - logger: Where to log (the load's own line is logged at `notice` and above only).
    ///   - progress: Where to report progress.
    /// - Returns: The outcome; a failed run, or a failed load, is an outcome, not an error.
    /// - Throws: ``CollectRunner/Refusal`` when the run is refused before it starts, `RunFolderError` when the
    ///   output cannot be written, and `CancellationError` when cancelled (the manifest then says partial).
    public static func run(
        client: CMCClient.Configuration,
        collect: CollectConfiguration,
        store: StoreURL,
        resume: RunID? = nil,
        runID: RunID = RunID(),
        knownKeyInfo: KeyInfo? = nil,
        storeWhenInterrupted: Bool = false,
        logger: Logger,
        progress: any CollectProgress = SilentProgress()
    ) async throws -> Outcome {
        let summary: RunSummary
        do {
            summary = try await CollectRunner.run(
                client: client,
                collect: collect,
                resume: resume,
                runID: runID,
                knownKeyInfo: knownKeyInfo,
                logger: logger,
                progress: progress
            )
        } catch {
            if storeWhenInterrupted, error is CancellationError || Task.isCancelled {
                await storeInterrupted(resume ?? runID, collect: collect, store: store, logger: logger)
                throw CancellationError()
            }
            throw error
        }
        let codes = summary.cmcErrorCodes
        var outcome = Outcome(
            summary: summary,
            store: .notStored,
            limitReached: codes.contains(1010) ? .month : codes.contains(1009) ? .day : nil
        )
        if outcome.isUsable {
            outcome.store = await load(URL(fileURLWithPath: summary.path), into: store, logger: logger)
        }
        return outcome
    }

    /// Loads a run folder this process has just written.
    private static func load(_ folder: URL, into store: StoreURL, logger: Logger) async -> StoreResult {
        if case .none = store { return .notConfigured }
        // The callers report the load themselves; the loader's own line would repeat theirs.
        var storeLogger = logger
        storeLogger.logLevel = max(logger.logLevel, .notice)
        do {
            guard
                let report = try await RunLoader.load(
                    folder: folder,
                    into: store,
                    logger: storeLogger,
                    verification: .sizes
                )
            else { return .notConfigured }
            return .stored(report)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Stores a run that a cancellation interrupted (its manifest says partial), in a task of its own: the
    /// caller's task is cancelled, and a short store write must not be cut in half by that.
    private static func storeInterrupted(
        _ runID: RunID,
        collect: CollectConfiguration,
        store: StoreURL,
        logger: Logger
    ) async {
        if case .none = store { return }
        guard let folder = try? RunFolder.open(root: collect.outputRoot, runID: runID),
            let manifest = try? RunManifest.load(from: folder), manifest.status == .partial
        else { return }
        let result = await Task { await load(folder.url, into: store, logger: logger) }.value
        switch result {
        case .stored:
            logger.notice("stored the interrupted run (partial)", metadata: ["run_id": "\(runID)"])
        case .failed(let message):
            logger.error(
                "the interrupted run's folder is written, but loading it into the store failed; load it later with `coinpipe load`",
                metadata: ["run_id": "\(runID)", "error": "\(message)"]
            )
        case .notConfigured, .notStored:
            break
        }
    }
}
