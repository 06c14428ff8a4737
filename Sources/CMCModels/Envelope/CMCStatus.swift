/// The `status` object CMC puts on every response, successful or not (cmc-api.md §3.1).
///
/// `error_code` is `0` on success. Check it even on HTTP 200. It is read from an integer, from a numeric
/// string (v3-style routes send `"0"`) or from `null`/absence (the spec's wording for "no error"), which
/// read as `0`.
public struct CMCStatus: Codable, Sendable, Hashable {
    /// Server time of the response, ISO 8601 with milliseconds (`2024-05-01T12:00:03.512Z`).
    public var timestamp: String?

    /// `0` on success, a CMC code such as `1001`/`1008`, or the HTTP status (`400`, `500`) for other errors.
    public var errorCode: Int

    /// The error text, `null` on success.
    public var errorMessage: String?

    /// Server-side processing time in milliseconds.
    public var elapsed: Int?

    /// Credits charged for the call; `0` on errors and on `/v1/key/info`.
    public var creditCount: Int?

    /// A usage warning (e.g. past 95% of the credits), usually `null`.
    public var notice: String?

    /// The number of rows in the whole filtered set, sent on list endpoints such as listings/latest.
    public var totalCount: Int?

    /// Whether `errorCode` is `0`.
    public var isSuccess: Bool {
        errorCode == 0
    }

    /// Creates a status block.
    ///
    /// - Parameters:
    ///   - timestamp: Server time, ISO 8601.
    ///   - errorCode: `0` on success.
    ///   - errorMessage: The error text.
    ///   - elapsed: Milliseconds spent on the server.
    ///   - creditCount: Credits charged.
    ///   - notice: A usage warning.
    ///   - totalCount: Size of the whole filtered set on list endpoints.
    public init(
        timestamp: String? = nil,
        errorCode: Int = 0,
        errorMessage: String? = nil,
        elapsed: Int? = nil,
        creditCount: Int? = nil,
        notice: String? = nil,
        totalCount: Int? = nil
    ) {
        self.timestamp = timestamp
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.elapsed = elapsed
        self.creditCount = creditCount
        self.notice = notice
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case timestamp
        case errorCode = "error_code"
        case errorMessage = "error_message"
        case elapsed
        case creditCount = "credit_count"
        case notice
        case totalCount = "total_count"
    }
}

extension CMCStatus {
    /// Decodes a status block tolerantly (see the type's discussion for `error_code`).
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted, e.g. a non-numeric
    ///   `error_code` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timestamp: try container.lenientString(forKey: .timestamp),
            errorCode: try container.lenientInt(forKey: .errorCode) ?? 0,
            errorMessage: try container.lenientString(forKey: .errorMessage),
            elapsed: try container.lenientInt(forKey: .elapsed),
            creditCount: try container.lenientInt(forKey: .creditCount),
            notice: try container.lenientString(forKey: .notice),
            totalCount: try container.lenientInt(forKey: .totalCount)
        )
    }
}
