public import CMCClient
public import CMCModels
public import Collector
import Foundation
public import Logging
import Pipeline
public import Store
import Synchronization

/// The real ``ScheduledWork``: one CoinMarketCap collection per tick, collected and stored by
/// `CollectAndStore`, the path `coinpipe collect` takes.
///
/// The key's plan the scheduler reads for its governor (``keyInfo()``) is handed to the next run, which sets
/// its rate limit from it instead of calling `/v1/key/info` again. A run that fails, or whose load fails, is
/// an outcome: the schedule logs it, counts it and goes on; a run a stop interrupts is stored as partial.
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
    /// The key information last read, for the next run.
    private let lastKeyInfo = KeyInfoMemo()

    /// Creates a job.
    public init(client: CMCClient.Configuration, collect: CollectConfiguration, store: StoreURL, logger: Logger) {
        self.client = client
        self.collect = collect
        self.store = store
        self.logger = logger
    }

    public func keyInfo() async throws -> KeyInfo {
        let info = try await CMCClient.withClient(configuration: client, logger: logger) { client in
            try await client.keyInfo().value
        }
        lastKeyInfo.set(info)
        return info
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
        let run: CollectAndStore.Outcome
        do {
            run = try await CollectAndStore.run(
                client: client,
                collect: configuration(withInfo: withInfo),
                store: store,
                knownKeyInfo: lastKeyInfo.value,
                storeWhenInterrupted: true,
                logger: logger
            )
        } catch let refusal as CollectRunner.Refusal {
            return ScheduledRunOutcome(status: .failed, message: refusal.description)
        } catch let error as RunFolderError {
            return ScheduledRunOutcome(status: .failed, message: error.description)
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            return ScheduledRunOutcome(status: .failed, message: "\(error)")
        }
        var outcome = ScheduledRunOutcome(
            status: run.summary.status,
            summary: run.summary,
            message: run.summary.failures.first.map(\.reason),
            limitReached: run.limitReached.map { $0 == .month ? .month : .day }
        )
        switch run.store {
        case .stored(let report):
            logger.info(
                "stored the run",
                metadata: [
                    "run_id": "\(report.runID)", "quotes_seen": "\(report.quotesSeen)",
                    "quotes_inserted": "\(report.quotesInserted)",
                ]
            )
        case .failed(let message):
            outcome.storeFailed = true
            logger.error(
                "the run folder is written, but loading it into the store failed; load it later with `coinpipe load`",
                metadata: ["run_id": "\(run.summary.runID)", "folder": "\(run.summary.path)", "error": "\(message)"]
            )
        case .notConfigured, .notStored:
            break
        }
        return outcome
    }

    /// The collection configuration of a run with or without metadata.
    func configuration(withInfo: Bool) -> CollectConfiguration {
        var configuration = collect
        if !withInfo { configuration.info = .none }
        return configuration
    }
}

/// The key information a job read last, shared by its copies.
private final class KeyInfoMemo: Sendable {
    private let stored = Mutex<KeyInfo?>(nil)

    var value: KeyInfo? { stored.withLock { $0 } }

    func set(_ info: KeyInfo) { stored.withLock { $0 = info } }
}
