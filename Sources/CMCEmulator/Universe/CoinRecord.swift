/// One deployment of a token: the platform index in ``PlatformCatalog/all`` and the address there.
struct TokenContract: Sendable {
    let platformIndex: Int
    let address: String

    var platform: Platform { PlatformCatalog.all[platformIndex] }
}

/// The links block of v2 info (`urls`).
struct CoinLinks: Sendable {
    var website: [String] = []
    var twitter: [String] = []
    var messageBoard: [String] = []
    var chat: [String] = []
    var facebook: [String] = []
    var explorer: [String] = []
    var reddit: [String] = []
    var technicalDoc: [String] = []
    var sourceCode: [String] = []
    var announcement: [String] = []
}

/// Everything static about one coin of the universe. Market values that drift are computed per window
/// from the `base*` values (see ``MarketSnapshot``).
struct CoinRecord: Sendable {
    let id: Int
    var name: String
    var symbol: String
    var slug: String
    /// 1-based rank by base market cap; index in ``Universe/coins`` is `rank - 1`.
    var rank: Int
    let contracts: [TokenContract]
    var tags: [Int]
    /// Milliseconds since the epoch; `nil` for the rare coin CMC sends `date_added: null` for.
    var dateAdded: Int64?
    let dateLaunched: Int64?
    let numMarketPairs: Int
    let circulatingSupply: Double
    let totalSupply: Double
    let maxSupply: Double?
    let infiniteSupply: Bool
    let basePrice: Double
    let baseVolume: Double
    let volatility: Double
    let selfReportedCirculatingSupply: Double?
    let selfReportedMarketCap: Double?
    let baseTVL: Double?
    /// Days between `date_added` and the universe's reference date; long-range changes are null when younger.
    let ageDays: Int
    let isMarketCapIncluded: Bool
    var description: String
    var links: CoinLinks
    var twitterUsername: String
    var subreddit: String
    var notice: String
    let firstHistoricalData: Int64

    /// The primary deployment (`platform`), `nil` for coins.
    var platform: TokenContract? { contracts.first }
    var isToken: Bool { !contracts.isEmpty }
    var baseMarketCap: Double { basePrice * circulatingSupply }
}
