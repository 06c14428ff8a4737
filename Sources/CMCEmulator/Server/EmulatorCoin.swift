/// A summary of one coin of the emulated universe, for assertions in tests.
public struct EmulatorCoin: Sendable, Equatable {
    /// The CMC id.
    public let id: Int
    /// The rank by market cap at start (1-based; `cmc_rank`).
    public let rank: Int
    /// The display name (may contain non-ASCII or hostile HTML text).
    public let name: String
    /// The symbol; several coins may share one.
    public let symbol: String
    /// The unique slug.
    public let slug: String
    /// The platform's coin id for tokens (`platform.id`), `nil` for coins.
    public let platformID: Int?
    /// The primary token address for tokens, `nil` for coins.
    public let tokenAddress: String?
}
