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
    /// When the run was resumed (`collect --resume`), the status its manifest had then (`partial`, or
    /// `running` for a run that was killed); `nil` for a run that was never resumed. A resumed run keeps its
    /// run id and folder, so the status is what tells an attempt from its predecessor.
    public var resumedFromStatus: String?

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
    ///   - resumedFromStatus: The status the run had when it was resumed, if it was.
    public init(
        limit: String,
        convert: [String],
        info: String,
        logoSize: Int,
        concurrency: Int,
        maxLogoBytes: Int,
        batchSize: Int,
        resumedFromStatus: String? = nil
    ) {
        self.limit = limit
        self.convert = convert
        self.info = info
        self.logoSize = logoSize
        self.concurrency = concurrency
        self.maxLogoBytes = maxLogoBytes
        self.batchSize = batchSize
        self.resumedFromStatus = resumedFromStatus
    }

    enum CodingKeys: String, CodingKey {
        case limit
        case convert
        case info
        case logoSize = "logo_size"
        case concurrency
        case maxLogoBytes = "max_logo_bytes"
        case batchSize = "batch_size"
        case resumedFromStatus = "resumed_from_status"
        /// What earlier manifests called ``resumedFromStatus`` (it held the same status).
        case legacyResumedFrom = "resumed_from"
    }

    /// Decodes parameters; `resumed_from` (the name older manifests used for the same value) is read too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decode(String.self, forKey: .limit)
        convert = try container.decode([String].self, forKey: .convert)
        info = try container.decode(String.self, forKey: .info)
        logoSize = try container.decode(Int.self, forKey: .logoSize)
        concurrency = try container.decode(Int.self, forKey: .concurrency)
        maxLogoBytes = try container.decode(Int.self, forKey: .maxLogoBytes)
        batchSize = try container.decode(Int.self, forKey: .batchSize)
        resumedFromStatus =
            try container.decodeIfPresent(String.self, forKey: .resumedFromStatus)
            ?? container.decodeIfPresent(String.self, forKey: .legacyResumedFrom)
    }

    /// Encodes parameters (`resumed_from_status` only when the run was resumed).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(convert, forKey: .convert)
        try container.encode(info, forKey: .info)
        try container.encode(logoSize, forKey: .logoSize)
        try container.encode(concurrency, forKey: .concurrency)
        try container.encode(maxLogoBytes, forKey: .maxLogoBytes)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encodeIfPresent(resumedFromStatus, forKey: .resumedFromStatus)
    }
}
