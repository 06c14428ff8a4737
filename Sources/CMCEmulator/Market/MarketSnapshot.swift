import Foundation

/// Every coin's market values during one refresh window, index-aligned with ``Universe/coins``.
///
/// Values are a pure function of (seed, coin id, window index): the same window always yields the same
/// numbers, and `last_updated` is the window's start (`…:00.000Z` for 60 s windows).
struct MarketSnapshot: Sendable {
    let window: Int64
    let windowStartMilliseconds: Int64
    let lastUpdatedText: String
    let price: [Double]
    let volume24h: [Double]
    let volumeChange24h: [Double]
    let percentChange1h: [Double]
    let percentChange24h: [Double]
    let percentChange7d: [Double]
    let percentChange30d: [Double?]
    let percentChange60d: [Double?]
    let percentChange90d: [Double?]
    let marketCap: [Double]
    let marketCapByTotalSupply: [Double]
    let fullyDilutedMarketCap: [Double]
    let marketCapDominance: [Double]
    let tvl: [Double?]
    let tvlRatio: [Double?]
    let volume24hReported: [Double]
    let volume7d: [Double]
    let volume7dReported: [Double]
    let volume30d: [Double]
    let volume30dReported: [Double]
    /// Sum of the market caps counted in CMC's total (`is_market_cap_included_in_calc`).
    let totalMarketCap: Double
    let totalMarketCapYesterday: Double
    let totalVolume24h: Double
    let totalVolume24hYesterday: Double
    /// Units of each fiat per US dollar in this window, by fiat id.
    let fiatPerUSD: [Int: Double]

