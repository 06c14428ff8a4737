/// The payload of `v1/global-metrics/quotes/latest` (cmc-api.md §2.5).
///
/// The spec documents the counts, the two dominances, `last_updated` and `quote`; real 2025 responses add
/// the DeFi, stablecoin, derivatives and "yesterday" figures. All are optional. With `convert_id=2781` the
/// ``quote`` map is keyed `"2781"`, not `"USD"`.
public struct GlobalMetrics: Codable, Sendable, Hashable {
    /// Active cryptocurrencies tracked.
    public var activeCryptocurrencies: Int?

    /// All cryptocurrencies ever tracked.
    public var totalCryptocurrencies: Int?

    /// Active market pairs.
    public var activeMarketPairs: Int?

    /// Active exchanges.
    public var activeExchanges: Int?

    /// All exchanges ever tracked.
    public var totalExchanges: Int?

    /// Ethereum's share of the total market cap, in percent.
    public var ethDominance: Double?

    /// Bitcoin's share of the total market cap, in percent.
    public var btcDominance: Double?

    /// Ethereum dominance a day earlier.
    public var ethDominanceYesterday: Double?

    /// Bitcoin dominance a day earlier.
    public var btcDominanceYesterday: Double?

    /// Change of Ethereum dominance over 24 hours.
    public var ethDominance24hPercentageChange: Double?

    /// Change of Bitcoin dominance over 24 hours.
    public var btcDominance24hPercentageChange: Double?

    /// DeFi volume over 24 hours (USD).
    public var defiVolume24h: Double?

    /// Reported DeFi volume over 24 hours.
    public var defiVolume24hReported: Double?

    /// DeFi market cap.
    public var defiMarketCap: Double?

    /// DeFi change over 24 hours, in percent.
    public var defi24hPercentageChange: Double?

    /// Stablecoin volume over 24 hours.
    public var stablecoinVolume24h: Double?

    /// Reported stablecoin volume over 24 hours.
    public var stablecoinVolume24hReported: Double?

    /// Stablecoin market cap.
    public var stablecoinMarketCap: Double?

    /// Stablecoin change over 24 hours, in percent.
    public var stablecoin24hPercentageChange: Double?

    /// Derivatives volume over 24 hours.
    public var derivativesVolume24h: Double?

    /// Reported derivatives volume over 24 hours.
    public var derivativesVolume24hReported: Double?

    /// Derivatives change over 24 hours, in percent.
    public var derivatives24hPercentageChange: Double?

    /// Currencies tracked on decentralized exchanges.
    public var totalCryptoDexCurrencies: Int?

    /// Currencies added today.
    public var todayIncrementalCryptoNumber: Int?

    /// Currencies added in the past 24 hours.
    public var past24hIncrementalCryptoNumber: Int?

    /// Currencies added in the past 7 days.
    public var past7dIncrementalCryptoNumber: Int?

    /// Currencies added in the past 30 days.
    public var past30dIncrementalCryptoNumber: Int?

    /// Today's change of the number of currencies, in percent.
    public var todayChangePercent: Double?

    /// The year's extremes of daily additions.
    public var trackedYearlyNumber: TrackedYearlyNumber?

    /// When the metrics were last updated, ISO 8601.
    public var lastUpdated: String?

