import Foundation

/// Which coins an info or quotes call is about: CMC ids (preferred), slugs or symbols.
public enum CoinSelector: Sendable, Hashable {
    /// CMC ids: stable, never reused. The answer is keyed by id.
    case ids([Int])
    /// Slugs such as `bitcoin`. The answer is keyed by id.
    case slugs([String])
    /// Ticker symbols such as `BTC`. Symbols collide: in v2 each key holds an array of every match.
    case symbols([String])

    /// How many coins are asked for.
    public var count: Int {
        switch self {
        case .ids(let ids): ids.count
        case .slugs(let slugs): slugs.count
        case .symbols(let symbols): symbols.count
        }
    }

    /// The query item that carries the selection.
    var queryItem: URLQueryItem {
        switch self {
        case .ids(let ids): URLQueryItem(name: "id", value: ids.map(String.init).joined(separator: ","))
        case .slugs(let slugs): URLQueryItem(name: "slug", value: slugs.map { $0.lowercased() }.joined(separator: ","))
        case .symbols(let symbols):
            URLQueryItem(name: "symbol", value: symbols.map { $0.uppercased() }.joined(separator: ","))
        }
    }

    /// The selection split in two halves (for a batch the server rejected as too long).
    var halves: (CoinSelector, CoinSelector) {
        func split<T>(_ items: [T]) -> ([T], [T]) {
            let middle = items.count / 2
            return (Array(items[..<middle]), Array(items[middle...]))
        }
        switch self {
        case .ids(let ids):
            let (a, b) = split(ids)
            return (.ids(a), .ids(b))
        case .slugs(let slugs):
            let (a, b) = split(slugs)
            return (.slugs(a), .slugs(b))
        case .symbols(let symbols):
            let (a, b) = split(symbols)
            return (.symbols(a), .symbols(b))
        }
    }

    /// The selection without one value, named as text (as the API's 400 message names it).
    func removing(_ value: String) -> CoinSelector? {
        switch self {
        case .ids(let ids):
            guard let id = Int(value), ids.contains(id) else { return nil }
            return .ids(ids.filter { $0 != id })
        case .slugs(let slugs):
            guard slugs.contains(where: { $0.lowercased() == value.lowercased() }) else { return nil }
            return .slugs(slugs.filter { $0.lowercased() != value.lowercased() })
        case .symbols(let symbols):
            guard symbols.contains(where: { $0.uppercased() == value.uppercased() }) else { return nil }
            return .symbols(symbols.filter { $0.uppercased() != value.uppercased() })
        }
    }
}

/// The parameters of `GET /v2/cryptocurrency/info` (cmc-api.md §2.2).
public struct InfoQuery: Sendable, Hashable {
    /// The coins.
    public var coins: CoinSelector
    /// One contract address instead of coins, if set.
    public var address: String?
    /// Drop unknown ids instead of failing the call (API default: false).
    public var skipInvalid: Bool?
    /// The `aux` fields; `nil` keeps the API default (`urls,logo,description,tags,platform,date_added,notice`).
    public var aux: [String]?

    /// Creates a query.
    public init(coins: CoinSelector, address: String? = nil, skipInvalid: Bool? = nil, aux: [String]? = nil) {
        self.coins = coins
        self.address = address
        self.skipInvalid = skipInvalid
        self.aux = aux
    }

    /// The call, with its predicted cost.
    public func endpoint(rules: CreditRules = CreditRules()) -> CMCEndpoint {
        var items = [coins.queryItem]
        if let address { items.append(URLQueryItem(name: "address", value: address)) }
        if let skipInvalid { items.append(URLQueryItem(name: "skip_invalid", value: String(skipInvalid))) }
        if let aux { items.append(URLQueryItem(name: "aux", value: aux.joined(separator: ","))) }
        return CMCEndpoint(
            path: CMCEndpoint.Path.info,
            queryItems: items,
            estimatedCredits: rules.info(coins: coins.count)
        )
    }
}

