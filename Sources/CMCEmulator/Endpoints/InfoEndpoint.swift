/// `GET /v2/cryptocurrency/info` (cmc-api.md §2.2, §3.3): `skip_invalid` defaults to false, `platform.id`
/// and `contract_address[].platform.coin.id` are strings, `tag-names`/`tag-groups` are hyphenated, and
/// `logo` points at this emulator's own logo route.
enum InfoEndpoint {
    static let path = "/v2/cryptocurrency/info"

    static let defaultAux: Set<String> = ["urls", "logo", "description", "tags", "platform", "date_added", "notice"]
    static let allowedAux: Set<String> = defaultAux.union(["status"])

    static func prepare(_ request: EndpointRequest) throws(APIError) -> PreparedAnswer {
        let selection = try CoinSelection.resolve(request, allowAddress: true, skipInvalidDefault: false)
        let aux = try ParameterParser.subset(request.query, "aux", allowed: allowedAux) ?? defaultAux
        let universe = request.universe
        return PreparedAnswer(credits: PreparedAnswer.credits(for: selection.coinCount, per: 100)) { w in
            selection.write(&w) { w, index in
                writeItem(&w, universe: universe, index: index, aux: aux, request: request)
            }
        }
    }

    private static func writeItem(
        _ w: inout JSONWriter,
        universe: Universe,
        index: Int,
        aux: Set<String>,
        request: EndpointRequest
    ) {
        let coin = universe.coins[index]
        w.raw("{\"id\":")
        w.int(coin.id)
        w.raw(",\"name\":")
        w.string(coin.name)
        w.raw(",\"symbol\":")
        w.string(coin.symbol)
        w.raw(",\"category\":")
        w.raw(coin.isToken ? "\"token\"" : "\"coin\"")
        if aux.contains("description") {
            w.raw(",\"description\":")
            w.string(coin.description)
        }
        w.raw(",\"slug\":")
        w.string(coin.slug)
        if aux.contains("logo") {
            w.raw(",\"logo\":")
            w.string(LogoURL.forCoin(id: coin.id, base: request.logoBase, hostile: request.hostileLogos[coin.id]))
        }
        w.raw(",\"subreddit\":")
        w.string(coin.subreddit)
        if aux.contains("notice") {
            w.raw(",\"notice\":")
            w.string(coin.notice)
        }
        if aux.contains("tags") {
            let tags = coin.tags.map { TagCatalog.all[$0] }
            w.raw(",\"tags\":")
            w.stringArray(tags.map(\.slug))
            w.raw(",\"tag-names\":")
            w.stringArray(tags.map(\.name))
            w.raw(",\"tag-groups\":")
            w.stringArray(tags.map(\.group))
        }
        if aux.contains("urls") {
            let links = coin.links
            w.raw(",\"urls\":{\"website\":")
            w.stringArray(links.website)
            w.raw(",\"twitter\":")
            w.stringArray(links.twitter)
            w.raw(",\"message_board\":")
            w.stringArray(links.messageBoard)
            w.raw(",\"chat\":")
            w.stringArray(links.chat)
            w.raw(",\"facebook\":")
            w.stringArray(links.facebook)
            w.raw(",\"explorer\":")
            w.stringArray(links.explorer)
            w.raw(",\"reddit\":")
            w.stringArray(links.reddit)
            w.raw(",\"technical_doc\":")
            w.stringArray(links.technicalDoc)
            w.raw(",\"source_code\":")
            w.stringArray(links.sourceCode)
            w.raw(",\"announcement\":")
            w.stringArray(links.announcement)
            w.raw("}")
        }
        if aux.contains("platform") {
            w.raw(",\"platform\":")
            CoinRenderer.writePlatform(&w, coin: coin, idAsString: true, infoOrder: true)
        }
        if aux.contains("date_added") {
            w.raw(",\"date_added\":")
            w.string(universe.dateAddedText[index])
        }
        w.raw(",\"twitter_username\":")
        w.string(coin.twitterUsername)
        w.raw(",\"is_hidden\":0,\"date_launched\":")
        w.string(universe.dateLaunchedText[index])
        w.raw(",\"contract_address\":[")
        for (position, contract) in coin.contracts.enumerated() {
            if position > 0 { w.raw(",") }
            let platform = contract.platform
            w.raw("{\"contract_address\":")
            w.string(contract.address)
            w.raw(",\"platform\":{\"name\":")
            w.string(platform.displayName)
            w.raw(",\"coin\":{\"id\":")
            w.plainString(String(platform.coinID))
            w.raw(",\"name\":")
            w.string(platform.coinName)
            w.raw(",\"symbol\":")
            w.string(platform.coinSymbol)
            w.raw(",\"slug\":")
            w.string(platform.coinSlug)
            w.raw("}}}")
        }
        w.raw("],\"self_reported_circulating_supply\":")
        w.number(coin.selfReportedCirculatingSupply)
        w.raw(",\"self_reported_tags\":null,\"self_reported_market_cap\":")
        w.number(coin.selfReportedMarketCap)
        w.raw(",\"infinite_supply\":")
        w.bool(coin.infiniteSupply)
        if aux.contains("status") { w.raw(",\"status\":\"active\"") }
        w.raw("}")
    }
}
