/// Which optional fields a listings or quotes item carries, decided once per request from `aux`.
struct MarketItemOptions: Sendable {
    var numMarketPairs = false
    var cmcRank = false
    var dateAdded = false
    var tags = false
    var platform = false
    var maxSupply = false
    var circulatingSupply = false
    var totalSupply = false
    var isActive = false
    var isFiat = false
    var marketCapByTotalSupply = false
    var volume24hReported = false
    var volume7d = false
    var volume7dReported = false
    var volume30d = false
    var volume30dReported = false
    var isMarketCapIncludedInCalc = false
    /// v2 quotes write tags as `{slug,name,category}` objects; listings v1 as strings.
    var tagObjects = false

    init(aux: Set<String>, tagObjects: Bool) {
        numMarketPairs = aux.contains("num_market_pairs")
        cmcRank = aux.contains("cmc_rank")
        dateAdded = aux.contains("date_added")
        tags = aux.contains("tags")
        platform = aux.contains("platform")
        maxSupply = aux.contains("max_supply")
        circulatingSupply = aux.contains("circulating_supply")
        totalSupply = aux.contains("total_supply")
        isActive = aux.contains("is_active")
        isFiat = aux.contains("is_fiat")
        marketCapByTotalSupply = aux.contains("market_cap_by_total_supply")
        volume24hReported = aux.contains("volume_24h_reported")
        volume7d = aux.contains("volume_7d")
        volume7dReported = aux.contains("volume_7d_reported")
        volume30d = aux.contains("volume_30d")
        volume30dReported = aux.contains("volume_30d_reported")
        isMarketCapIncludedInCalc = aux.contains("is_market_cap_included_in_calc")
        self.tagObjects = tagObjects
    }
}
