/// `GET /v1/cryptocurrency/listings/latest` (cmc-api.md §2.1).
enum ListingsEndpoint {
    static let path = "/v1/cryptocurrency/listings/latest"

    static let sortFields = [
        "name", "symbol", "date_added", "market_cap", "market_cap_strict", "price", "circulating_supply",
        "total_supply", "max_supply", "num_market_pairs", "volume_24h", "percent_change_1h",
        "percent_change_24h", "percent_change_7d", "market_cap_by_total_supply_strict", "volume_7d", "volume_30d",
    ]
    static let defaultAux: Set<String> = [
        "num_market_pairs", "cmc_rank", "date_added", "tags", "platform", "max_supply", "circulating_supply",
        "total_supply",
    ]
    static let allowedAux: Set<String> = defaultAux.union([
        "market_cap_by_total_supply", "volume_24h_reported", "volume_7d", "volume_7d_reported", "volume_30d",
        "volume_30d_reported", "is_market_cap_included_in_calc",
    ])

    static func prepare(_ request: EndpointRequest) throws(APIError) -> PreparedAnswer {
        let query = request.query
        let universe = request.universe
        let snapshot = request.snapshot
        let start = try ParameterParser.integer(query, "start", default: 1, range: 1...Int.max)
        let limit = try ParameterParser.integer(query, "limit", default: 100, range: 1...5000)
        let range = 0.0...1e17
        let priceMin = try ParameterParser.number(query, "price_min", range: range)
        let priceMax = try ParameterParser.number(query, "price_max", range: range)
        let capMin = try ParameterParser.number(query, "market_cap_min", range: range)
        let capMax = try ParameterParser.number(query, "market_cap_max", range: range)
        let volumeMin = try ParameterParser.number(query, "volume_24h_min", range: range)
        let volumeMax = try ParameterParser.number(query, "volume_24h_max", range: range)
        let supplyMin = try ParameterParser.number(query, "circulating_supply_min", range: range)
        let supplyMax = try ParameterParser.number(query, "circulating_supply_max", range: range)
        let changeMin = try ParameterParser.number(
            query,
            "percent_change_24h_min",
            range: -100...Double.greatestFiniteMagnitude
        )
        let changeMax = try ParameterParser.number(
            query,
            "percent_change_24h_max",
            range: -100...Double.greatestFiniteMagnitude
        )
        let targets = try ConvertTarget.resolve(query, universe: universe, maxConverts: request.plan.maxConverts)
        let sort = try ParameterParser.choice(query, "sort", allowed: sortFields, default: "market_cap")
        let defaultDirection = sort == "name" || sort == "symbol" ? "asc" : "desc"
        let direction = try ParameterParser.choice(
            query,
            "sort_dir",
            allowed: ["asc", "desc"],
            default: defaultDirection
        )
        let type = try ParameterParser.choice(
            query,
            "cryptocurrency_type",
            allowed: ["all", "coins", "tokens"],
            default: "all"
        )
        let tag = try ParameterParser.choice(query, "tag", allowed: ["all", "defi", "filesharing"], default: "all")
        let aux = try ParameterParser.subset(query, "aux", allowed: allowedAux) ?? defaultAux

        let tagIndex = tag == "all" ? nil : TagCatalog.indexBySlug[tag]
        var rows: [Int] = []
        rows.reserveCapacity(universe.coins.count)
        for index in universe.coins.indices {
            let coin = universe.coins[index]
            if type == "coins", coin.isToken { continue }
            if type == "tokens", !coin.isToken { continue }
            if let tagIndex, !coin.tags.contains(tagIndex) { continue }
            if !within(snapshot.price[index], priceMin, priceMax) { continue }
            if !within(snapshot.marketCap[index], capMin, capMax) { continue }
            if !within(snapshot.volume24h[index], volumeMin, volumeMax) { continue }
            if !within(coin.circulatingSupply, supplyMin, supplyMax) { continue }
            if !within(snapshot.percentChange24h[index], changeMin, changeMax) { continue }
            rows.append(index)
        }
        sortRows(&rows, by: sort, descending: direction == "desc", universe: universe, snapshot: snapshot)

        let total = rows.count
        let first = start - 1
        let page = first < total ? Array(rows[first..<min(total, first + limit)]) : []
        let options = MarketItemOptions(aux: aux, tagObjects: false)
        let renderer = CoinRenderer(universe: universe, snapshot: snapshot, targets: targets)
        return PreparedAnswer(
            credits: PreparedAnswer.credits(for: page.count, per: 200, extraConverts: targets.count - 1),
            totalCount: total
        ) { w in
            w.raw("[")
            for (position, index) in page.enumerated() {
                if position > 0 { w.raw(",") }
                renderer.writeMarketItem(&w, index: index, options: options)
            }
            w.raw("]")
        }
    }

    private static func within(_ value: Double, _ low: Double?, _ high: Double?) -> Bool {
        if let low, value < low { return false }
        if let high, value > high { return false }
        return true
    }

    /// Sorts row indices; rank breaks ties, and `null` values go last in both directions.
    static func sortRows(
        _ rows: inout [Int],
        by field: String,
        descending: Bool,
        universe: Universe,
        snapshot: MarketSnapshot
    ) {
        switch field {
        case "market_cap":
            if !descending { rows.reverse() }
            return
        case "name", "symbol":
            let keys = field == "name" ? universe.sortNames : universe.coins.map { $0.symbol.lowercased() }
            rows.sort { a, b in
                if keys[a] != keys[b] { return descending ? keys[a] > keys[b] : keys[a] < keys[b] }
                return a < b
            }
            return
        default:
            break
        }
        let key: (Int) -> Double? =
            switch field {
            case "date_added": { universe.coins[$0].dateAdded.map(Double.init) }
            case "market_cap_strict": { snapshot.marketCap[$0] }
            case "price": { snapshot.price[$0] }
            case "circulating_supply": { universe.coins[$0].circulatingSupply }
            case "total_supply": { universe.coins[$0].totalSupply }
            case "max_supply": { universe.coins[$0].maxSupply }
            case "num_market_pairs": { Double(universe.coins[$0].numMarketPairs) }
            case "volume_24h": { snapshot.volume24h[$0] }
            case "percent_change_1h": { snapshot.percentChange1h[$0] }
            case "percent_change_24h": { snapshot.percentChange24h[$0] }
            case "percent_change_7d": { snapshot.percentChange7d[$0] }
            case "market_cap_by_total_supply_strict": { snapshot.marketCapByTotalSupply[$0] }
            case "volume_7d": { snapshot.volume7d[$0] }
            default: { snapshot.volume30d[$0] }
            }
        let keys = rows.map(key)
        var order = Array(rows.indices)
        order.sort { i, j in
            switch (keys[i], keys[j]) {
            case (nil, nil): return rows[i] < rows[j]
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x != y { return descending ? x > y : x < y }
                return rows[i] < rows[j]
            }
        }
        rows = order.map { rows[$0] }
    }
}
