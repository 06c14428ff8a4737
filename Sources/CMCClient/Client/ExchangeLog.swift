public import Foundation

/// One finished API call (all its attempts), as recorded in manifests.
public struct CMCExchange: Sendable, Hashable, Codable {
    /// The endpoint path.
    public var endpoint: String
    /// The query string, without any key.
    public var query: String
    /// The HTTP status of the last attempt, if a response arrived.
    public var httpStatus: Int?
    /// CMC's `error_code` of the last attempt, when not 0.
    public var cmcErrorCode: Int?
    /// Credits charged (`status.credit_count`).
    public var creditCount: Int
    /// Time from the first attempt to the end of the last, retries and waits included.
    public var elapsedMilliseconds: Int
    /// Attempts made.
    public var attempts: Int
    /// When the first attempt started.
    public var startedAt: Date
    /// Size of the final body in bytes.
    public var bodyBytes: Int
    /// Whether the call succeeded.
    public var succeeded: Bool

    enum CodingKeys: String, CodingKey {
        case endpoint, query, attempts, succeeded
        case httpStatus = "http_status"
        case cmcErrorCode = "cmc_error_code"
        case creditCount = "credit_count"
        case elapsedMilliseconds = "elapsed_ms"
        case startedAt = "started_at"
        case bodyBytes = "body_bytes"
    }
}

/// The exchanges a client has made, in completion order.
public actor ExchangeLog {
    /// Every exchange so far.
    public private(set) var all: [CMCExchange] = []

    /// Creates an empty log.
    public init() {}

    func append(_ exchange: CMCExchange) {
        all.append(exchange)
    }
}
