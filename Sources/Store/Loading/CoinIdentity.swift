/// What a coin is called at one time: symbol, name, slug and platform. Kept as a history in `coins`.
public struct CoinIdentity: Sendable, Hashable {
    /// The ticker symbol.
    public var symbol: String?
    /// The name.
    public var name: String?
    /// The slug.
    public var slug: String?
    /// The CMC id of the platform coin a token lives on; `nil` for coins.
    public var platformID: Int?
    /// The token's contract address on its platform.
    public var tokenAddress: String?

    /// Creates an identity.
    ///
    /// - Parameters:
    ///   - symbol: The ticker symbol.
    ///   - name: The name.
    ///   - slug: The slug.
    ///   - platformID: The platform coin's id.
    ///   - tokenAddress: The contract address.
    public init(
        symbol: String? = nil,
        name: String? = nil,
        slug: String? = nil,
        platformID: Int? = nil,
        tokenAddress: String? = nil
    ) {
        self.symbol = symbol
        self.name = name
        self.slug = slug
        self.platformID = platformID
        self.tokenAddress = tokenAddress
    }
}