    init(universe: Universe, seed: UInt64, window: Int64, intervalSeconds: Double) {
        self.window = window
        let intervalMilliseconds = Int64((intervalSeconds * 1000).rounded())
        self.windowStartMilliseconds = window * intervalMilliseconds
        self.lastUpdatedText = Timestamp.iso8601(milliseconds: windowStartMilliseconds)
        let perHour = max(1, Int64((3600 / intervalSeconds).rounded()))
        let perDay = max(1, Int64((86_400 / intervalSeconds).rounded()))
        let count = universe.coins.count

        var price = [Double](repeating: 0, count: count)
        var volume = [Double](repeating: 0, count: count)
        var volumeChange = [Double](repeating: 0, count: count)
        var change1h = [Double](repeating: 0, count: count)
        var change24h = [Double](repeating: 0, count: count)
        var change7d = [Double](repeating: 0, count: count)
        var change30d = [Double?](repeating: nil, count: count)
        var change60d = [Double?](repeating: nil, count: count)
        var change90d = [Double?](repeating: nil, count: count)
        var marketCap = [Double](repeating: 0, count: count)
        var byTotal = [Double](repeating: 0, count: count)
        var diluted = [Double](repeating: 0, count: count)
        var tvl = [Double?](repeating: nil, count: count)
        var tvlRatio = [Double?](repeating: nil, count: count)
        var volumeReported = [Double](repeating: 0, count: count)
        var volume7d = [Double](repeating: 0, count: count)
        var volume7dReported = [Double](repeating: 0, count: count)
        var volume30d = [Double](repeating: 0, count: count)
        var volume30dReported = [Double](repeating: 0, count: count)
        var total = 0.0
        var totalYesterday = 0.0
        var totalVolume = 0.0
        var totalVolumeYesterday = 0.0

        for (index, coin) in universe.coins.enumerated() {
            let id = UInt64(coin.id)
            func priceAt(_ w: Int64) -> Double {
                coin.basePrice * exp(2 * coin.volatility * Self.noise(seed, id, w, 0x11))
            }
            func volumeAt(_ w: Int64) -> Double {
                coin.baseVolume * exp(0.18 * Self.noise(seed, id, w, 0x22))
            }
            func change(_ lookback: Int64) -> Double {
                Self.round((priceAt(window) / priceAt(window - lookback) - 1) * 100, 8)
            }
            let p = priceAt(window)
            price[index] = p
            let v = volumeAt(window)
            volume[index] = v
            volumeChange[index] = coin.baseVolume > 0 ? Self.round((v / volumeAt(window - perDay) - 1) * 100, 4) : 0
            change1h[index] = change(perHour)
            change24h[index] = change(perDay)
            change7d[index] = change(7 * perDay)
            if coin.ageDays >= 30 { change30d[index] = change(30 * perDay) }
            if coin.ageDays >= 60 { change60d[index] = change(60 * perDay) }
            if coin.ageDays >= 90 { change90d[index] = change(90 * perDay) }
            let cap = p * coin.circulatingSupply
            marketCap[index] = cap
            byTotal[index] = p * coin.totalSupply
            diluted[index] = Self.round(p * (coin.maxSupply ?? coin.totalSupply), 2)
            if let baseTVL = coin.baseTVL {
                let value = baseTVL * exp(0.05 * Self.noise(seed, id, window, 0x33))
                tvl[index] = value
                tvlRatio[index] = value > 0 ? Self.round(cap / value, 8) : nil
            }
            let unit = (Self.noise(seed, id, window, 0x44) + 1) / 2
            volumeReported[index] = v * (1 + 0.35 * unit)
            volume7d[index] = v * (6.2 + 1.6 * unit)
            volume7dReported[index] = volume7d[index] * (1 + 0.3 * unit)
            volume30d[index] = v * (26 + 8 * unit)
            volume30dReported[index] = volume30d[index] * (1 + 0.3 * unit)
            if coin.isMarketCapIncluded {
                total += cap
                totalYesterday += cap / (1 + change24h[index] / 100)
            }
            totalVolume += v
            totalVolumeYesterday += v / (1 + volumeChange[index] / 100)
        }
        let dominance = marketCap.map { total > 0 ? Self.round($0 / total * 100, 4) : 0 }

        self.price = price
        self.volume24h = volume
        self.volumeChange24h = volumeChange
        self.percentChange1h = change1h
        self.percentChange24h = change24h
        self.percentChange7d = change7d
        self.percentChange30d = change30d
        self.percentChange60d = change60d
        self.percentChange90d = change90d
        self.marketCap = marketCap
        self.marketCapByTotalSupply = byTotal
        self.fullyDilutedMarketCap = diluted
        self.marketCapDominance = dominance
        self.tvl = tvl
        self.tvlRatio = tvlRatio
        self.volume24hReported = volumeReported
        self.volume7d = volume7d
        self.volume7dReported = volume7dReported
        self.volume30d = volume30d
        self.volume30dReported = volume30dReported
        self.totalMarketCap = total
        self.totalMarketCapYesterday = totalYesterday
        self.totalVolume24h = totalVolume
        self.totalVolume24hYesterday = totalVolumeYesterday
        var fiatPerUSD: [Int: Double] = [:]
        for fiat in FiatCatalog.all {
            fiatPerUSD[fiat.id] =
                fiat.id == FiatCatalog.usdID
                ? 1 : fiat.perUSD * exp(0.002 * Self.noise(seed, UInt64(fiat.id), window, 0x55))
        }
        self.fiatPerUSD = fiatPerUSD
    }

    /// Deterministic noise in `-1...1`: a slow component interpolated across 60 windows plus a fast one.
    static func noise(_ seed: UInt64, _ id: UInt64, _ window: Int64, _ salt: UInt64) -> Double {
        let slowIndex = Timestamp.floorDivide(window, 60)
        let fraction = Double(window - slowIndex * 60) / 60
        let a = Mix.signedUnit(seed, id, UInt64(bitPattern: slowIndex), salt)
        let b = Mix.signedUnit(seed, id, UInt64(bitPattern: slowIndex + 1), salt)
        let fast = Mix.signedUnit(seed, id, UInt64(bitPattern: window), salt ^ 0xFF)
        return 0.7 * (a + (b - a) * fraction) + 0.3 * fast
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
