/// The options a run was made with, as its manifest records them.
public struct RunParameters: Codable, Sendable, Hashable {
    /// Listing rows asked for: a count such as `"5000"`, or `"all"`.
    public var limit: String
    /// Convert currencies, in request order.
    public var convert: [String]
    /// Coins that get metadata: a count such as `"50"`, `"all"` or `"none"`.
    public var info: String
    /// Logo edge in pixels.
    public var logoSize: Int
    /// Logo downloads in flight at once.
    public var concurrency: Int
    /// The largest logo accepted, in bytes.
    public var maxLogoBytes: Int
    /// Ids per info call.
    public var batchSize: Int
    /// The run id this run resumed, if any.
    public var resumedFrom: String?

    /// Creates parameters.
    ///
    /// - Parameters:
    ///   - limit: Listing rows asked for (`"5000"` or `"all"`).
    ///   - convert: Convert currencies.
    ///   - info: Coins that get metadata (`"50"`, `"all"` or `"none"`).
    ///   - logoSize: Logo edge in pixels.
    ///   - concurrency: Logo downloads in flight at once.
    ///   - maxLogoBytes: The largest logo accepted, in bytes.
    ///   - batchSize: Ids per info call.
    ///   - resumedFrom: The run id this run resumed, if any.
    public init(
        limit: String,
        convert: [String],
        info: String,
        logoSize: Int,
        concurrency: Int,
        maxLogoBytes: Int,
        batchSize: Int,
        resumedFrom: String? = nil
    ) {
        self.limit = limit
        self.convert = convert
        self.info = info
        self.logoSize = logoSize
        self.concurrency = concurrency
        self.maxLogoBytes = maxLogoBytes
        self.batchSize = batchSize
        self.resumedFrom = resumedFrom
    }

    enum CodingKeys: String, CodingKey {
        case limit
        case convert
        case info
        case logoSize = "logo_size"
        case concurrency
        case maxLogoBytes = "max_logo_bytes"
        case batchSize = "batch_size"
        case resumedFrom = "resumed_from"
    }
}
