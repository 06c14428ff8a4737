/// Market totals in one currency: an entry of ``GlobalMetrics/quote``.
public struct GlobalMetricsQuote: Codable, Sendable, Hashable {
    /// The total market cap.
    public var totalMarketCap: Double?

    /// The total volume over 24 hours.
    public var totalVolume24h: Double?

    /// The reported total volume over 24 hours.
    public var totalVolume24hReported: Double?

    /// The volume of everything but Bitcoin over 24 hours.
    public var altcoinVolume24h: Double?

    /// The reported altcoin volume over 24 hours.
    public var altcoinVolume24hReported: Double?

    /// The market cap of everything but Bitcoin.
    public var altcoinMarketCap: Double?

    /// DeFi volume over 24 hours.
    public var defiVolume24h: Double?

    /// Reported DeFi volume over 24 hours.
    public var defiVolume24hReported: Double?

    /// DeFi change over 24 hours, in percent.
    public var defi24hPercentageChange: Double?

    /// DeFi market cap.
    public var defiMarketCap: Double?

    /// Stablecoin volume over 24 hours.
    public var stablecoinVolume24h: Double?

    /// Reported stablecoin volume over 24 hours.
    public var stablecoinVolume24hReported: Double?

    /// Stablecoin change over 24 hours, in percent.
    public var stablecoin24hPercentageChange: Double?

    /// Stablecoin market cap.
    public var stablecoinMarketCap: Double?

    /// Derivatives volume over 24 hours.
    public var derivativesVolume24h: Double?

    /// Reported derivatives volume over 24 hours.
    public var derivativesVolume24hReported: Double?

    /// Derivatives change over 24 hours, in percent.
    public var derivatives24hPercentageChange: Double?

    /// The total market cap a day earlier.
    public var totalMarketCapYesterday: Double?

    /// The total 24-hour volume a day earlier.
    public var totalVolume24hYesterday: Double?

    /// Change of the total market cap since yesterday, in percent.
    public var totalMarketCapYesterdayPercentageChange: Double?

    /// Change of the total volume since yesterday, in percent.
    public var totalVolume24hYesterdayPercentageChange: Double?

    /// When the quote was last updated, ISO 8601.
    public var lastUpdated: String?

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - totalMarketCap: The total market cap.
    ///   - totalVolume24h: The total volume over 24 hours.
    ///   - totalVolume24hReported: The reported total volume over 24 hours.
    ///   - altcoinVolume24h: The volume of everything but Bitcoin over 24 hours.
    ///   - altcoinVolume24hReported: The reported altcoin volume over 24 hours.
    ///   - altcoinMarketCap: The market cap of everything but Bitcoin.
    ///   - defiVolume24h: DeFi volume over 24 hours.
    ///   - defiVolume24hReported: Reported DeFi volume over 24 hours.
    ///   - defi24hPercentageChange: DeFi change over 24 hours, in percent.
    ///   - defiMarketCap: DeFi market cap.
    ///   - stablecoinVolume24h: Stablecoin volume over 24 hours.
    ///   - stablecoinVolume24hReported: Reported stablecoin volume over 24 hours.
    ///   - stablecoin24hPercentageChange: Stablecoin change over 24 hours, in percent.
    ///   - stablecoinMarketCap: Stablecoin market cap.
    ///   - derivativesVolume24h: Derivatives volume over 24 hours.
    ///   - derivativesVolume24hReported: Reported derivatives volume over 24 hours.
    ///   - derivatives24hPercentageChange: Derivatives change over 24 hours, in percent.
    ///   - totalMarketCapYesterday: The total market cap a day earlier.
    ///   - totalVolume24hYesterday: The total 24-hour volume a day earlier.
    ///   - totalMarketCapYesterdayPercentageChange: Change of the total market cap since yesterday, in percent.
    ///   - totalVolume24hYesterdayPercentageChange: Change of the total volume since yesterday, in percent.
    ///   - lastUpdated: When the quote was last updated, ISO 8601.
    public init(
        totalMarketCap: Double? = nil,
        totalVolume24h: Double? = nil,
        totalVolume24hReported: Double? = nil,
        altcoinVolume24h: Double? = nil,
        altcoinVolume24hReported: Double? = nil,
        altcoinMarketCap: Double? = nil,
        defiVolume24h: Double? = nil,
        defiVolume24hReported: Double? = nil,
        defi24hPercentageChange: Double? = nil,
        defiMarketCap: Double? = nil,
        stablecoinVolume24h: Double? = nil,
        stablecoinVolume24hReported: Double? = nil,
        stablecoin24hPercentageChange: Double? = nil,
        stablecoinMarketCap: Double? = nil,
        derivativesVolume24h: Double? = nil,
        derivativesVolume24hReported: Double? = nil,
        derivatives24hPercentageChange: Double? = nil,
        totalMarketCapYesterday: Double? = nil,
        totalVolume24hYesterday: Double? = nil,
        totalMarketCapYesterdayPercentageChange: Double? = nil,
        totalVolume24hYesterdayPercentageChange: Double? = nil,
        lastUpdated: String? = nil
    ) {
        self.totalMarketCap = totalMarketCap
        self.totalVolume24h = totalVolume24h
        self.totalVolume24hReported = totalVolume24hReported
        self.altcoinVolume24h = altcoinVolume24h
        self.altcoinVolume24hReported = altcoinVolume24hReported
        self.altcoinMarketCap = altcoinMarketCap
        self.defiVolume24h = defiVolume24h
        self.defiVolume24hReported = defiVolume24hReported
        self.defi24hPercentageChange = defi24hPercentageChange
        self.defiMarketCap = defiMarketCap
        self.stablecoinVolume24h = stablecoinVolume24h
        self.stablecoinVolume24hReported = stablecoinVolume24hReported
        self.stablecoin24hPercentageChange = stablecoin24hPercentageChange
        self.stablecoinMarketCap = stablecoinMarketCap
        self.derivativesVolume24h = derivativesVolume24h
        self.derivativesVolume24hReported = derivativesVolume24hReported
        self.derivatives24hPercentageChange = derivatives24hPercentageChange
        self.totalMarketCapYesterday = totalMarketCapYesterday
        self.totalVolume24hYesterday = totalVolume24hYesterday
        self.totalMarketCapYesterdayPercentageChange = totalMarketCapYesterdayPercentageChange
        self.totalVolume24hYesterdayPercentageChange = totalVolume24hYesterdayPercentageChange
        self.lastUpdated = lastUpdated
    }

