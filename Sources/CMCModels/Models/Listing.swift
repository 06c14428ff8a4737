/// One coin of `v1/cryptocurrency/listings/latest`, also the item type of `quotes/latest` (cmc-api.md §3.2).
///
/// Only ``id`` is required. Every other field is optional, because the API has sent `null` for it, added it
/// later, or (on the sandbox) sent garbage. Supplies and prices decode from integer or float literals and
/// numeric strings; flags from 0/1 integers or booleans; unknown fields are ignored.
public struct Listing: Codable, Sendable, Hashable {
    /// The CMC id (stable; prefer it over the symbol).
    /// Required: an item without a readable id does not decode.
    public var id: Int

    /// The coin's name, e.g. `Bitcoin`.
    public var name: String?

    /// The ticker symbol, e.g. `BTC` (not unique).
    public var symbol: String?

    /// The URL-friendly name, e.g. `bitcoin`.
    public var slug: String?

    /// The number of active market pairs.
    public var numMarketPairs: Int?

    /// When CMC added the coin, ISO 8601; can be `null`.
    public var dateAdded: String?

    /// Tags: slugs in listings and v1 quotes, objects in v2 quotes.
    public var tags: [CMCTag]?

    /// The maximum supply; `null` when uncapped.
    public var maxSupply: Double?

    /// The circulating supply (an integer or float literal in the JSON).
    public var circulatingSupply: Double?

    /// The total supply (an integer or float literal in the JSON).
    public var totalSupply: Double?

    /// Whether the supply is unbounded (absent before ~2022).
    public var infiniteSupply: Bool?

    /// The chain a token lives on; `null` for coins.
    public var platform: CMCPlatform?

    /// The CMC rank (1 = largest market cap).
    public var cmcRank: Int?

    /// Circulating supply reported by the project; usually `null`.
    public var selfReportedCirculatingSupply: Double?

    /// Market cap from the self-reported supply; usually `null`.
    public var selfReportedMarketCap: Double?

    /// Market cap divided by total value locked; usually `null`.
    public var tvlRatio: Double?

    /// When the listing was last updated, ISO 8601.
    public var lastUpdated: String?

    /// `1` when the coin is active (v2 quotes); a 0/1 integer, also read from a boolean.
    public var isActive: Int?

    /// `1` for fiat currencies (v2 quotes); a 0/1 integer, also read from a boolean.
    public var isFiat: Int?

    /// Whether the market cap counts toward global totals (aux field), as 0/1.
    public var isMarketCapIncludedInCalc: Int?

    /// Minted market cap (2026 field).
    public var mintedMarketCap: Double?

