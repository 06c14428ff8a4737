/// Writes the market item shared by listings (v1) and quotes (v2): the coin's fields, then its `quote`
/// map with one entry per convert target.
struct CoinRenderer {
    let universe: Universe
    let snapshot: MarketSnapshot
    let targets: [ConvertTarget]
    private let factors: [Double]

    init(universe: Universe, snapshot: MarketSnapshot, targets: [ConvertTarget]) {
        self.universe = universe
        self.snapshot = snapshot
        self.targets = targets
        self.factors = targets.map { $0.perUSD(in: snapshot) }
    }

    /// One listings/quotes item, field order as in CMC's 2024 recordings.
    func writeMarketItem(_ w: inout JSONWriter, index: Int, options: MarketItemOptions) {
        let coin = universe.coins[index]
        w.raw("{\"id\":")
        w.int(coin.id)
        w.raw(",\"name\":")
        w.string(coin.name)
        w.raw(",\"symbol\":")
        w.string(coin.symbol)
        w.raw(",\"slug\":")
        w.string(coin.slug)
        if options.numMarketPairs {
            w.raw(",\"num_market_pairs\":")
            w.int(coin.numMarketPairs)
        }
        if options.dateAdded {
            w.raw(",\"date_added\":")
            if let text = universe.dateAddedText[index] { w.plainString(text) } else { w.null() }
        }
        if options.tags {
            w.raw(",\"tags\":")
            writeTags(&w, coin: coin, objects: options.tagObjects)
        }
        if options.maxSupply {
            w.raw(",\"max_supply\":")
            w.number(coin.maxSupply)
        }
        if options.circulatingSupply {
            w.raw(",\"circulating_supply\":")
            w.number(coin.circulatingSupply)
        }
        if options.totalSupply {
            w.raw(",\"total_supply\":")
            w.number(coin.totalSupply)
        }
        if options.isActive { w.raw(",\"is_active\":1") }
        w.raw(",\"infinite_supply\":")
        w.bool(coin.infiniteSupply)
        if options.platform {
            w.raw(",\"platform\":")
            writePlatform(&w, coin: coin, idAsString: false)
        }
        if options.cmcRank {
            w.raw(",\"cmc_rank\":")
            w.int(coin.rank)
        }
        if options.isFiat { w.raw(",\"is_fiat\":0") }
        w.raw(",\"self_reported_circulating_supply\":")
        w.number(coin.selfReportedCirculatingSupply)
        w.raw(",\"self_reported_market_cap\":")
        w.number(coin.selfReportedMarketCap)
        w.raw(",\"tvl_ratio\":")
        w.number(snapshot.tvlRatio[index])
        if options.isMarketCapIncludedInCalc {
            w.raw(",\"is_market_cap_included_in_calc\":")
            w.int(coin.isMarketCapIncluded ? 1 : 0)
        }
        w.raw(",\"last_updated\":")
        w.plainString(snapshot.lastUpdatedText)
        w.raw(",\"quote\":{")
        for (position, target) in targets.enumerated() {
            if position > 0 { w.raw(",") }
            w.string(target.key)
            w.raw(":")
            writeQuote(&w, index: index, factor: factors[position], options: options)
        }
        w.raw("}}")
    }

    private func writeQuote(_ w: inout JSONWriter, index: Int, factor f: Double, options: MarketItemOptions) {
        let s = snapshot
        w.raw("{\"price\":")
        w.number(s.price[index] * f)
        w.raw(",\"volume_24h\":")
        w.number(s.volume24h[index] * f)
        if options.volume24hReported {
            w.raw(",\"volume_24h_reported\":")
            w.number(s.volume24hReported[index] * f)
        }
        if options.volume7d {
            w.raw(",\"volume_7d\":")
            w.number(s.volume7d[index] * f)
        }
        if options.volume7dReported {
            w.raw(",\"volume_7d_reported\":")
            w.number(s.volume7dReported[index] * f)
        }
        if options.volume30d {
            w.raw(",\"volume_30d\":")
            w.number(s.volume30d[index] * f)
        }
        if options.volume30dReported {
            w.raw(",\"volume_30d_reported\":")
            w.number(s.volume30dReported[index] * f)
        }
        w.raw(",\"volume_change_24h\":")
        w.number(s.volumeChange24h[index])
        w.raw(",\"percent_change_1h\":")
        w.number(s.percentChange1h[index])
        w.raw(",\"percent_change_24h\":")
        w.number(s.percentChange24h[index])
        w.raw(",\"percent_change_7d\":")
        w.number(s.percentChange7d[index])
        w.raw(",\"percent_change_30d\":")
        w.number(s.percentChange30d[index])
        w.raw(",\"percent_change_60d\":")
        w.number(s.percentChange60d[index])
        w.raw(",\"percent_change_90d\":")
        w.number(s.percentChange90d[index])
        w.raw(",\"market_cap\":")
        w.number(s.marketCap[index] * f)
        if options.marketCapByTotalSupply {
            w.raw(",\"market_cap_by_total_supply\":")
            w.number(s.marketCapByTotalSupply[index] * f)
        }
        w.raw(",\"market_cap_dominance\":")
        w.number(s.marketCapDominance[index])
        w.raw(",\"fully_diluted_market_cap\":")
        w.number(f == 1 ? s.fullyDilutedMarketCap[index] : MarketSnapshot.round(s.fullyDilutedMarketCap[index] * f, 2))
        w.raw(",\"tvl\":")
        w.number(s.tvl[index].map { $0 * f })
        w.raw(",\"last_updated\":")
        w.plainString(s.lastUpdatedText)
        w.raw("}")
    }

    /// `tags` as strings (listings, info) or as `{slug,name,category}` objects (v2 quotes).
    func writeTags(_ w: inout JSONWriter, coin: CoinRecord, objects: Bool) {
        w.raw("[")
        for (position, tagIndex) in coin.tags.enumerated() {
            if position > 0 { w.raw(",") }
            let tag = TagCatalog.all[tagIndex]
            if objects {
                w.raw("{\"slug\":")
                w.string(tag.slug)
                w.raw(",\"name\":")
                w.string(tag.name)
                w.raw(",\"category\":")
                w.string(tag.group)
                w.raw("}")
            } else {
                w.string(tag.slug)
            }
        }
        w.raw("]")
    }

    /// `platform`: `null` for coins; `id` is an int in listings/quotes/map and a string in v2 info.
    static func writePlatform(_ w: inout JSONWriter, coin: CoinRecord, idAsString: Bool, infoOrder: Bool = false) {
        guard let contract = coin.platform else { return w.null() }
        let platform = contract.platform
        w.raw("{\"id\":")
        if idAsString { w.plainString(String(platform.coinID)) } else { w.int(platform.coinID) }
        w.raw(",\"name\":")
        w.string(platform.displayName)
        if infoOrder {
            w.raw(",\"slug\":")
            w.string(platform.coinSlug)
            w.raw(",\"symbol\":")
            w.string(platform.coinSymbol)
        } else {
            w.raw(",\"symbol\":")
            w.string(platform.coinSymbol)
            w.raw(",\"slug\":")
            w.string(platform.coinSlug)
        }
        w.raw(",\"token_address\":")
        w.string(contract.address)
        w.raw("}")
    }

    private func writePlatform(_ w: inout JSONWriter, coin: CoinRecord, idAsString: Bool) {
        Self.writePlatform(&w, coin: coin, idAsString: idAsString)
    }
}
