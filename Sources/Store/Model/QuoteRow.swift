/// One stored quote: a coin's market data in one convert currency at one CMC `last_updated`.
///
/// The row type of ``RunStore/latest(convert:top:)``, ``RunStore/history(coinID:convert:range:)`` and
/// ``RunStore/export(_:convert:_:)``. Every number is exactly the `Double` decoded from the run's `data.json`;
/// a value CMC sent as `null` (or left out) is `nil`, never 0. `symbol`, `name` and `slug` are the coin's
/// current identity (its history is in the `coins` table).
public struct QuoteRow: Sendable, Hashable {
    /// The CMC id.
    public var coinID: Int
    /// The coin's current symbol.
    public var symbol: String?
    /// The coin's current name.
    public var name: String?
    /// The coin's current slug.
    public var slug: String?
    /// The convert currency, e.g. `USD`.
    public var convert: String
    /// CMC's `last_updated` of this quote.
    public var lastUpdated: EpochMillis
    /// The price in the convert currency.
    public var price: Double?
    /// 24-hour trading volume.
    public var volume24h: Double?
    /// Change of the 24-hour volume, in percent.
    public var volumeChange24h: Double?
    /// Price change over 1 hour, in percent.
    public var percentChange1h: Double?
    /// Price change over 24 hours, in percent.
    public var percentChange24h: Double?
    /// Price change over 7 days, in percent.
    public var percentChange7d: Double?
    /// Price change over 30 days, in percent.
    public var percentChange30d: Double?
    /// Price change over 60 days, in percent.
    public var percentChange60d: Double?
    /// Price change over 90 days, in percent.
    public var percentChange90d: Double?
    /// Market capitalization.
    public var marketCap: Double?
    /// Share of the total market cap, in percent.
    public var marketCapDominance: Double?
    /// Market cap at the maximum (or total) supply.
    public var fullyDilutedMarketCap: Double?
    /// Total value locked.
    public var tvl: Double?
    /// Market cap by total supply (aux field).
    public var marketCapByTotalSupply: Double?
    /// Reported 24-hour volume (aux field).
    public var volume24hReported: Double?
    /// 7-day volume (aux field).
    public var volume7d: Double?
    /// Reported 7-day volume (aux field).
    public var volume7dReported: Double?
    /// 30-day volume (aux field).
    public var volume30d: Double?
    /// Reported 30-day volume (aux field).
    public var volume30dReported: Double?
    /// Minted market cap (2026 field).
    public var mintedMarketCap: Double?
    /// Circulating supply.
    public var circulatingSupply: Double?
    /// Total supply.
    public var totalSupply: Double?
    /// Maximum supply; `nil` when uncapped.
    public var maxSupply: Double?
    /// Whether the supply is unbounded.
    public var infiniteSupply: Bool?
    /// Self-reported circulating supply.
    public var selfReportedCirculatingSupply: Double?
    /// Market cap from the self-reported supply.
    public var selfReportedMarketCap: Double?
    /// Market cap divided by total value locked.
    public var tvlRatio: Double?
    /// The CMC rank.
    public var cmcRank: Int?
    /// The number of active market pairs.
    public var numMarketPairs: Int?
    /// The id of the run that first stored this quote.
    public var firstSeenRun: String

    /// Creates a row; every market field defaults to `nil`.
    ///
    /// - Parameters:
    ///   - coinID: The CMC id.
    ///   - convert: The convert currency.
    ///   - lastUpdated: CMC's `last_updated`.
    ///   - firstSeenRun: The id of the run that first stored the quote.
    public init(coinID: Int, convert: String, lastUpdated: EpochMillis, firstSeenRun: String) {
        self.coinID = coinID
        self.convert = convert
        self.lastUpdated = lastUpdated
        self.firstSeenRun = firstSeenRun
    }

    /// The column names, in export order (snake case, as in the database and in `data.json`).
    public static let columnNames: [String] = [
        "coin_id", "symbol", "name", "slug", "convert", "last_updated", "price", "volume_24h", "volume_change_24h",
        "percent_change_1h", "percent_change_24h", "percent_change_7d", "percent_change_30d", "percent_change_60d",
        "percent_change_90d", "market_cap", "market_cap_dominance", "fully_diluted_market_cap", "tvl",
        "market_cap_by_total_supply", "volume_24h_reported", "volume_7d", "volume_7d_reported", "volume_30d",
        "volume_30d_reported", "minted_market_cap", "circulating_supply", "total_supply", "max_supply",
        "infinite_supply", "self_reported_circulating_supply", "self_reported_market_cap", "tvl_ratio", "cmc_rank",
        "num_market_pairs", "first_seen_run",
    ]

    /// The quote's market numbers in storage order (from `price` to `tvl_ratio`, without `infinite_supply`).
    var doubles: [Double?] {
        [
            price, volume24h, volumeChange24h, percentChange1h, percentChange24h, percentChange7d, percentChange30d,
            percentChange60d, percentChange90d, marketCap, marketCapDominance, fullyDilutedMarketCap, tvl,
            marketCapByTotalSupply, volume24hReported, volume7d, volume7dReported, volume30d, volume30dReported,
            mintedMarketCap, circulatingSupply, totalSupply, maxSupply, selfReportedCirculatingSupply,
            selfReportedMarketCap, tvlRatio,
        ]
    }

    /// Sets the market numbers from storage order (see ``doubles``).
    mutating func setDoubles(_ values: [Double?]) {
        precondition(values.count == Self.doubleColumns.count, "one value per numeric column")
        price = values[0]
        volume24h = values[1]
        volumeChange24h = values[2]
        percentChange1h = values[3]
        percentChange24h = values[4]
        percentChange7d = values[5]
        percentChange30d = values[6]
        percentChange60d = values[7]
        percentChange90d = values[8]
        marketCap = values[9]
        marketCapDominance = values[10]
        fullyDilutedMarketCap = values[11]
        tvl = values[12]
        marketCapByTotalSupply = values[13]
        volume24hReported = values[14]
        volume7d = values[15]
        volume7dReported = values[16]
        volume30d = values[17]
        volume30dReported = values[18]
        mintedMarketCap = values[19]
        circulatingSupply = values[20]
        totalSupply = values[21]
        maxSupply = values[22]
        selfReportedCirculatingSupply = values[23]
        selfReportedMarketCap = values[24]
        tvlRatio = values[25]
    }

    /// The numeric (`REAL` / `double precision`) columns of `quotes`, in the order of ``doubles``.
    static let doubleColumns: [String] = [
        "price", "volume_24h", "volume_change_24h", "percent_change_1h", "percent_change_24h", "percent_change_7d",
        "percent_change_30d", "percent_change_60d", "percent_change_90d", "market_cap", "market_cap_dominance",
        "fully_diluted_market_cap", "tvl", "market_cap_by_total_supply", "volume_24h_reported", "volume_7d",
        "volume_7d_reported", "volume_30d", "volume_30d_reported", "minted_market_cap", "circulating_supply",
        "total_supply", "max_supply", "self_reported_circulating_supply", "self_reported_market_cap", "tvl_ratio",
    ]
}