    /// Market data by convert code (`"USD"`) or convert id (`"2781"`); empty when missing or `null`.
    public var quote: [String: CMCQuote]

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - id: The CMC id (stable; prefer it over the symbol).
    ///   - name: The coin's name, e.g. `Bitcoin`.
    ///   - symbol: The ticker symbol, e.g. `BTC` (not unique).
    ///   - slug: The URL-friendly name, e.g. `bitcoin`.
    ///   - numMarketPairs: The number of active market pairs.
    ///   - dateAdded: When CMC added the coin, ISO 8601; can be `null`.
    ///   - tags: Tags: slugs in listings and v1 quotes, objects in v2 quotes.
    ///   - maxSupply: The maximum supply; `null` when uncapped.
    ///   - circulatingSupply: The circulating supply (an integer or float literal in the JSON).
    ///   - totalSupply: The total supply (an integer or float literal in the JSON).
    ///   - infiniteSupply: Whether the supply is unbounded (absent before ~2022).
    ///   - platform: The chain a token lives on; `null` for coins.
    ///   - cmcRank: The CMC rank (1 = largest market cap).
    ///   - selfReportedCirculatingSupply: Circulating supply reported by the project; usually `null`.
    ///   - selfReportedMarketCap: Market cap from the self-reported supply; usually `null`.
    ///   - tvlRatio: Market cap divided by total value locked; usually `null`.
    ///   - lastUpdated: When the listing was last updated, ISO 8601.
    ///   - isActive: `1` when the coin is active (v2 quotes); a 0/1 integer, also read from a boolean.
    ///   - isFiat: `1` for fiat currencies (v2 quotes); a 0/1 integer, also read from a boolean.
    ///   - isMarketCapIncludedInCalc: Whether the market cap counts toward global totals (aux field), as 0/1.
    ///   - mintedMarketCap: Minted market cap (2026 field).
    ///   - quote: Market data by convert code (`"USD"`) or convert id (`"2781"`); empty when missing or `null`.
    public init(
        id: Int,
        name: String? = nil,
        symbol: String? = nil,
        slug: String? = nil,
        numMarketPairs: Int? = nil,
        dateAdded: String? = nil,
        tags: [CMCTag]? = nil,
        maxSupply: Double? = nil,
        circulatingSupply: Double? = nil,
        totalSupply: Double? = nil,
        infiniteSupply: Bool? = nil,
        platform: CMCPlatform? = nil,
        cmcRank: Int? = nil,
        selfReportedCirculatingSupply: Double? = nil,
        selfReportedMarketCap: Double? = nil,
        tvlRatio: Double? = nil,
        lastUpdated: String? = nil,
        isActive: Int? = nil,
        isFiat: Int? = nil,
        isMarketCapIncludedInCalc: Int? = nil,
        mintedMarketCap: Double? = nil,
        quote: [String: CMCQuote] = [:]
    ) {
        self.id = id
        self.name = name
        self.symbol = symbol
        self.slug = slug
        self.numMarketPairs = numMarketPairs
        self.dateAdded = dateAdded
        self.tags = tags
        self.maxSupply = maxSupply
        self.circulatingSupply = circulatingSupply
        self.totalSupply = totalSupply
        self.infiniteSupply = infiniteSupply
        self.platform = platform
        self.cmcRank = cmcRank
        self.selfReportedCirculatingSupply = selfReportedCirculatingSupply
        self.selfReportedMarketCap = selfReportedMarketCap
        self.tvlRatio = tvlRatio
        self.lastUpdated = lastUpdated
        self.isActive = isActive
        self.isFiat = isFiat
        self.isMarketCapIncludedInCalc = isMarketCapIncludedInCalc
        self.mintedMarketCap = mintedMarketCap
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case symbol
        case slug
        case numMarketPairs = "num_market_pairs"
        case dateAdded = "date_added"
        case tags
        case maxSupply = "max_supply"
        case circulatingSupply = "circulating_supply"
        case totalSupply = "total_supply"
        case infiniteSupply = "infinite_supply"
        case platform
        case cmcRank = "cmc_rank"
        case selfReportedCirculatingSupply = "self_reported_circulating_supply"
        case selfReportedMarketCap = "self_reported_market_cap"
        case tvlRatio = "tvl_ratio"
        case lastUpdated = "last_updated"
        case isActive = "is_active"
        case isFiat = "is_fiat"
        case isMarketCapIncludedInCalc = "is_market_cap_included_in_calc"
        case mintedMarketCap = "minted_market_cap"
        case quote
    }
}

extension Listing {
    /// Decodes a listing tolerantly (see the type's discussion).
    ///
    /// - Throws: `DecodingError` when `id` is missing, `null` or not an integer, or when a field has a type that
    ///   cannot be converted (e.g. `"quote": "n/a"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.lenientRequiredInt(forKey: .id),
            name: try container.lenientString(forKey: .name),
            symbol: try container.lenientString(forKey: .symbol),
            slug: try container.lenientString(forKey: .slug),
            numMarketPairs: try container.lenientInt(forKey: .numMarketPairs),
            dateAdded: try container.lenientString(forKey: .dateAdded),
            tags: try container.decodeIfPresent([CMCTag].self, forKey: .tags),
            maxSupply: try container.lenientDouble(forKey: .maxSupply),
            circulatingSupply: try container.lenientDouble(forKey: .circulatingSupply),
            totalSupply: try container.lenientDouble(forKey: .totalSupply),
            infiniteSupply: try container.lenientBool(forKey: .infiniteSupply),
            platform: try container.decodeIfPresent(CMCPlatform.self, forKey: .platform),
            cmcRank: try container.lenientInt(forKey: .cmcRank),
            selfReportedCirculatingSupply: try container.lenientDouble(forKey: .selfReportedCirculatingSupply),
            selfReportedMarketCap: try container.lenientDouble(forKey: .selfReportedMarketCap),
            tvlRatio: try container.lenientDouble(forKey: .tvlRatio),
            lastUpdated: try container.lenientString(forKey: .lastUpdated),
            isActive: try container.lenientInt(forKey: .isActive),
            isFiat: try container.lenientInt(forKey: .isFiat),
            isMarketCapIncludedInCalc: try container.lenientInt(forKey: .isMarketCapIncludedInCalc),
            mintedMarketCap: try container.lenientDouble(forKey: .mintedMarketCap),
            quote: try container.decodeIfPresent([String: CMCQuote].self, forKey: .quote) ?? [:]
        )
    }
}
