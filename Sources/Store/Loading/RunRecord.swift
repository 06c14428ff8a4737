/// The `runs` row of one run folder: identity, status, times, source, parameters, credits and counts.
public struct RunRecord: Sendable, Hashable {
    /// The run id (the folder name, a UUID).
    public var id: String
    /// `coinpipe` or `original script`.
    public var source: String
    /// `complete`, `partial`, `failed` or `running`.
    public var status: String
    /// When the run started.
    public var startedAt: EpochMillis
    /// When the run ended, if recorded.
    public var endedAt: EpochMillis?
    /// The newest `last_updated` among the run's listings.
    public var snapshotAt: EpochMillis?
    /// The CoinPipe version that collected it.
    public var coinpipeVersion: String?
    /// The API root it collected from.
    public var baseURL: String?
    /// The host of ``baseURL``.
    public var sourceHost: String?
    /// The collect parameters, as JSON text.
    public var parametersJSON: String?
    /// The convert currencies its quotes are in, sorted.
    public var converts: [String]
    /// API credits spent.
    public var creditsUsed: Int?
    /// Listing rows.
    public var coins: Int?
    /// Coins with metadata.
    public var info: Int?
    /// Logos expected.
    public var logosExpected: Int?
    /// Logos downloaded.
    public var logosDownloaded: Int?
    /// Logos served from the cache.
    public var logosCached: Int?
    /// Logos that failed.
    public var logosFailed: Int?
    /// Diagnostics recorded.
    public var diagnostics: Int?
    /// Failures listed in the manifest.
    public var failures: Int?
    /// The folder it was loaded from (absolute path at load time).
    public var folder: String?

    /// Creates a record with the required fields.
    ///
    /// - Parameters:
    ///   - id: The run id.
    ///   - source: `coinpipe` or `original script`.
    ///   - status: The status.
    ///   - startedAt: When the run started.
    public init(id: String, source: String, status: String, startedAt: EpochMillis) {
        self.id = id
        self.source = source
        self.status = status
        self.startedAt = startedAt
        self.converts = []
    }

    /// `source` of runs written by CoinPipe.
    public static let coinpipeSource = "coinpipe"
    /// `source` of runs written by the original Python script (`data.json` and `Images/` only).
    public static let originalScriptSource = "original script"
}
