/// One entry of `v1/cryptocurrency/map`: the id ↔ symbol/slug index (cmc-api.md §2.3).
public struct MapEntry: Codable, Sendable, Hashable {
    /// The CMC id.
    /// Required: an item without a readable id does not decode.
    public var id: Int

    /// The CMC rank.
    public var rank: Int?

    /// The coin's name.
    public var name: String?

    /// The ticker symbol.
    public var symbol: String?

    /// The URL-friendly name.
    public var slug: String?

    /// `1` when active; a 0/1 integer, also read from a boolean.
    public var isActive: Int?

    /// `active`, `inactive` or `untracked`; only when requested through `aux`.
    public var status: String?

    /// The first date with historical data, ISO 8601.
    public var firstHistoricalData: String?

    /// The last date with historical data, ISO 8601.
    public var lastHistoricalData: String?

    /// The chain a token lives on; `null` for coins.
    public var platform: CMCPlatform?

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - id: The CMC id.
    ///   - rank: The CMC rank.
    ///   - name: The coin's name.
    ///   - symbol: The ticker symbol.
    ///   - slug: The URL-friendly name.
    ///   - isActive: `1` when active; a 0/1 integer, also read from a boolean.
    ///   - status: `active`, `inactive` or `untracked`; only when requested through `aux`.
    ///   - firstHistoricalData: The first date with historical data, ISO 8601.
    ///   - lastHistoricalData: The last date with historical data, ISO 8601.
    ///   - platform: The chain a token lives on; `null` for coins.
    public init(
        id: Int,
        rank: Int? = nil,
        name: String? = nil,
        symbol: String? = nil,
        slug: String? = nil,
        isActive: Int? = nil,
        status: String? = nil,
        firstHistoricalData: String? = nil,
        lastHistoricalData: String? = nil,
        platform: CMCPlatform? = nil
    ) {
        self.id = id
        self.rank = rank
        self.name = name
        self.symbol = symbol
        self.slug = slug
        self.isActive = isActive
        self.status = status
        self.firstHistoricalData = firstHistoricalData
        self.lastHistoricalData = lastHistoricalData
        self.platform = platform
    }

    enum CodingKeys: String, CodingKey {
        case id
        case rank
        case name
        case symbol
        case slug
        case isActive = "is_active"
        case status
        case firstHistoricalData = "first_historical_data"
        case lastHistoricalData = "last_historical_data"
        case platform
    }
}

extension MapEntry {
    /// Decodes a map entry tolerantly.
    ///
    /// - Throws: `DecodingError` when `id` is missing, `null` or not an integer, or when a field has a type that
    ///   cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.lenientRequiredInt(forKey: .id),
            rank: try container.lenientInt(forKey: .rank),
            name: try container.lenientString(forKey: .name),
            symbol: try container.lenientString(forKey: .symbol),
            slug: try container.lenientString(forKey: .slug),
            isActive: try container.lenientInt(forKey: .isActive),
            status: try container.lenientString(forKey: .status),
            firstHistoricalData: try container.lenientString(forKey: .firstHistoricalData),
            lastHistoricalData: try container.lenientString(forKey: .lastHistoricalData),
            platform: try container.decodeIfPresent(CMCPlatform.self, forKey: .platform)
        )
    }
}