    enum CodingKeys: String, CodingKey {
        case totalMarketCap = "total_market_cap"
        case totalVolume24h = "total_volume_24h"
        case totalVolume24hReported = "total_volume_24h_reported"
        case altcoinVolume24h = "altcoin_volume_24h"
        case altcoinVolume24hReported = "altcoin_volume_24h_reported"
        case altcoinMarketCap = "altcoin_market_cap"
        case defiVolume24h = "defi_volume_24h"
        case defiVolume24hReported = "defi_volume_24h_reported"
        case defi24hPercentageChange = "defi_24h_percentage_change"
        case defiMarketCap = "defi_market_cap"
        case stablecoinVolume24h = "stablecoin_volume_24h"
        case stablecoinVolume24hReported = "stablecoin_volume_24h_reported"
        case stablecoin24hPercentageChange = "stablecoin_24h_percentage_change"
        case stablecoinMarketCap = "stablecoin_market_cap"
        case derivativesVolume24h = "derivatives_volume_24h"
        case derivativesVolume24hReported = "derivatives_volume_24h_reported"
        case derivatives24hPercentageChange = "derivatives_24h_percentage_change"
        case totalMarketCapYesterday = "total_market_cap_yesterday"
        case totalVolume24hYesterday = "total_volume_24h_yesterday"
        case totalMarketCapYesterdayPercentageChange = "total_market_cap_yesterday_percentage_change"
        case totalVolume24hYesterdayPercentageChange = "total_volume_24h_yesterday_percentage_change"
        case lastUpdated = "last_updated"
    }
}

extension GlobalMetricsQuote {
    /// Decodes a global-metrics quote tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            totalMarketCap: try container.lenientDouble(forKey: .totalMarketCap),
            totalVolume24h: try container.lenientDouble(forKey: .totalVolume24h),
            totalVolume24hReported: try container.lenientDouble(forKey: .totalVolume24hReported),
            altcoinVolume24h: try container.lenientDouble(forKey: .altcoinVolume24h),
            altcoinVolume24hReported: try container.lenientDouble(forKey: .altcoinVolume24hReported),
            altcoinMarketCap: try container.lenientDouble(forKey: .altcoinMarketCap),
            defiVolume24h: try container.lenientDouble(forKey: .defiVolume24h),
            defiVolume24hReported: try container.lenientDouble(forKey: .defiVolume24hReported),
            defi24hPercentageChange: try container.lenientDouble(forKey: .defi24hPercentageChange),
            defiMarketCap: try container.lenientDouble(forKey: .defiMarketCap),
            stablecoinVolume24h: try container.lenientDouble(forKey: .stablecoinVolume24h),
            stablecoinVolume24hReported: try container.lenientDouble(forKey: .stablecoinVolume24hReported),
            stablecoin24hPercentageChange: try container.lenientDouble(forKey: .stablecoin24hPercentageChange),
            stablecoinMarketCap: try container.lenientDouble(forKey: .stablecoinMarketCap),
            derivativesVolume24h: try container.lenientDouble(forKey: .derivativesVolume24h),
            derivativesVolume24hReported: try container.lenientDouble(forKey: .derivativesVolume24hReported),
            derivatives24hPercentageChange: try container.lenientDouble(forKey: .derivatives24hPercentageChange),
            totalMarketCapYesterday: try container.lenientDouble(forKey: .totalMarketCapYesterday),
            totalVolume24hYesterday: try container.lenientDouble(forKey: .totalVolume24hYesterday),
            totalMarketCapYesterdayPercentageChange: try container.lenientDouble(
                forKey: .totalMarketCapYesterdayPercentageChange
            ),
            totalVolume24hYesterdayPercentageChange: try container.lenientDouble(
                forKey: .totalVolume24hYesterdayPercentageChange
            ),
            lastUpdated: try container.lenientString(forKey: .lastUpdated)
        )
    }
}
