/// The parts of a run's `manifest.json` the store keeps, read tolerantly.
///
/// Deliberately not the collector's own manifest type: a store must load folders written by older and newer
/// CoinPipe versions, so every field is optional and unknown fields are ignored.
struct RunManifestSnapshot: Decodable, Sendable {
    struct Counts: Decodable, Sendable {
        var coins: Int?
        var info: Int?
        var logosExpected: Int?
        var logosDownloaded: Int?
        var logosCached: Int?
        var logosFailed: Int?
        var diagnostics: Int?

        enum CodingKeys: String, CodingKey {
            case coins
            case info
            case logosExpected = "logos_expected"
            case logosDownloaded = "logos_downloaded"
            case logosCached = "logos_cached"
            case logosFailed = "logos_failed"
            case diagnostics
        }
    }

    struct File: Decodable, Sendable {
        var path: String
        var size: Int?
        var sha256: String?
    }

    var runID: String?
    var status: String?
    var startedAt: String?
    var endedAt: String?
    var coinpipeVersion: String?
    var baseURL: String?
    var hostname: String?
    var parameters: JSONValue?
    var creditsUsed: Int?
    var counts: Counts?
    var failures: [JSONValue]?
    var files: [File]?

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case status
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case coinpipeVersion = "coinpipe_version"
        case baseURL = "base_url"
        case hostname
        case parameters
        case creditsUsed = "credits_used"
        case counts
        case failures
        case files
    }
}
