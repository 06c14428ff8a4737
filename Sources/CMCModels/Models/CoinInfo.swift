/// One coin's metadata from `v2/cryptocurrency/info` (cmc-api.md §3.3).
///
/// Only ``id`` is required. `platform.id` and `contract_address[].platform.coin.id` arrive as strings in v2
/// info and decode to `Int`. The hyphenated keys `tag-names` and `tag-groups` map to ``tagNames`` and
/// ``tagGroups``.
public struct CoinInfo: Codable, Sendable, Hashable {
    /// The CMC id.
    /// Required: an item without a readable id does not decode.
    public var id: Int

    /// The coin's name.
    public var name: String?

    /// The ticker symbol.
    public var symbol: String?

    /// `coin` or `token`.
    public var category: String?

    /// A generated description; can be `null`.
    public var description: String?

    /// The URL-friendly name.
    public var slug: String?

    /// The 64×64 logo URL (`https://s2.coinmarketcap.com/static/img/coins/64x64/<id>.png`).
    public var logo: String?

    /// The subreddit name; `""` when unknown.
    public var subreddit: String?

    /// A notice in Markdown; `""` or `null` when there is none.
    public var notice: String?

    /// Tag slugs.
    public var tags: [String]?

    /// Tag display names, parallel to ``tags`` (JSON key `tag-names`).
    public var tagNames: [String]?

    /// Tag groups, parallel to ``tags`` (JSON key `tag-groups`).
    public var tagGroups: [String]?

    /// Links by kind (`website`, `explorer`, `source_code`, …); `null` members are dropped.
    public var urls: [String: [String]]?

    /// The chain a token lives on; `null` for coins. Its `id` is a string in v2 info.
    public var platform: CMCPlatform?

    /// When CMC added the coin, ISO 8601.
    public var dateAdded: String?

    /// When the coin launched, ISO 8601; often `null`.
    public var dateLaunched: String?

    /// The Twitter handle; `""` when unknown.
    public var twitterUsername: String?

    /// `1` when the coin is hidden; a 0/1 integer, also read from a boolean.
    public var isHidden: Int?

    /// Every contract address of the token, across chains; `[]` for coins.
    public var contractAddress: [CMCContractAddress]?

    /// Circulating supply reported by the project.
    public var selfReportedCirculatingSupply: Double?

    /// Market cap from the self-reported supply.
    public var selfReportedMarketCap: Double?

    /// Tags reported by the project; usually `null`.
    public var selfReportedTags: [String]?

