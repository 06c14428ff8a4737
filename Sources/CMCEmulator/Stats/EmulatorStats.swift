/// Counters of everything the emulator answered, for assertions and benchmarks.
///
/// Served as JSON with snake_case keys at `GET /__stats` (`POST /__stats/reset` clears it); requests to
/// `/__stats` themselves are not counted.
public struct EmulatorStats: Sendable, Codable, Equatable {
    /// Every HTTP request (API, logos, hostile routes, unknown paths).
    public var requests: Int = 0
    /// Requests to API paths (anything that is not a logo, a hostile route or `/__stats`).
    public var apiRequests: Int = 0
    /// Requests for logos, including hostile logo routes.
    public var logoRequests: Int = 0
    /// Requests per path; logos are grouped as `/static/img/coins/64x64/{id}.png` per size.
    public var byPath: [String: Int] = [:]
    /// Answers per HTTP status (`"200"`, `"429"`…). Dropped and stalled requests have no status.
    public var byStatus: [String: Int] = [:]
    /// Answers per method, path and status, e.g. `"GET /v2/cryptocurrency/info 200"`.
    public var byPathAndStatus: [String: Int] = [:]
    /// Credits charged to the key.
    public var creditsUsed: Int = 0
    /// Calls refused by the rate or credit limits (1008, 1009, 1010), not counting injected faults.
    public var rateLimited: Int = 0
    /// `304 Not Modified` answers.
    public var notModified: Int = 0
    /// Logo body bytes actually written (streams count what was sent before the client hung up).
    public var logoBodyBytes: Int = 0
    /// API body bytes written, after compression.
    public var apiBodyBytes: Int = 0
    /// API answers sent gzip-compressed.
    public var gzipResponses: Int = 0
    /// Distinct TCP connections seen (by remote address and port).
    public var connections: Int = 0
    /// Injected faults per ``FaultRule/Kind`` raw value.
    public var faultsInjected: [String: Int] = [:]
    /// Requests that hit a hostile logo, per ``HostileLogoKind`` raw value.
    public var hostileLogoHits: [String: Int] = [:]

    /// Creates empty statistics.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case requests
        case apiRequests = "api_requests"
        case logoRequests = "logo_requests"
        case byPath = "by_path"
        case byStatus = "by_status"
        case byPathAndStatus = "by_path_and_status"
        case creditsUsed = "credits_used"
        case rateLimited = "rate_limited"
        case notModified = "not_modified"
        case logoBodyBytes = "logo_body_bytes"
        case apiBodyBytes = "api_body_bytes"
        case gzipResponses = "gzip_responses"
        case connections
        case faultsInjected = "faults_injected"
        case hostileLogoHits = "hostile_logo_hits"
    }
}
