/// One stored run, as `coinpipe runs` lists it.
public struct StoredRun: Sendable, Hashable {
    /// The run id (the folder name).
    public var id: String
    /// `coinpipe` or `original script`.
    public var source: String
    /// `complete`, `partial`, `failed` or `running` (from the manifest; `complete` for original-script runs).
    public var status: String
    /// When the run started (for original-script runs: the newest `last_updated`, else the folder's time).
    public var startedAt: EpochMillis
    /// When the run ended, if recorded.
    public var endedAt: EpochMillis?
    /// The newest `last_updated` among the run's listings.
    public var snapshotAt: EpochMillis?
    /// The host the data came from (from the manifest's `base_url`).
    public var sourceHost: String?
    /// The CoinPipe version that collected the run.
    public var coinpipeVersion: String?
    /// The convert currencies the run holds quotes in.
    public var converts: [String]
    /// API credits the run spent.
    public var creditsUsed: Int?
    /// Listing rows (coins) in the run.
    public var coins: Int?
    /// Coins with metadata.
    public var info: Int?
    /// Logos stored with the run.
    public var logos: Int?
    /// Logos that failed.
    public var logosFailed: Int?
    /// Diagnostics recorded while collecting (and loading).
    public var diagnostics: Int?
    /// Failures the manifest lists (requests or stages that failed).
    public var failures: Int?
    /// Quote rows the run saw (coins × converts).
    public var quotesSeen: Int
    /// Quote rows this run was the first to store.
    public var quotesNew: Int
    /// When the run was first loaded into this store.
    public var loadedAt: EpochMillis

    /// Creates a summary with the required fields; the others default to `nil` or empty.
    ///
    /// - Parameters:
    ///   - id: The run id.
    ///   - source: `coinpipe` or `original script`.
    ///   - status: The run status.
    ///   - startedAt: When the run started.
    ///   - loadedAt: When it was first loaded.
    public init(id: String, source: String, status: String, startedAt: EpochMillis, loadedAt: EpochMillis) {
        self.id = id
        self.source = source
        self.status = status
        self.startedAt = startedAt
        self.loadedAt = loadedAt
        self.converts = []
        self.quotesSeen = 0
        self.quotesNew = 0
    }
}