    /// Market totals by convert code (`"USD"`) or convert id (`"2781"`); empty when missing.
    public var quote: [String: GlobalMetricsQuote]

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - activeCryptocurrencies: Active cryptocurrencies tracked.
    ///   - totalCryptocurrencies: All cryptocurrencies ever tracked.
    ///   - activeMarketPairs: Active market pairs.
    ///   - activeExchanges: Active exchanges.
    ///   - totalExchanges: All exchanges ever tracked.
    ///   - ethDominance: Ethereum's share of the total market cap, in percent.
    ///   - btcDominance: Bitcoin's share of the total market cap, in percent.
    ///   - ethDominanceYesterday: Ethereum dominance a day earlier.
    ///   - btcDominanceYesterday: Bitcoin dominance a day earlier.
    ///   - ethDominance24hPercentageChange: Change of Ethereum dominance over 24 hours.
    ///   - btcDominance24hPercentageChange: Change of Bitcoin dominance over 24 hours.
    ///   - defiVolume24h: DeFi volume over 24 hours (USD).
    ///   - defiVolume24hReported: Reported DeFi volume over 24 hours.
    ///   - defiMarketCap: DeFi market cap.
    ///   - defi24hPercentageChange: DeFi change over 24 hours, in percent.
    ///   - stablecoinVolume24h: Stablecoin volume over 24 hours.
    ///   - stablecoinVolume24hReported: Reported stablecoin volume over 24 hours.
    ///   - stablecoinMarketCap: Stablecoin market cap.
    ///   - stablecoin24hPercentageChange: Stablecoin change over 24 hours, in percent.
    ///   - derivativesVolume24h: Derivatives volume over 24 hours.
    ///   - derivativesVolume24hReported: Reported derivatives volume over 24 hours.
    ///   - derivatives24hPercentageChange: Derivatives change over 24 hours, in percent.
    ///   - totalCryptoDexCurrencies: Currencies tracked on decentralized exchanges.
    ///   - todayIncrementalCryptoNumber: Currencies added today.
    ///   - past24hIncrementalCryptoNumber: Currencies added in the past 24 hours.
    ///   - past7dIncrementalCryptoNumber: Currencies added in the past 7 days.
    ///   - past30dIncrementalCryptoNumber: Currencies added in the past 30 days.
    ///   - todayChangePercent: Today's change of the number of currencies, in percent.
    ///   - trackedYearlyNumber: The year's extremes of daily additions.
    ///   - lastUpdated: When the metrics were last updated, ISO 8601.
    ///   - quote: Market totals by convert code (`"USD"`) or convert id (`"2781"`); empty when missing.
    public init(
        activeCryptocurrencies: Int? = nil,
        totalCryptocurrencies: Int? = nil,
        activeMarketPairs: Int? = nil,
        activeExchanges: Int? = nil,
        totalExchanges: Int? = nil,
        ethDominance: Double? = nil,
        btcDominance: Double? = nil,
        ethDominanceYesterday: Double? = nil,
        btcDominanceYesterday: Double? = nil,
        ethDominance24hPercentageChange: Double? = nil,
        btcDominance24hPercentageChange: Double? = nil,
        defiVolume24h: Double? = nil,
        defiVolume24hReported: Double? = nil,
        defiMarketCap: Double? = nil,
        defi24hPercentageChange: Double? = nil,
        stablecoinVolume24h: Double? = nil,
        stablecoinVolume24hReported: Double? = nil,
        stablecoinMarketCap: Double? = nil,
        stablecoin24hPercentageChange: Double? = nil,
        derivativesVolume24h: Double? = nil,
        derivativesVolume24hReported: Double? = nil,
        derivatives24hPercentageChange: Double? = nil,
        totalCryptoDexCurrencies: Int? = nil,
        todayIncrementalCryptoNumber: Int? = nil,
        past24hIncrementalCryptoNumber: Int? = nil,
        past7dIncrementalCryptoNumber: Int? = nil,
        past30dIncrementalCryptoNumber: Int? = nil,
        todayChangePercent: Double? = nil,
        trackedYearlyNumber: TrackedYearlyNumber? = nil,
        lastUpdated: String? = nil,
        quote: [String: GlobalMetricsQuote] = [:]
    ) {
        self.activeCryptocurrencies = activeCryptocurrencies
        self.totalCryptocurrencies = totalCryptocurrencies
        self.activeMarketPairs = activeMarketPairs
        self.activeExchanges = activeExchanges
        self.totalExchanges = totalExchanges
        self.ethDominance = ethDominance
        self.btcDominance = btcDominance
        self.ethDominanceYesterday = ethDominanceYesterday
        self.btcDominanceYesterday = btcDominanceYesterday
        self.ethDominance24hPercentageChange = ethDominance24hPercentageChange
        self.btcDominance24hPercentageChange = btcDominance24hPercentageChange
        self.defiVolume24h = defiVolume24h
        self.defiVolume24hReported = defiVolume24hReported
        self.defiMarketCap = defiMarketCap
        self.defi24hPercentageChange = defi24hPercentageChange
        self.stablecoinVolume24h = stablecoinVolume24h
        self.stablecoinVolume24hReported = stablecoinVolume24hReported
        self.stablecoinMarketCap = stablecoinMarketCap
        self.stablecoin24hPercentageChange = stablecoin24hPercentageChange
        self.derivativesVolume24h = derivativesVolume24h
        self.derivativesVolume24hReported = derivativesVolume24hReported
        self.derivatives24hPercentageChange = derivatives24hPercentageChange
        self.totalCryptoDexCurrencies = totalCryptoDexCurrencies
        self.todayIncrementalCryptoNumber = todayIncrementalCryptoNumber
        self.past24hIncrementalCryptoNumber = past24hIncrementalCryptoNumber
        self.past7dIncrementalCryptoNumber = past7dIncrementalCryptoNumber
        self.past30dIncrementalCryptoNumber = past30dIncrementalCryptoNumber
        self.todayChangePercent = todayChangePercent
        self.trackedYearlyNumber = trackedYearlyNumber
        self.lastUpdated = lastUpdated
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey {
        case activeCryptocurrencies = "active_cryptocurrencies"
        case totalCryptocurrencies = "total_cryptocurrencies"
        case activeMarketPairs = "active_market_pairs"
        case activeExchanges = "active_exchanges"
        case totalExchanges = "total_exchanges"
        case ethDominance = "eth_dominance"
        case btcDominance = "btc_dominance"
        case ethDominanceYesterday = "eth_dominance_yesterday"
        case btcDominanceYesterday = "btc_dominance_yesterday"
        case ethDominance24hPercentageChange = "eth_dominance_24h_percentage_change"
        case btcDominance24hPercentageChange = "btc_dominance_24h_percentage_change"
        case defiVolume24h = "defi_volume_24h"
        case defiVolume24hReported = "defi_volume_24h_reported"
        case defiMarketCap = "defi_market_cap"
        case defi24hPercentageChange = "defi_24h_percentage_change"
        case stablecoinVolume24h = "stablecoin_volume_24h"
        case stablecoinVolume24hReported = "stablecoin_volume_24h_reported"
        case stablecoinMarketCap = "stablecoin_market_cap"
        case stablecoin24hPercentageChange = "stablecoin_24h_percentage_change"
        case derivativesVolume24h = "derivatives_volume_24h"
        case derivativesVolume24hReported = "derivatives_volume_24h_reported"
        case derivatives24hPercentageChange = "derivatives_24h_percentage_change"
        case totalCryptoDexCurrencies = "total_crypto_dex_currencies"
        case todayIncrementalCryptoNumber = "today_incremental_crypto_number"
        case past24hIncrementalCryptoNumber = "past_24h_incremental_crypto_number"
        case past7dIncrementalCryptoNumber = "past_7d_incremental_crypto_number"
        case past30dIncrementalCryptoNumber = "past_30d_incremental_crypto_number"
        case todayChangePercent = "today_change_percent"
        case trackedYearlyNumber = "tracked_yearly_number"
        case lastUpdated = "last_updated"
        case quote
    }
}

extension GlobalMetrics {
    /// Decodes global metrics tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            activeCryptocurrencies: try container.lenientInt(forKey: .activeCryptocurrencies),
            totalCryptocurrencies: try container.lenientInt(forKey: .totalCryptocurrencies),
            activeMarketPairs: try container.lenientInt(forKey: .activeMarketPairs),
            activeExchanges: try container.lenientInt(forKey: .activeExchanges),
            totalExchanges: try container.lenientInt(forKey: .totalExchanges),
            ethDominance: try container.lenientDouble(forKey: .ethDominance),
            btcDominance: try container.lenientDouble(forKey: .btcDominance),
            ethDominanceYesterday: try container.lenientDouble(forKey: .ethDominanceYesterday),
            btcDominanceYesterday: try container.lenientDouble(forKey: .btcDominanceYesterday),
            ethDominance24hPercentageChange: try container.lenientDouble(forKey: .ethDominance24hPercentageChange),
            btcDominance24hPercentageChange: try container.lenientDouble(forKey: .btcDominance24hPercentageChange),
            defiVolume24h: try container.lenientDouble(forKey: .defiVolume24h),
            defiVolume24hReported: try container.lenientDouble(forKey: .defiVolume24hReported),
            defiMarketCap: try container.lenientDouble(forKey: .defiMarketCap),
            defi24hPercentageChange: try container.lenientDouble(forKey: .defi24hPercentageChange),
            stablecoinVolume24h: try container.lenientDouble(forKey: .stablecoinVolume24h),
            stablecoinVolume24hReported: try container.lenientDouble(forKey: .stablecoinVolume24hReported),
            stablecoinMarketCap: try container.lenientDouble(forKey: .stablecoinMarketCap),
            stablecoin24hPercentageChange: try container.lenientDouble(forKey: .stablecoin24hPercentageChange),
            derivativesVolume24h: try container.lenientDouble(forKey: .derivativesVolume24h),
            derivativesVolume24hReported: try container.lenientDouble(forKey: .derivativesVolume24hReported),
            derivatives24hPercentageChange: try container.lenientDouble(forKey: .derivatives24hPercentageChange),
            totalCryptoDexCurrencies: try container.lenientInt(forKey: .totalCryptoDexCurrencies),
            todayIncrementalCryptoNumber: try container.lenientInt(forKey: .todayIncrementalCryptoNumber),
            past24hIncrementalCryptoNumber: try container.lenientInt(forKey: .past24hIncrementalCryptoNumber),
            past7dIncrementalCryptoNumber: try container.lenientInt(forKey: .past7dIncrementalCryptoNumber),
            past30dIncrementalCryptoNumber: try container.lenientInt(forKey: .past30dIncrementalCryptoNumber),
            todayChangePercent: try container.lenientDouble(forKey: .todayChangePercent),
            trackedYearlyNumber: try container.decodeIfPresent(TrackedYearlyNumber.self, forKey: .trackedYearlyNumber),
            lastUpdated: try container.lenientString(forKey: .lastUpdated),
            quote: try container.decodeIfPresent([String: GlobalMetricsQuote].self, forKey: .quote) ?? [:]
        )
    }
}

