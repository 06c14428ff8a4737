/// The chain a token lives on (`platform` in listings, quotes, map and info); `null` for coins.
///
/// `id` is an integer in listings, quotes and map but a string (`"1027"`) in v2 info; both decode to `Int`.
public struct CMCPlatform: Codable, Sendable, Hashable {
    /// The CMC id of the platform's coin, e.g. `1027` for Ethereum.
    public var id: Int?

    /// The platform's name, e.g. `Ethereum`.
    public var name: String?

    /// The platform coin's symbol, e.g. `ETH`.
    public var symbol: String?

    /// The platform coin's slug, e.g. `ethereum`.
    public var slug: String?

    /// The token's contract address on the platform.
    public var tokenAddress: String?

    /// Creates a platform reference.
    ///
    /// - Parameters:
    ///   - id: The platform coin's CMC id.
    ///   - name: The platform's name.
    ///   - symbol: The platform coin's symbol.
    ///   - slug: The platform coin's slug.
    ///   - tokenAddress: The token's contract address.
    public init(
        id: Int? = nil,
        name: String? = nil,
        symbol: String? = nil,
        slug: String? = nil,
        tokenAddress: String? = nil
    ) {
        self.id = id
        self.name = name
        self.symbol = symbol
        self.slug = slug
        self.tokenAddress = tokenAddress
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case symbol
        case slug
        case tokenAddress = "token_address"
    }
}

extension CMCPlatform {
    /// Decodes a platform, reading `id` from an integer or a numeric string.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.lenientInt(forKey: .id),
            name: try container.lenientString(forKey: .name),
            symbol: try container.lenientString(forKey: .symbol),
            slug: try container.lenientString(forKey: .slug),
            tokenAddress: try container.lenientString(forKey: .tokenAddress)
        )
    }
}
