/// One currency's market data for a coin: an entry of a listing's `quote` map (cmc-api.md §3.2).
///
/// The map is keyed by the convert symbol (`"USD"`) or, with `convert_id`, by the currency's id (`"2781"`).
/// Every number is optional and decodes from an integer literal, a float literal or a numeric string.
public struct CMCQuote: Codable, Sendable, Hashable {
    /// The price in the quote currency.
    public var price: Double?

    /// Trading volume over the last 24 hours.
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

    /// Market capitalization (price × circulating supply).
    public var marketCap: Double?

    /// Share of the total market cap, in percent.
    public var marketCapDominance: Double?

    /// Market cap at the maximum (or total) supply.
    public var fullyDilutedMarketCap: Double?

    /// Total value locked; usually `null`.
    public var tvl: Double?

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

    /// Market cap by total supply (aux field).
    public var marketCapByTotalSupply: Double?

    /// Minted market cap (2026 field).
    public var mintedMarketCap: Double?

    /// When this quote was last updated, ISO 8601.
    public var lastUpdated: String?

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - price: The price in the quote currency.
    ///   - volume24h: Trading volume over the last 24 hours.
    ///   - volumeChange24h: Change of the 24-hour volume, in percent.
    ///   - percentChange1h: Price change over 1 hour, in percent.
    ///   - percentChange24h: Price change over 24 hours, in percent.
    ///   - percentChange7d: Price change over 7 days, in percent.
    ///   - percentChange30d: Price change over 30 days, in percent.
    ///   - percentChange60d: Price change over 60 days, in percent.
    ///   - percentChange90d: Price change over 90 days, in percent.
    ///   - marketCap: Market capitalization (price × circulating supply).
    ///   - marketCapDominance: Share of the total market cap, in percent.
    ///   - fullyDilutedMarketCap: Market cap at the maximum (or total) supply.
    ///   - tvl: Total value locked; usually `null`.
    ///   - volume24hReported: Reported 24-hour volume (aux field).
    ///   - volume7d: 7-day volume (aux field).
    ///   - volume7dReported: Reported 7-day volume (aux field).
    ///   - volume30d: 30-day volume (aux field).
    ///   - volume30dReported: Reported 30-day volume (aux field).
    ///   - marketCapByTotalSupply: Market cap by total supply (aux field).
    ///   - mintedMarketCap: Minted market cap (2026 field).
    ///   - lastUpdated: When this quote was last updated, ISO 8601.
    public init(
        price: Double? = nil,
        volume24h: Double? = nil,
        volumeChange24h: Double? = nil,
        percentChange1h: Double? = nil,
        percentChange24h: Double? = nil,
        percentChange7d: Double? = nil,
        percentChange30d: Double? = nil,
        percentChange60d: Double? = nil,
        percentChange90d: Double? = nil,
        marketCap: Double? = nil,
        marketCapDominance: Double? = nil,
        fullyDilutedMarketCap: Double? = nil,
        tvl: Double? = nil,
        volume24hReported: Double? = nil,
        volume7d: Double? = nil,
        volume7dReported: Double? = nil,
        volume30d: Double? = nil,
        volume30dReported: Double? = nil,
        marketCapByTotalSupply: Double? = nil,
        mintedMarketCap: Double? = nil,
        lastUpdated: String? = nil
    ) {
        self.price = price
        self.volume24h = volume24h
        self.volumeChange24h = volumeChange24h
        self.percentChange1h = percentChange1h
        self.percentChange24h = percentChange24h
        self.percentChange7d = percentChange7d
        self.percentChange30d = percentChange30d
        self.percentChange60d = percentChange60d
        self.percentChange90d = percentChange90d
        self.marketCap = marketCap
        self.marketCapDominance = marketCapDominance
        self.fullyDilutedMarketCap = fullyDilutedMarketCap
        self.tvl = tvl
        self.volume24hReported = volume24hReported
        self.volume7d = volume7d
        self.volume7dReported = volume7dReported
        self.volume30d = volume30d
        self.volume30dReported = volume30dReported
        self.marketCapByTotalSupply = marketCapByTotalSupply
        self.mintedMarketCap = mintedMarketCap
        self.lastUpdated = lastUpdated
    }

    enum CodingKeys: String, CodingKey {
        case price
        case volume24h = "volume_24h"
        case volumeChange24h = "volume_change_24h"
        case percentChange1h = "percent_change_1h"
        case percentChange24h = "percent_change_24h"
        case percentChange7d = "percent_change_7d"
        case percentChange30d = "percent_change_30d"
        case percentChange60d = "percent_change_60d"
        case percentChange90d = "percent_change_90d"
        case marketCap = "market_cap"
        case marketCapDominance = "market_cap_dominance"
        case fullyDilutedMarketCap = "fully_diluted_market_cap"
        case tvl
        case volume24hReported = "volume_24h_reported"
        case volume7d = "volume_7d"
        case volume7dReported = "volume_7d_reported"
        case volume30d = "volume_30d"
        case volume30dReported = "volume_30d_reported"
        case marketCapByTotalSupply = "market_cap_by_total_supply"
        case mintedMarketCap = "minted_market_cap"
        case lastUpdated = "last_updated"
    }
}

extension CMCQuote {
    /// Decodes a quote tolerantly: missing and `null` numbers are `nil`.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            price: try container.lenientDouble(forKey: .price),
            volume24h: try container.lenientDouble(forKey: .volume24h),
            volumeChange24h: try container.lenientDouble(forKey: .volumeChange24h),
            percentChange1h: try container.lenientDouble(forKey: .percentChange1h),
            percentChange24h: try container.lenientDouble(forKey: .percentChange24h),
            percentChange7d: try container.lenientDouble(forKey: .percentChange7d),
            percentChange30d: try container.lenientDouble(forKey: .percentChange30d),
            percentChange60d: try container.lenientDouble(forKey: .percentChange60d),
            percentChange90d: try container.lenientDouble(forKey: .percentChange90d),
            marketCap: try container.lenientDouble(forKey: .marketCap),
            marketCapDominance: try container.lenientDouble(forKey: .marketCapDominance),
            fullyDilutedMarketCap: try container.lenientDouble(forKey: .fullyDilutedMarketCap),
            tvl: try container.lenientDouble(forKey: .tvl),
            volume24hReported: try container.lenientDouble(forKey: .volume24hReported),
            volume7d: try container.lenientDouble(forKey: .volume7d),
            volume7dReported: try container.lenientDouble(forKey: .volume7dReported),
            volume30d: try container.lenientDouble(forKey: .volume30d),
            volume30dReported: try container.lenientDouble(forKey: .volume30dReported),
            marketCapByTotalSupply: try container.lenientDouble(forKey: .marketCapByTotalSupply),
            mintedMarketCap: try container.lenientDouble(forKey: .mintedMarketCap),
            lastUpdated: try container.lenientString(forKey: .lastUpdated)
        )
    }
}
