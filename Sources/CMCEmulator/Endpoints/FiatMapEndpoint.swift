/// `GET /v1/fiat/map` (cmc-api.md §2.7).
enum FiatMapEndpoint {
    static let path = "/v1/fiat/map"

    static func prepare(_ request: EndpointRequest) throws(APIError) -> PreparedAnswer {
        let query = request.query
        let start = try ParameterParser.integer(query, "start", default: 1, range: 1...Int.max)
        let limit = try ParameterParser.optionalInteger(query, "limit", range: 1...5000)
        let sort = try ParameterParser.choice(query, "sort", allowed: ["id", "name"], default: "id")
        let metals = try ParameterParser.boolean(query, "include_metals", default: false)
        var items = FiatCatalog.all.filter { metals || !$0.isMetal }
        if sort == "id" { items.sort { $0.id < $1.id } } else { items.sort { $0.name < $1.name } }
        let first = start - 1
        let page = first < items.count ? Array(items[first..<min(items.count, first + (limit ?? items.count))]) : []
        return PreparedAnswer(credits: 1) { w in
            w.raw("[")
            for (position, fiat) in page.enumerated() {
                if position > 0 { w.raw(",") }
                w.raw("{\"id\":")
                w.int(fiat.id)
                w.raw(",\"name\":")
                w.string(fiat.name)
                w.raw(",\"sign\":")
                w.string(fiat.sign)
                w.raw(",\"symbol\":")
                w.string(fiat.symbol)
                w.raw("}")
            }
            w.raw("]")
        }
    }
}
