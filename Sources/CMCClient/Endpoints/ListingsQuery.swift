import Foundation

/// The parameters of `GET /v1/cryptocurrency/listings/latest` (cmc-api.md §2.1).
///
/// Every documented parameter is here; `nil` leaves a parameter out so the API's default applies.
public struct ListingsQuery: Sendable, Hashable {
    /// The sort orders the API accepts.
    public enum Sort: String, Sendable, CaseIterable {
        case name, symbol
        case dateAdded = "date_added"
        case marketCap = "market_cap"
        case marketCapStrict = "market_cap_strict"
        case price
        case circulatingSupply = "circulating_supply"
        case totalSupply = "total_supply"
        case maxSupply = "max_supply"
        case numMarketPairs = "num_market_pairs"
        case volume24h = "volume_24h"
        case percentChange1h = "percent_change_1h"
        case percentChange24h = "percent_change_24h"
        case percentChange7d = "percent_change_7d"
        case marketCapByTotalSupplyStrict = "market_cap_by_total_supply_strict"
        case volume7d = "volume_7d"
        case volume30d = "volume_30d"
    }

    /// Sort direction.
    public enum SortDirection: String, Sendable, CaseIterable {
        case asc, desc
    }

    /// Coins, tokens or both.
    public enum CryptocurrencyType: String, Sendable, CaseIterable {
        case all, coins, tokens
    }

    /// The tag filter.
    public enum Tag: String, Sendable, CaseIterable {
        case all, defi, filesharing
    }

    /// 1-based offset of the first row.
    public var start: Int
    /// Rows per call, 1...5000.
    public var limit: Int
    /// Convert currencies by symbol (at most 120); cannot be combined with ``convertID``.
    public var convert: [String]
    /// Convert currencies by CMC id; cannot be combined with ``convert``.
    public var convertID: [Int]
    /// The sort order (API default `market_cap`, which is CMC rank order).
    public var sort: Sort?
    /// The sort direction.
    public var sortDirection: SortDirection?
    /// Coins, tokens or all.
    public var cryptocurrencyType: CryptocurrencyType?
    /// The tag filter.
    public var tag: Tag?
    /// Extra fields to include (the `aux` parameter); `nil` keeps the API default.
    public var aux: [String]?
    /// Numeric range filters, keyed by the API's parameter name (for example `price_min`,
    /// `market_cap_max`, `percent_change_24h_min`, `self_reported_market_cap_max`).
    public var filters: [Filter: Double]

    /// The numeric filters of §2.1.
    public enum Filter: String, Sendable, CaseIterable, Comparable {
        case priceMin = "price_min"
        case priceMax = "price_max"
        case marketCapMin = "market_cap_min"
        case marketCapMax = "market_cap_max"
        case volume24hMin = "volume_24h_min"
        case volume24hMax = "volume_24h_max"
        case circulatingSupplyMin = "circulating_supply_min"
        case circulatingSupplyMax = "circulating_supply_max"
        case percentChange24hMin = "percent_change_24h_min"
        case percentChange24hMax = "percent_change_24h_max"
        case selfReportedCirculatingSupplyMin = "self_reported_circulating_supply_min"
        case selfReportedCirculatingSupplyMax = "self_reported_circulating_supply_max"
        case selfReportedMarketCapMin = "self_reported_market_cap_min"
        case selfReportedMarketCapMax = "self_reported_market_cap_max"
        case unlockedMarketCapMin = "unlocked_market_cap_min"
        case unlockedMarketCapMax = "unlocked_market_cap_max"
        case unlockedCirculatingSupplyMin = "unlocked_circulating_supply_min"
        case unlockedCirculatingSupplyMax = "unlocked_circulating_supply_max"

        public static func < (lhs: Filter, rhs: Filter) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The largest page the API serves.
    public static let maxLimit = 5000

    /// Creates a query. The defaults are the original script's call: `start=1&limit=5000&convert=USD`.
    public init(
        start: Int = 1,
        limit: Int = 5000,
        convert: [String] = ["USD"],
        convertID: [Int] = [],
        sort: Sort? = nil,
        sortDirection: SortDirection? = nil,
        cryptocurrencyType: CryptocurrencyType? = nil,
        tag: Tag? = nil,
        aux: [String]? = nil,
        filters: [Filter: Double] = [:]
    ) {
        self.start = start
        self.limit = limit
        self.convert = convert
        self.convertID = convertID
        self.sort = sort
        self.sortDirection = sortDirection
        self.cryptocurrencyType = cryptocurrencyType
        self.tag = tag
        self.aux = aux
        self.filters = filters
    }

    /// How many conversions the query asks for (at least 1: the API defaults to USD).
    public var convertCount: Int { max(1, convertID.isEmpty ? convert.count : convertID.count) }

    /// The call, with its predicted cost for `limit` rows.
    public func endpoint(rules: CreditRules = CreditRules()) -> CMCEndpoint {
        endpoint(expectedRows: limit, rules: rules)
    }

    /// The call, with its predicted cost when `expectedRows` rows come back.
    public func endpoint(expectedRows: Int, rules: CreditRules = CreditRules()) -> CMCEndpoint {
        var items = [
            URLQueryItem(name: "start", value: String(start)), URLQueryItem(name: "limit", value: String(limit)),
        ]
        if !convertID.isEmpty {
            items.append(URLQueryItem(name: "convert_id", value: convertID.map(String.init).joined(separator: ",")))
        } else if !convert.isEmpty {
            items.append(URLQueryItem(name: "convert", value: convert.joined(separator: ",")))
        }
        if let sort { items.append(URLQueryItem(name: "sort", value: sort.rawValue)) }
        if let sortDirection { items.append(URLQueryItem(name: "sort_dir", value: sortDirection.rawValue)) }
        if let cryptocurrencyType {
            items.append(URLQueryItem(name: "cryptocurrency_type", value: cryptocurrencyType.rawValue))
        }
        if let tag { items.append(URLQueryItem(name: "tag", value: tag.rawValue)) }
        if let aux { items.append(URLQueryItem(name: "aux", value: aux.joined(separator: ","))) }
        for (filter, value) in filters.sorted(by: { $0.key < $1.key }) {
            items.append(URLQueryItem(name: filter.rawValue, value: value.queryText))
        }
        return CMCEndpoint(
            path: CMCEndpoint.Path.listingsLatest,
            queryItems: items,
            estimatedCredits: rules.listings(rows: min(expectedRows, limit), converts: convertCount)
        )
    }
}