/// The parameters of `GET /v2/cryptocurrency/quotes/latest` (cmc-api.md §2.4).
public struct QuotesQuery: Sendable, Hashable {
    /// The coins.
    public var coins: CoinSelector
    /// Convert currencies by symbol.
    public var convert: [String]
    /// Convert currencies by CMC id (not with ``convert``).
    public var convertID: [Int]
    /// The `aux` fields; `nil` keeps the API default.
    public var aux: [String]?
    /// Drop unknown ids instead of failing (API default: true).
    public var skipInvalid: Bool?

    /// Creates a query.
    public init(
        coins: CoinSelector,
        convert: [String] = ["USD"],
        convertID: [Int] = [],
        aux: [String]? = nil,
        skipInvalid: Bool? = nil
    ) {
        self.coins = coins
        self.convert = convert
        self.convertID = convertID
        self.aux = aux
        self.skipInvalid = skipInvalid
    }

    /// The call, with its predicted cost.
    public func endpoint(rules: CreditRules = CreditRules()) -> CMCEndpoint {
        var items = [coins.queryItem]
        if !convertID.isEmpty {
            items.append(URLQueryItem(name: "convert_id", value: convertID.map(String.init).joined(separator: ",")))
        } else if !convert.isEmpty {
            items.append(URLQueryItem(name: "convert", value: convert.joined(separator: ",")))
        }
        if let aux { items.append(URLQueryItem(name: "aux", value: aux.joined(separator: ","))) }
        if let skipInvalid { items.append(URLQueryItem(name: "skip_invalid", value: String(skipInvalid))) }
        let converts = max(1, convertID.isEmpty ? convert.count : convertID.count)
        return CMCEndpoint(
            path: CMCEndpoint.Path.quotesLatest,
            queryItems: items,
            estimatedCredits: rules.quotes(coins: coins.count, converts: converts)
        )
    }
}

/// The parameters of `GET /v1/cryptocurrency/map` (cmc-api.md §2.3).
public struct MapQuery: Sendable, Hashable {
    /// Listing statuses to include.
    public enum ListingStatus: String, Sendable, CaseIterable {
        case active, inactive, untracked
    }
    /// Sort order.
    public enum Sort: String, Sendable, CaseIterable {
        case id
        case cmcRank = "cmc_rank"
    }

    /// Which listing statuses to include (API default: active).
    public var listingStatus: [ListingStatus]
    /// 1-based offset.
    public var start: Int
    /// Rows per call, 1...5000.
    public var limit: Int
    /// Sort order (API default: id).
    public var sort: Sort?
    /// Only these symbols (all other parameters are then ignored by the API).
    public var symbols: [String]
    /// The `aux` fields; `nil` keeps the API default.
    public var aux: [String]?

    /// Creates a query.
    public init(
        listingStatus: [ListingStatus] = [],
        start: Int = 1,
        limit: Int = 5000,
        sort: Sort? = nil,
        symbols: [String] = [],
        aux: [String]? = nil
    ) {
        self.listingStatus = listingStatus
        self.start = start
        self.limit = limit
        self.sort = sort
        self.symbols = symbols
        self.aux = aux
    }

    /// The call, with its predicted cost.
    public func endpoint(rules: CreditRules = CreditRules()) -> CMCEndpoint {
        var items: [URLQueryItem] = []
        if !listingStatus.isEmpty {
            items.append(
                URLQueryItem(name: "listing_status", value: listingStatus.map(\.rawValue).joined(separator: ","))
            )
        }
        items.append(URLQueryItem(name: "start", value: String(start)))
        items.append(URLQueryItem(name: "limit", value: String(limit)))
        if let sort { items.append(URLQueryItem(name: "sort", value: sort.rawValue)) }
        if !symbols.isEmpty { items.append(URLQueryItem(name: "symbol", value: symbols.joined(separator: ","))) }
        if let aux { items.append(URLQueryItem(name: "aux", value: aux.joined(separator: ","))) }
        return CMCEndpoint(path: CMCEndpoint.Path.map, queryItems: items, estimatedCredits: rules.mapCredits)
    }
}