    /// Whether the supply is unbounded (newer field).
    public var infiniteSupply: Bool?

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - id: The CMC id.
    ///   - name: The coin's name.
    ///   - symbol: The ticker symbol.
    ///   - category: `coin` or `token`.
    ///   - description: A generated description; can be `null`.
    ///   - slug: The URL-friendly name.
    ///   - logo: The 64×64 logo URL (`https://s2.coinmarketcap.com/static/img/coins/64x64/<id>.png`).
    ///   - subreddit: The subreddit name; `""` when unknown.
    ///   - notice: A notice in Markdown; `""` or `null` when there is none.
    ///   - tags: Tag slugs.
    ///   - tagNames: Tag display names, parallel to ``tags`` (JSON key `tag-names`).
    ///   - tagGroups: Tag groups, parallel to ``tags`` (JSON key `tag-groups`).
    ///   - urls: Links by kind (`website`, `explorer`, `source_code`, …); `null` members are dropped.
    ///   - platform: The chain a token lives on; `null` for coins. Its `id` is a string in v2 info.
    ///   - dateAdded: When CMC added the coin, ISO 8601.
    ///   - dateLaunched: When the coin launched, ISO 8601; often `null`.
    ///   - twitterUsername: The Twitter handle; `""` when unknown.
    ///   - isHidden: `1` when the coin is hidden; a 0/1 integer, also read from a boolean.
    ///   - contractAddress: Every contract address of the token, across chains; `[]` for coins.
    ///   - selfReportedCirculatingSupply: Circulating supply reported by the project.
    ///   - selfReportedMarketCap: Market cap from the self-reported supply.
    ///   - selfReportedTags: Tags reported by the project; usually `null`.
    ///   - infiniteSupply: Whether the supply is unbounded (newer field).
    public init(
        id: Int,
        name: String? = nil,
        symbol: String? = nil,
        category: String? = nil,
        description: String? = nil,
        slug: String? = nil,
        logo: String? = nil,
        subreddit: String? = nil,
        notice: String? = nil,
        tags: [String]? = nil,
        tagNames: [String]? = nil,
        tagGroups: [String]? = nil,
        urls: [String: [String]]? = nil,
        platform: CMCPlatform? = nil,
        dateAdded: String? = nil,
        dateLaunched: String? = nil,
        twitterUsername: String? = nil,
        isHidden: Int? = nil,
        contractAddress: [CMCContractAddress]? = nil,
        selfReportedCirculatingSupply: Double? = nil,
        selfReportedMarketCap: Double? = nil,
        selfReportedTags: [String]? = nil,
        infiniteSupply: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.symbol = symbol
        self.category = category
        self.description = description
        self.slug = slug
        self.logo = logo
        self.subreddit = subreddit
        self.notice = notice
        self.tags = tags
        self.tagNames = tagNames
        self.tagGroups = tagGroups
        self.urls = urls
        self.platform = platform
        self.dateAdded = dateAdded
        self.dateLaunched = dateLaunched
        self.twitterUsername = twitterUsername
        self.isHidden = isHidden
        self.contractAddress = contractAddress
        self.selfReportedCirculatingSupply = selfReportedCirculatingSupply
        self.selfReportedMarketCap = selfReportedMarketCap
        self.selfReportedTags = selfReportedTags
        self.infiniteSupply = infiniteSupply
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case symbol
        case category
        case description
        case slug
        case logo
        case subreddit
        case notice
        case tags
        case tagNames = "tag-names"
        case tagGroups = "tag-groups"
        case urls
        case platform
        case dateAdded = "date_added"
        case dateLaunched = "date_launched"
        case twitterUsername = "twitter_username"
        case isHidden = "is_hidden"
        case contractAddress = "contract_address"
        case selfReportedCirculatingSupply = "self_reported_circulating_supply"
        case selfReportedMarketCap = "self_reported_market_cap"
        case selfReportedTags = "self_reported_tags"
        case infiniteSupply = "infinite_supply"
    }
}

extension CoinInfo {
    /// Decodes coin metadata tolerantly (see the type's discussion).
    ///
    /// - Throws: `DecodingError` when `id` is missing, `null` or not an integer, or when a field has a type that
    ///   cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.lenientRequiredInt(forKey: .id),
            name: try container.lenientString(forKey: .name),
            symbol: try container.lenientString(forKey: .symbol),
            category: try container.lenientString(forKey: .category),
            description: try container.lenientString(forKey: .description),
            slug: try container.lenientString(forKey: .slug),
            logo: try container.lenientString(forKey: .logo),
            subreddit: try container.lenientString(forKey: .subreddit),
            notice: try container.lenientString(forKey: .notice),
            tags: try container.lenientStrings(forKey: .tags),
            tagNames: try container.lenientStrings(forKey: .tagNames),
            tagGroups: try container.lenientStrings(forKey: .tagGroups),
            urls: try container.lenientURLs(forKey: .urls),
            platform: try container.decodeIfPresent(CMCPlatform.self, forKey: .platform),
            dateAdded: try container.lenientString(forKey: .dateAdded),
            dateLaunched: try container.lenientString(forKey: .dateLaunched),
            twitterUsername: try container.lenientString(forKey: .twitterUsername),
            isHidden: try container.lenientInt(forKey: .isHidden),
            contractAddress: try container.decodeIfPresent([CMCContractAddress].self, forKey: .contractAddress),
            selfReportedCirculatingSupply: try container.lenientDouble(forKey: .selfReportedCirculatingSupply),
            selfReportedMarketCap: try container.lenientDouble(forKey: .selfReportedMarketCap),
            selfReportedTags: try container.lenientStrings(forKey: .selfReportedTags),
            infiniteSupply: try container.lenientBool(forKey: .infiniteSupply)
        )
    }
}
