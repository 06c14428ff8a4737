/// `GET /v1/global-metrics/quotes/latest` (cmc-api.md §2.5), aggregated from the current snapshot, with
/// the 2025 extra fields.
enum GlobalMetricsEndpoint {
    static let path = "/v1/global-metrics/quotes/latest"

    static func prepare(_ request: EndpointRequest) throws(APIError) -> PreparedAnswer {
        let universe = request.universe
        let s = request.snapshot
        let targets = try ConvertTarget.resolve(
            request.query,
            universe: universe,
            maxConverts: request.plan.maxConverts
        )
        let round = MarketSnapshot.round
        let defi = TagCatalog.indexBySlug["defi"] ?? -1
        let stable = TagCatalog.indexBySlug["stablecoin"] ?? -1
        var defiCap = 0.0
        var defiVolume = 0.0
        var stableCap = 0.0
        var stableVolume = 0.0
        var pairs = 0
        var dex = 0
        for (index, coin) in universe.coins.enumerated() {
            pairs += coin.numMarketPairs
            if coin.tags.contains(defi) {
                defiCap += s.marketCap[index]
                defiVolume += s.volume24h[index]
            }
            if coin.tags.contains(stable) {
                stableCap += s.marketCap[index]
                stableVolume += s.volume24h[index]
            }
            if coin.isToken { dex += 1 }
        }
        func dominance(_ id: Int) -> Double {
            guard let index = universe.indexByID[id], s.totalMarketCap > 0 else { return 0 }
            return round(s.marketCap[index] / s.totalMarketCap * 100, 8)
        }
        func dominanceYesterday(_ id: Int) -> Double {
            guard let index = universe.indexByID[id], s.totalMarketCapYesterday > 0 else { return 0 }
            let capYesterday = s.marketCap[index] / (1 + s.percentChange24h[index] / 100)
            return round(capYesterday / s.totalMarketCapYesterday * 100, 8)
        }
        let btcCap = universe.indexByID[1].map { s.marketCap[$0] } ?? 0
        let btcVolume = universe.indexByID[1].map { s.volume24h[$0] } ?? 0
        let count = universe.coins.count
        let lastUpdated = s.lastUpdatedText
        let factors = targets.map { $0.perUSD(in: s) }
        let unit = (MarketSnapshot.noise(0, 7, s.window, 0x77) + 1) / 2
        return PreparedAnswer(credits: PreparedAnswer.credits(for: 1, per: 1, extraConverts: targets.count - 1)) { w in
            w.raw("{\"active_cryptocurrencies\":")
            w.int(count)
            w.raw(",\"total_cryptocurrencies\":")
            w.int(count * 4 + 1203)
            w.raw(",\"active_market_pairs\":")
            w.int(pairs)
            w.raw(",\"active_exchanges\":")
            w.int(798)
            w.raw(",\"total_exchanges\":")
            w.int(10_921)
            w.raw(",\"eth_dominance\":")
            w.number(dominance(1027))
            w.raw(",\"btc_dominance\":")
            w.number(dominance(1))
            w.raw(",\"eth_dominance_yesterday\":")
            w.number(dominanceYesterday(1027))
            w.raw(",\"btc_dominance_yesterday\":")
            w.number(dominanceYesterday(1))
            w.raw(",\"eth_dominance_24h_percentage_change\":")
            w.number(round(dominance(1027) - dominanceYesterday(1027), 8))
            w.raw(",\"btc_dominance_24h_percentage_change\":")
            w.number(round(dominance(1) - dominanceYesterday(1), 8))
            w.raw(",\"defi_volume_24h\":")
            w.number(defiVolume)
            w.raw(",\"defi_volume_24h_reported\":")
            w.number(defiVolume * (1 + 0.2 * unit))
            w.raw(",\"defi_market_cap\":")
            w.number(defiCap)
            w.raw(",\"defi_24h_percentage_change\":")
            w.number(round((unit - 0.5) * 8, 8))
            w.raw(",\"stablecoin_volume_24h\":")
            w.number(stableVolume)
            w.raw(",\"stablecoin_volume_24h_reported\":")
            w.number(stableVolume * (1 + 0.2 * unit))
            w.raw(",\"stablecoin_market_cap\":")
            w.number(stableCap)
            w.raw(",\"stablecoin_24h_percentage_change\":")
            w.number(round((unit - 0.5) * 3, 8))
            w.raw(",\"derivatives_volume_24h\":")
            w.number(s.totalVolume24h * 9.4)
            w.raw(",\"derivatives_volume_24h_reported\":")
            w.number(s.totalVolume24h * 9.9)
            w.raw(",\"derivatives_24h_percentage_change\":")
            w.number(round((unit - 0.5) * 10, 8))
            w.raw(",\"total_crypto_dex_currencies\":")
            w.int(dex)
            w.raw(",\"today_incremental_crypto_number\":")
            w.int(Int(unit * 40))
            w.raw(",\"past_24h_incremental_crypto_number\":")
            w.int(Int(unit * 60) + 20)
            w.raw(",\"past_7d_incremental_crypto_number\":")
            w.int(Int(unit * 300) + 150)
            w.raw(",\"past_30d_incremental_crypto_number\":")
            w.int(Int(unit * 1200) + 600)
            w.raw(",\"last_updated\":")
            w.plainString(lastUpdated)
            w.raw(",\"quote\":{")
            for (position, target) in targets.enumerated() {
                let f = factors[position]
                if position > 0 { w.raw(",") }
                w.string(target.key)
                w.raw(":{\"total_market_cap\":")
                w.number(s.totalMarketCap * f)
                w.raw(",\"total_volume_24h\":")
                w.number(s.totalVolume24h * f)
                w.raw(",\"total_volume_24h_reported\":")
                w.number(s.totalVolume24h * (1 + 0.25 * unit) * f)
                w.raw(",\"altcoin_volume_24h\":")
                w.number((s.totalVolume24h - btcVolume) * f)
                w.raw(",\"altcoin_volume_24h_reported\":")
                w.number((s.totalVolume24h - btcVolume) * (1 + 0.25 * unit) * f)
                w.raw(",\"altcoin_market_cap\":")
                w.number((s.totalMarketCap - btcCap) * f)
                w.raw(",\"defi_volume_24h\":")
                w.number(defiVolume * f)
                w.raw(",\"defi_market_cap\":")
                w.number(defiCap * f)
                w.raw(",\"stablecoin_volume_24h\":")
                w.number(stableVolume * f)
                w.raw(",\"stablecoin_market_cap\":")
                w.number(stableCap * f)
                w.raw(",\"total_market_cap_yesterday\":")
                w.number(s.totalMarketCapYesterday * f)
                w.raw(",\"total_volume_24h_yesterday\":")
                w.number(s.totalVolume24hYesterday * f)
                w.raw(",\"total_market_cap_yesterday_percentage_change\":")
                w.number(round((s.totalMarketCap / s.totalMarketCapYesterday - 1) * 100, 8))
                w.raw(",\"total_volume_24h_yesterday_percentage_change\":")
                w.number(round((s.totalVolume24h / s.totalVolume24hYesterday - 1) * 100, 8))
                w.raw(",\"last_updated\":")
                w.plainString(lastUpdated)
                w.raw("}")
            }
            w.raw("}}")
        }
    }
}
