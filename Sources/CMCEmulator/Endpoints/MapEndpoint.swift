/// `GET /v1/cryptocurrency/map` (cmc-api.md §2.3). Every emulated coin is active, so `listing_status`
/// values other than `active` add nothing.
enum MapEndpoint {
    static let path = "/v1/cryptocurrency/map"

    static let defaultAux: Set<String> = ["platform", "first_historical_data", "last_historical_data", "is_active"]
    static let allowedAux: Set<String> = defaultAux.union(["status"])

    static func prepare(_ request: EndpointRequest) throws(APIError) -> PreparedAnswer {
        let query = request.query
        let universe = request.universe
        let aux = try ParameterParser.subset(query, "aux", allowed: allowedAux) ?? defaultAux
        var rows: [Int]
        if let text = query["symbol"] {
            let symbols = try ParameterParser.symbolList("symbol", text)
            var seen = Set<Int>()
            rows = []
            for symbol in symbols {
                for index in universe.indicesBySymbol[symbol.uppercased()] ?? [] where seen.insert(index).inserted {
                    rows.append(index)
                }
            }
        } else {
            let statuses =
                try ParameterParser.subset(query, "listing_status", allowed: ["active", "inactive", "untracked"])
                ?? ["active"]
            let start = try ParameterParser.integer(query, "start", default: 1, range: 1...Int.max)
            let limit = try ParameterParser.optionalInteger(query, "limit", range: 1...5000)
            let sort = try ParameterParser.choice(query, "sort", allowed: ["id", "cmc_rank"], default: "id")
            rows = statuses.contains("active") ? Array(universe.coins.indices) : []
            if sort == "id" { rows.sort { universe.coins[$0].id < universe.coins[$1].id } }
            let first = start - 1
            rows = first < rows.count ? Array(rows[first..<min(rows.count, first + (limit ?? rows.count))]) : []
        }
        let lastHistorical = request.snapshot.lastUpdatedText
        let selected = rows
        return PreparedAnswer(credits: 1) { w in
            w.raw("[")
            for (position, index) in selected.enumerated() {
                if position > 0 { w.raw(",") }
                let coin = universe.coins[index]
                w.raw("{\"id\":")
                w.int(coin.id)
                w.raw(",\"rank\":")
                w.int(coin.rank)
                w.raw(",\"name\":")
                w.string(coin.name)
                w.raw(",\"symbol\":")
                w.string(coin.symbol)
                w.raw(",\"slug\":")
                w.string(coin.slug)
                if aux.contains("is_active") { w.raw(",\"is_active\":1") }
                if aux.contains("status") { w.raw(",\"status\":\"active\"") }
                if aux.contains("first_historical_data") {
                    w.raw(",\"first_historical_data\":")
                    w.plainString(Timestamp.iso8601(milliseconds: coin.firstHistoricalData))
                }
                if aux.contains("last_historical_data") {
                    w.raw(",\"last_historical_data\":")
                    w.plainString(lastHistorical)
                }
                if aux.contains("platform") {
                    w.raw(",\"platform\":")
                    CoinRenderer.writePlatform(&w, coin: coin, idAsString: false)
                }
                w.raw("}")
            }
            w.raw("]")
        }
    }
}
