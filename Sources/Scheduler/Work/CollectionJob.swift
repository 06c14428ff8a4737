public import CMCClient
public import CMCModels
public import Collector
import Foundation
public import Logging
public import Store

/// The real ``ScheduledWork``: one CoinMarketCap collection per tick, loaded into the store as `coinpipe
/// collect` does.
///
/// Each run is a new run folder under the output root, made by ``CollectRunner/run(client:collect:resume:logger:progress:environment:)``;
/// a complete or partial run is then loaded into the store. A run that fails, or whose load fails, is an
/// outcome: the schedule logs it, counts it and goes on.
public struct CollectionJob: ScheduledWork {
    /// The API client configuration (its ``CMCClient/Configuration/metricsFactory`` also receives the
    /// client's metrics).
    public var client: CMCClient.Configuration
    /// What a metadata run collects; listings-only runs use the same with `info` set to none.
    public var collect: CollectConfiguration
    /// Where runs are loaded (``StoreURL/none`` skips loading).
    public var store: StoreURL
    /// Where to log.
    public var logger: Logger

    /// Creates a job.
    public init(client: CMCClient.Configuration, collect: CollectConfiguration, store: StoreURL, logger: Logger) {
        self.client = client
        self.collect = collect
        self.store = store
        self.logger = logger
    }

    public func keyInfo() async throws -> KeyInfo {
        try await CMCClient.withClient(configuration: client, logger: logger) { client in
            try await client.keyInfo().value
        }
    }

    public func estimatedCredits(withInfo: Bool) -> Int {
        CollectPlan.make(
            configuration(withInfo: withInfo),
            listedCoins: CollectRunner.previousListedCoins(in: collect.outputRoot),
            keyInfo: nil,
            rules: client.creditRules
        ).credits
    }

    public func collect(withInfo: Bool) async throws -> ScheduledRunOutcome {
        let summary: RunSummary
        let runID = RunID()
        do {
            summary = try await CollectRunner.run(
                client: client,
                collect: configuration(withInfo: withInfo),
                resume: nil,
                runID: runID,
                logger: logger,
                progress: SilentProgress()
            )
        } catch let refusal as CollectRunner.Refusal {
            return ScheduledRunOutcome(status: .failed, message: refusal.description)
        } catch let error as RunFolderError {
            return ScheduledRunOutcome(status: .failed, message: error.description)
        } catch is CancellationError {
            await storeInterrupted(runID)
            throw CancellationError()
        } catch {
            if Task.isCancelled {
                await storeInterrupted(runID)
                throw CancellationError()
            }
            return ScheduledRunOutcome(status: .failed, message: "\(error)")
        }
        var outcome = ScheduledRunOutcome(
            status: summary.status,
            summary: summary,
            message: summary.failures.first.map(\.reason),
            limitReached: limitReached(in: summary)
        )
        if outcome.isUsable {
            outcome.storeFailed = !(await load(folder: URL(fileURLWithPath: summary.path), runID: summary.runID))
        }
        return outcome
    }

    /// The collection configuration of a run with or without metadata.
    func configuration(withInfo: Bool) -> CollectConfiguration {
        var configuration = collect
        if !withInfo { configuration.info = .none }
        return configuration
    }

    /// Whether the run's requests met `error_code` 1010 (monthly) or 1009 (daily), from its manifest.
    private func limitReached(in summary: RunSummary) -> CreditGovernor.Period? {
        guard let runID = RunID(summary.runID),
            let folder = try? RunFolder.open(root: collect.outputRoot, runID: runID),
            let manifest = try? RunManifest.load(from: folder)
        else { return nil }
        let codes = Set(manifest.requests.compactMap(\.cmcErrorCode))
        if codes.contains(1010) { return .month }
        if codes.contains(1009) { return .day }
        return nil
    }

    /// Loads a run that a stop interrupted (its manifest says partial) into the store, so what it collected
    /// is queryable like any partial run. It runs in its own task: the stop has cancelled this one, and a
    /// short store write must not be cut in half by that.
    private func storeInterrupted(_ runID: RunID) async {
        if case .none = store { return }
        guard let folder = try? RunFolder.open(root: collect.outputRoot, runID: runID),
            let manifest = try? RunManifest.load(from: folder), manifest.status == .partial
        else { return }
        let job = self
        let loaded = await Task { await job.load(folder: folder.url, runID: "\(runID)") }.value
        if loaded { logger.notice("stored the interrupted run (partial)", metadata: ["run_id": "\(runID)"]) }
    }

    /// Loads a finished run into the store; `false` when that failed (the folder stays for `coinpipe load`).
    private func load(folder: URL, runID: String) async -> Bool {
        if case .none = store { return true }
        do {
            // This process has just written and hashed every file of the folder: sizes suffice.
            if let report = try await RunLoader.load(
                folder: folder,
                into: store,
                logger: logger,
                verification: .sizes
            ) {
                logger.info(
                    "stored the run",
                    metadata: [
                        "run_id": "\(report.runID)", "quotes_seen": "\(report.quotesSeen)",
                        "quotes_inserted": "\(report.quotesInserted)",
                    ]
                )
            }
            return true
        } catch {
            logger.error(
                "the run folder is written, but loading it into the store failed; load it later with `coinpipe load`",
                metadata: ["run_id": "\(runID)", "folder": "\(folder.path)", "error": "\(error)"]
            )
            return false
        }
    }
}
