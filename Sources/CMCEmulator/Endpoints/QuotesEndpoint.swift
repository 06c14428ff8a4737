/// `GET /v2/cryptocurrency/quotes/latest` (cmc-api.md §2.4): `skip_invalid` defaults to true, tags are
/// objects, `is_active`/`is_fiat` are ints, slugs are keyed by id and symbols by symbol with arrays.
enum QuotesEndpoint {
    static let path = "/v2/cryptocurrency/quotes/latest"

    static let defaultAux: Set<String> = [
        "num_market_pairs", "cmc_rank", "date_added", "tags", "platform", "max_supply", "circulating_supply",
        "total_supply", "is_active", "is_fiat",
    ]
    static let allowedAux: Set<String> = defaultAux.union([
        "market_cap_by_total_supply", "volume_24h_reported", "volume_7d", "volume_7d_reported", "volume_30d",
        "volume_30d_reported",
    ])

    static func prepare(_ request: EndpointRequest) throws(APIError) -> PreparedAnswer {
        let selection = try CoinSelection.resolve(request, allowAddress: false, skipInvalidDefault: true)
        let targets = try ConvertTarget.resolve(
            request.query,
            universe: request.universe,
            maxConverts: request.plan.maxConverts
        )
        let aux = try ParameterParser.subset(request.query, "aux", allowed: allowedAux) ?? defaultAux
        let options = MarketItemOptions(aux: aux, tagObjects: true)
        let renderer = CoinRenderer(universe: request.universe, snapshot: request.snapshot, targets: targets)
        return PreparedAnswer(
            credits: PreparedAnswer.credits(for: selection.coinCount, per: 100, extraConverts: targets.count - 1)
        ) { w in
            selection.write(&w) { w, index in renderer.writeMarketItem(&w, index: index, options: options) }
        }
    }
}