extension GlobalMetrics {
    /// The year's extremes of newly tracked currencies (`tracked_yearly_number`; camelCase keys).
    public struct TrackedYearlyNumber: Codable, Sendable, Hashable {
        /// The most currencies added on one day this year.
        public var maxIncrementalNumber: Int?

        /// The fewest currencies added on one day this year.
        public var minIncrementalNumber: Int?

        /// The day of the maximum, ISO 8601.
        public var maxIncrementalDate: String?

        /// The day of the minimum, ISO 8601.
        public var minIncrementalDate: String?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - maxIncrementalNumber: The most currencies added on one day this year.
        ///   - minIncrementalNumber: The fewest currencies added on one day this year.
        ///   - maxIncrementalDate: The day of the maximum, ISO 8601.
        ///   - minIncrementalDate: The day of the minimum, ISO 8601.
        public init(
            maxIncrementalNumber: Int? = nil,
            minIncrementalNumber: Int? = nil,
            maxIncrementalDate: String? = nil,
            minIncrementalDate: String? = nil
        ) {
            self.maxIncrementalNumber = maxIncrementalNumber
            self.minIncrementalNumber = minIncrementalNumber
            self.maxIncrementalDate = maxIncrementalDate
            self.minIncrementalDate = minIncrementalDate
        }

        enum CodingKeys: String, CodingKey {
            case maxIncrementalNumber
            case minIncrementalNumber
            case maxIncrementalDate
            case minIncrementalDate
        }
    }
}

extension GlobalMetrics.TrackedYearlyNumber {
    /// Decodes the yearly extremes tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            maxIncrementalNumber: try container.lenientInt(forKey: .maxIncrementalNumber),
            minIncrementalNumber: try container.lenientInt(forKey: .minIncrementalNumber),
            maxIncrementalDate: try container.lenientString(forKey: .maxIncrementalDate),
            minIncrementalDate: try container.lenientString(forKey: .minIncrementalDate)
        )
    }
}
