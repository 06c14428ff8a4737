public import CMCModels
public import Collector

/// What a schedule runs on each tick: the seam between the scheduler and the API, the collector and the store.
///
/// ``CollectionJob`` is the real one (CoinMarketCap through ``CollectRunner``, then the store). Tests pass
/// their own to drive the scheduler with an injected clock, without a server.
public protocol ScheduledWork: Sendable {
    /// The key's plan and usage, from `/v1/key/info` (free of credits).
    ///
    /// - Throws: the API error, for example a `CMCError` with `error_code` 1001 for a refused key.
    func keyInfo() async throws -> KeyInfo

    /// The credits one run is predicted to cost, with or without metadata.
    func estimatedCredits(withInfo: Bool) -> Int

    /// Runs one collection: listings only, or with metadata and logos.
    ///
    /// A failed run is an outcome, not an error.
    ///
    /// - Throws: only `CancellationError`, when the task is cancelled (the run folder is then left marked
    ///   partial, never torn).
    func collect(withInfo: Bool) async throws -> ScheduledRunOutcome
}

/// How one scheduled run ended.
public struct ScheduledRunOutcome: Sendable {
    /// The run's status: complete, partial or failed (a run refused before it started is failed).
    public var status: RunStatus
    /// The run's summary, when a run folder was written.
    public var summary: RunSummary?
    /// Why the run failed or was refused, for the log.
    public var message: String?
    /// Set when the API answered that a credit limit is reached (`error_code` 1009 or 1010).
    public var limitReached: CreditGovernor.Period?
    /// Whether loading the run into the store failed (the run folder is kept for `coinpipe load`).
    public var storeFailed: Bool

    /// Creates an outcome.
    public init(
        status: RunStatus,
        summary: RunSummary? = nil,
        message: String? = nil,
        limitReached: CreditGovernor.Period? = nil,
        storeFailed: Bool = false
    ) {
        self.status = status
        self.summary = summary
        self.message = message
        self.limitReached = limitReached
        self.storeFailed = storeFailed
    }

    /// Whether the run collected a usable snapshot (complete, or partial with its listings).
    public var isUsable: Bool { status == .complete || status == .partial }
}
