public import Foundation

/// One API call of a run, as its manifest records it.
///
/// The record carries the endpoint path and the query string only: never a header, so never the API key.
public struct RequestRecord: Codable, Sendable, Hashable {
    /// The endpoint path, for example `/v1/cryptocurrency/listings/latest`.
    public var endpoint: String
    /// The query string without the leading `?` (the key is never in it; it travels in a header).
    public var query: String
    /// The final HTTP status, or `nil` when no response arrived.
    public var httpStatus: Int?
    /// The CMC `status.error_code` when it was not 0.
    public var cmcErrorCode: Int?
    /// Credits the call cost (`status.credit_count`).
    public var creditCount: Int
    /// Wall time of the call, retries included, in milliseconds.
    public var elapsedMilliseconds: Int
    /// Attempts made, the first one included.
    public var attempts: Int
    /// When the first attempt started.
    public var startedAt: Date
    /// The raw body's path in the run folder (for example `raw/listings-1.json.gz`), if it was kept.
    public var rawFile: String?

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint path.
    ///   - query: The query string, without any key.
    ///   - httpStatus: The final HTTP status.
    ///   - cmcErrorCode: The CMC error code when not 0.
    ///   - creditCount: Credits the call cost.
    ///   - elapsedMilliseconds: Wall time in milliseconds.
    ///   - attempts: Attempts made.
    ///   - startedAt: When the first attempt started.
    ///   - rawFile: The raw body's path in the run folder.
    public init(
        endpoint: String,
        query: String,
        httpStatus: Int?,
        cmcErrorCode: Int? = nil,
        creditCount: Int,
        elapsedMilliseconds: Int,
        attempts: Int,
        startedAt: Date,
        rawFile: String? = nil
    ) {
        self.endpoint = endpoint
        self.query = query
        self.httpStatus = httpStatus
        self.cmcErrorCode = cmcErrorCode
        self.creditCount = creditCount
        self.elapsedMilliseconds = elapsedMilliseconds
        self.attempts = attempts
        self.startedAt = startedAt
        self.rawFile = rawFile
    }

    enum CodingKeys: String, CodingKey {
        case endpoint
        case query
        case httpStatus = "http_status"
        case cmcErrorCode = "cmc_error_code"
        case creditCount = "credit_count"
        case elapsedMilliseconds = "elapsed_ms"
        case attempts
        case startedAt = "started_at"
        case rawFile = "raw_file"
    }
}
