/// How many items a run collected, as its manifest records them.
public struct RunCounts: Codable, Sendable, Hashable {
    /// Listing rows written to `data.json`.
    public var coins: Int
    /// Coins with metadata in `info.json`.
    public var info: Int
    /// Logos asked for.
    public var logosExpected: Int
    /// Logos downloaded in this run.
    public var logosDownloaded: Int
    /// Logos taken from the cache (fresh, or revalidated with a 304).
    public var logosCached: Int
    /// Logos already on disk from an interrupted attempt of the same run (when resuming).
    public var logosKept: Int = 0
    /// Logos that could not be saved.
    public var logosFailed: Int
    /// Lines in `diagnostics.jsonl`.
    public var diagnostics: Int

    /// Creates counts; every count defaults to zero.
    public init(
        coins: Int = 0,
        info: Int = 0,
        logosExpected: Int = 0,
        logosDownloaded: Int = 0,
        logosCached: Int = 0,
        logosFailed: Int = 0,
        diagnostics: Int = 0
    ) {
        self.coins = coins
        self.info = info
        self.logosExpected = logosExpected
        self.logosDownloaded = logosDownloaded
        self.logosCached = logosCached
        self.logosFailed = logosFailed
        self.diagnostics = diagnostics
    }

    /// Decodes counts; `logos_kept` is optional (older manifests lack it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        coins = try container.decode(Int.self, forKey: .coins)
        info = try container.decode(Int.self, forKey: .info)
        logosExpected = try container.decode(Int.self, forKey: .logosExpected)
        logosDownloaded = try container.decode(Int.self, forKey: .logosDownloaded)
        logosCached = try container.decode(Int.self, forKey: .logosCached)
        logosFailed = try container.decode(Int.self, forKey: .logosFailed)
        logosKept = try container.decodeIfPresent(Int.self, forKey: .logosKept) ?? 0
        diagnostics = try container.decode(Int.self, forKey: .diagnostics)
    }

    enum CodingKeys: String, CodingKey {
        case coins
        case info
        case logosExpected = "logos_expected"
        case logosDownloaded = "logos_downloaded"
        case logosCached = "logos_cached"
        case logosFailed = "logos_failed"
        case logosKept = "logos_kept"
        case diagnostics
    }
}
