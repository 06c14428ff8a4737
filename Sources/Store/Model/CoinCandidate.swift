/// A stored coin that matches a query, with its latest market data: the answer to an ambiguous symbol.
public struct CoinCandidate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The CMC id.
    public var id: Int
    /// The current name.
    public var name: String?
    /// The current symbol.
    public var symbol: String?
    /// The current slug.
    public var slug: String?
    /// The latest stored market cap in the requested convert currency.
    public var marketCap: Double?
    /// The latest stored CMC rank.
    public var cmcRank: Int?

    /// Creates a candidate.
    ///
    /// - Parameters:
    ///   - id: The CMC id.
    ///   - name: The current name.
    ///   - symbol: The current symbol.
    ///   - slug: The current slug.
    ///   - marketCap: The latest market cap.
    ///   - cmcRank: The latest rank.
    public init(
        id: Int,
        name: String? = nil,
        symbol: String? = nil,
        slug: String? = nil,
        marketCap: Double? = nil,
        cmcRank: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.symbol = symbol
        self.slug = slug
        self.marketCap = marketCap
        self.cmcRank = cmcRank
    }

    /// `id 1  Bitcoin (bitcoin)  market cap 1132650000000.12`.
    public var description: String {
        var text = "id \(id)  \(name ?? "?") (\(slug ?? "?"))"
        if let marketCap {
            text += "  market cap \(NumberText.plain(marketCap))"
        } else {
            text += "  market cap unknown"
        }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case symbol
        case slug
        case marketCap = "market_cap"
        case cmcRank = "cmc_rank"
    }
}
