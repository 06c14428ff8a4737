public import Foundation

/// The record of one run, written last as `manifest.json`: what was asked, what was called, what was
/// written, and what failed.
///
/// The JSON has snake_case keys in sorted order, is pretty-printed, and writes dates as ISO 8601 UTC
/// with milliseconds (`2024-05-01T12:00:00.123Z`); ``files`` is always written sorted by path.
///
/// - Important: A manifest stores exactly what it is given. Never put an API key into any field:
///   ``baseURL`` is the base URL only, ``RequestRecord/query`` a query string without the key (the key
///   travels in a header), and failure reasons must not quote request headers.
///
/// ```swift
/// var manifest = RunManifest(runID: folder.runID, startedAt: Date(), coinpipeVersion: "1.0.0",
///                            baseURL: "https://pro-api.coinmarketcap.com", parameters: parameters)
/// manifest.status = .complete
/// try manifest.write(to: folder)
/// ```
public struct RunManifest: Codable, Sendable, Hashable {
    /// The run's id, which is also its folder's name.
    public var runID: RunID
    /// Where the run stands.
    public var status: RunStatus
    /// When the run started.
    public var startedAt: Date
    /// When the run ended; `nil` while it runs.
    public var endedAt: Date?
    /// The CoinPipe version that made the run.
    public var coinpipeVersion: String
    /// The API base URL (never a key).
    public var baseURL: String
    /// The options the run was made with.
    public var parameters: RunParameters
    /// Every API call, in the order made.
    public var requests: [RequestRecord]
    /// Credits spent by the run.
    public var creditsUsed: Int
    /// How many items were collected.
    public var counts: RunCounts
    /// What could not be collected.
    public var failures: [RunFailure]
    /// Every file of the run except `manifest.json` itself.
    public var files: [FileRecord]

    /// Creates a manifest.
    ///
    /// - Parameters:
    ///   - runID: The run's id.
    ///   - status: Where the run stands.
    ///   - startedAt: When the run started.
    ///   - endedAt: When the run ended.
    ///   - coinpipeVersion: The CoinPipe version.
    ///   - baseURL: The API base URL; never a key.
    ///   - parameters: The run's options.
    ///   - requests: The API calls.
    ///   - creditsUsed: Credits spent.
    ///   - counts: Item counts.
    ///   - failures: What failed.
    ///   - files: Every file except the manifest.
    public init(
        runID: RunID,
        status: RunStatus = .running,
        startedAt: Date,
        endedAt: Date? = nil,
        coinpipeVersion: String,
        baseURL: String,
        parameters: RunParameters,
        requests: [RequestRecord] = [],
        creditsUsed: Int = 0,
        counts: RunCounts = RunCounts(),
        failures: [RunFailure] = [],
        files: [FileRecord] = []
    ) {
        self.runID = runID
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.coinpipeVersion = coinpipeVersion
        self.baseURL = baseURL
        self.parameters = parameters
        self.requests = requests
        self.creditsUsed = creditsUsed
        self.counts = counts
        self.failures = failures
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case status
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case coinpipeVersion = "coinpipe_version"
        case baseURL = "base_url"
        case parameters
        case requests
        case creditsUsed = "credits_used"
        case counts
        case failures
        case files
    }

    /// Encodes the manifest, with ``files`` sorted by path.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runID, forKey: .runID)
        try container.encode(status, forKey: .status)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encodeIfPresent(endedAt, forKey: .endedAt)
        try container.encode(coinpipeVersion, forKey: .coinpipeVersion)
        try container.encode(baseURL, forKey: .baseURL)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(requests, forKey: .requests)
        try container.encode(creditsUsed, forKey: .creditsUsed)
        try container.encode(counts, forKey: .counts)
        try container.encode(failures, forKey: .failures)
        try container.encode(files.sorted { $0.path < $1.path }, forKey: .files)
    }
}
