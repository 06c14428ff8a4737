/// One item a run could not collect, as its manifest records it.
public struct RunFailure: Codable, Sendable, Hashable {
    /// The stage that failed: `listings`, `info`, `logos`, ….
    public var stage: String
    /// The coin concerned, if any.
    public var coinID: Int?
    /// The URL concerned (a logo URL, never an API URL with a key), if any.
    public var url: String?
    /// Why, in one sentence.
    public var reason: String

    /// Creates a failure record.
    ///
    /// - Parameters:
    ///   - stage: The stage that failed.
    ///   - coinID: The coin concerned.
    ///   - url: The URL concerned.
    ///   - reason: Why.
    public init(stage: String, coinID: Int? = nil, url: String? = nil, reason: String) {
        self.stage = stage
        self.coinID = coinID
        self.url = url
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case stage
        case coinID = "coin_id"
        case url
        case reason
    }
}
