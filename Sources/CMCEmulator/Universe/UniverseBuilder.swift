import Foundation

/// Builds the deterministic universe: the well-known coins plus generated ones up to the requested count.
///
/// Phase 1 draws each coin's numbers from a generator seeded by (seed, id), phase 2 ranks every coin by
/// base market cap, phase 3 gives the generated coins names, symbols, slugs and texts in rank order, so
/// that the special coins (non-ASCII names, hostile text, symbol collisions) land on fixed ranks.
struct UniverseBuilder {
    let seed: UInt64
    let count: Int
    let includeHostileText: Bool

    private static let startMilliseconds = Timestamp.days(year: 2014, month: 1, day: 1) * Timestamp.millisecondsPerDay
    private static let endMilliseconds = Timestamp.days(year: 2025, month: 12, day: 20) * Timestamp.millisecondsPerDay

    /// Names that exercise UTF-8 handling: (name, symbol, slug).
    static let nonASCIINames: [(String, String, String)] = [
        ("Ünicoin", "UNIC", "unicoin"),
        ("狗狗币 Token", "GGB", "gou-gou-bi-token"),
        ("Café Finance", "CAFE", "cafe-finance"),
        ("Ωmega Protocol", "OMGP", "omega-protocol"),
        ("Żółw Swap", "ZOLW", "zolw-swap"),
        ("Rocket 🚀 Inu", "RCKT", "rocket-inu"),
        ("Năng Lượng", "NLG", "nang-luong"),
        ("ビットコイン Gold", "BTCJ", "bitokoin-gold"),
    ]

    /// The two hostile-text coins: (name, symbol, slug, description).
    static let hostileCoins: [(String, String, String, String)] = [
        (
            "<script>alert(1)</script> Coin", "XSS", "script-alert-1-script-coin",
            "<script>alert(1)</script> Coin (XSS) is a \"test\" asset whose text is hostile on purpose.\n"
                + "It contains a back\\slash, a tab\there, </script> and a line separator \u{2028} too."
        ),
        (
            "<img src=x onerror=alert(1)> Token", "IMGX", "img-src-x-onerror-alert-1-token",
            "<img src=x onerror=alert(1)> Token (IMGX) renders as HTML if nobody escapes it: "
                + "<a href=\"javascript:alert(1)\">click</a> & <b>bold</b>."
        ),
    ]

    func build() -> Universe {
        let known = Array(WellKnownCoins.all.prefix(count))
        let generatedIDs = pickGeneratedIDs(count: count - known.count)
        var drafts: [CoinRecord] = known.map(makeKnown)
        for (position, id) in generatedIDs.enumerated() {
            drafts.append(makeGenerated(id: id, position: position, of: generatedIDs.count))
        }
        drafts.sort { lhs, rhs in
            let l = lhs.baseMarketCap
            let r = rhs.baseMarketCap
            if l != r { return l > r }
            if lhs.baseVolume != rhs.baseVolume { return lhs.baseVolume > rhs.baseVolume }
            return lhs.id < rhs.id
        }
        for index in drafts.indices { drafts[index].rank = index + 1 }
        let knownIDs = Set(known.map(\.id))
        assignIdentities(&drafts, knownIDs: knownIDs)
        return Universe(coins: drafts)
    }

    // MARK: - Ids

    private func pickGeneratedIDs(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let excluded = Set(WellKnownCoins.all.map(\.id)).union(PlatformCatalog.coinIDs).union(FiatCatalog.byID.keys)
        let maxID = max(40_000, count * 4 + 100)
        var pool = (1...maxID).filter { !excluded.contains($0) }
        var rng = SplitMix64(seed: Mix.hash(seed, 0xD1))
        let take = min(count, pool.count)
        for i in 0..<take {
            let j = rng.int(in: i...(pool.count - 1))
            pool.swapAt(i, j)
        }
        return pool.prefix(take).sorted()
    }

    // MARK: - Well-known coins

    private func makeKnown(_ coin: WellKnownCoin) -> CoinRecord {
        var rng = SplitMix64(seed: Mix.hash(seed, UInt64(coin.id), 0xA1))
        let added = Timestamp.milliseconds(isoDate: coin.dateAdded) ?? Self.startMilliseconds
        var contracts: [TokenContract] = []
        if let platform = coin.platform {
            contracts.append(TokenContract(platformIndex: platform.index, address: platform.address))
        }
        contracts += coin.moreContracts.map { TokenContract(platformIndex: $0.index, address: $0.address) }
        let cap = coin.price * coin.circulating
        let volumeShare = coin.volatility < 0.001 ? 0.45 : 0.02 + 0.06 * rng.unit()
        let isWrapped = coin.tags.contains("wrapped-tokens")
        return CoinRecord(
            id: coin.id,
            name: coin.name,
            symbol: coin.symbol,
            slug: coin.slug,
            rank: 0,
            contracts: contracts,
            tags: TagCatalog.indices(coin.tags),
            dateAdded: added,
            dateLaunched: coin.dateLaunched.flatMap(Timestamp.milliseconds(isoDate:)),
            numMarketPairs: coin.pairs,
            circulatingSupply: coin.circulating,
            totalSupply: coin.total,
            maxSupply: coin.max,
            infiniteSupply: coin.infinite,
            basePrice: coin.price,
            baseVolume: (cap * volumeShare * 100).rounded() / 100,
            volatility: coin.volatility,
            selfReportedCirculatingSupply: nil,
            selfReportedMarketCap: nil,
            baseTVL: coin.tvlShare.map { cap * $0 },
            ageDays: Int((Universe.referenceMilliseconds - added) / Timestamp.millisecondsPerDay),
            isMarketCapIncluded: !isWrapped,
            description: "",
            links: CoinLinks(),
            twitterUsername: "",
            subreddit: "",
            notice: "",
            firstHistoricalData: added + 18 * 3_600_000 + Int64(rng.int(in: 0...3_599)) * 1000
        )
    }

    // MARK: - Generated coins: numbers

    private func makeGenerated(id: Int, position: Int, of generatedCount: Int) -> CoinRecord {
        var rng = SplitMix64(seed: Mix.hash(seed, UInt64(id), 0xB2))
        let isStable = rng.chance(0.006)
        let zeroCirculating = !isStable && rng.chance(0.09)
        var logCap = rng.normal(mean: 5.6, deviation: 1.45, clampedTo: 1.5...10.4)
        // Compress the upper tail so that the well-known coins keep the top ranks, as on CMC.
        if logCap > 8.5 { logCap = 8.5 + (logCap - 8.5) * 0.5 }
        var price: Double
        if isStable {
            price = 1 + (rng.unit() - 0.5) * 0.004
            logCap = min(logCap + 1.5, 10)
        } else {
            price = pow(10, rng.normal(mean: -1.6, deviation: 2.2, clampedTo: -9...5))
        }
        let cap = pow(10, logCap)
        var circulating = cap / price
        if circulating > 9e14 {
            circulating = 9e14 * (0.2 + 0.8 * rng.unit())
            price = cap / circulating
        }
        if circulating < 10_000 {
            circulating = 10_000 * (1 + 9 * rng.unit())
            price = min(cap / circulating, 1e5 * (0.3 + 0.7 * rng.unit()))
        }
        price = max(price, 1e-9 * (1 + rng.unit()))
        let integerSupply = rng.chance(0.4)
        circulating = roundSupply(circulating, integer: integerSupply, rng: &rng)
        let totalDraw = rng.unit()
        let total: Double
        if totalDraw < 0.45 {
            total = circulating
        } else if totalDraw < 0.92 {
            total = roundSupply(circulating * (1 + rng.unit() * 2), integer: integerSupply, rng: &rng)
        } else if totalDraw < 0.99 {
            total = roundSupply(circulating * (0.9 + 0.099 * rng.unit()), integer: integerSupply, rng: &rng)
        } else {
            total = 0
        }
        var maxSupply: Double?
        if !rng.chance(0.4) {
            let reference = max(total, circulating, 1)
            maxSupply =
                rng.chance(0.5)
                ? pow(10, (log10(reference)).rounded(.up))
                : roundSupply(reference * (1 + rng.unit() * 0.5), integer: true, rng: &rng)
        }
        let infinite = maxSupply == nil && rng.chance(0.45)
        var selfReportedSupply: Double?
        var selfReportedCap: Double?
        if zeroCirculating || rng.chance(0.04) {
            let reported = roundSupply(
                circulating * (zeroCirculating ? 1 : 1 + rng.unit()),
                integer: integerSupply,
                rng: &rng
            )
            selfReportedSupply = reported
            selfReportedCap = reported * price
        }
        let finalCirculating = zeroCirculating ? 0 : circulating
        let volume: Double
        if rng.chance(0.015) {
            volume = 0
        } else if zeroCirculating {
            volume = pow(10, rng.normal(mean: 3.5, deviation: 1, clampedTo: 0.5...6))
        } else {
            volume = cap * pow(10, rng.normal(mean: -1.4, deviation: 0.6, clampedTo: -4...0.7))
        }
        let pairs = max(1, min(3000, Int(exp(rng.normal(mean: 1.4, deviation: 1.2, clampedTo: 0...8)))))
        let volatility = isStable ? 0.0005 : 0.015 + 0.05 * rng.unit()

        var contracts: [TokenContract] = []
        let isToken = isStable ? rng.chance(0.8) : rng.chance(0.6)
        if isToken {
            let primary = rng.weightedIndex(PlatformCatalog.weights)
            contracts.append(
                TokenContract(platformIndex: primary, address: address(PlatformCatalog.all[primary].style, &rng))
            )
            if rng.chance(0.2) {
                var used: Set<Int> = [primary]
                for _ in 0..<rng.int(in: 1...4) {
                    let other = rng.weightedIndex(PlatformCatalog.weights)
                    guard used.insert(other).inserted else { continue }
                    contracts.append(
                        TokenContract(platformIndex: other, address: address(PlatformCatalog.all[other].style, &rng))
                    )
                }
            }
        }
        var tagSlugs: [String] = []
        if let primary = contracts.first, rng.chance(0.85) { tagSlugs.append(primary.platform.ecosystemTag) }
        if contracts.isEmpty, rng.chance(0.3) { tagSlugs += rng.chance(0.5) ? ["mineable", "pow"] : ["pos"] }
        if isStable { tagSlugs.append("stablecoin") }
        let weights = TagCatalog.generatedPool.map(\.weight)
        for _ in 0..<rng.int(in: 0...3) {
            let slug = TagCatalog.generatedPool[rng.weightedIndex(weights)].slug
            if !tagSlugs.contains(slug) { tagSlugs.append(slug) }
        }
        let isDeFi = tagSlugs.contains("defi")
        let tvl: Double? =
            isDeFi && rng.chance(0.35) ? cap * pow(10, rng.normal(mean: -0.3, deviation: 0.4, clampedTo: -2...1)) : nil

        let span = Double(Self.endMilliseconds - Self.startMilliseconds)
        let fraction = generatedCount > 1 ? Double(position) / Double(generatedCount - 1) : 0.5
        let jitter = (rng.unit() - 0.5) * 60 * Double(Timestamp.millisecondsPerDay)
        var added = Int64(Double(Self.startMilliseconds) + fraction.squareRoot() * span + jitter)
        added = min(max(added, Self.startMilliseconds), Self.endMilliseconds)
        added -= added % Timestamp.millisecondsPerDay
        let launched: Int64? =
            rng.chance(0.55) ? added - Int64(rng.int(in: 0...400)) * Timestamp.millisecondsPerDay : nil

        return CoinRecord(
            id: id,
            name: "",
            symbol: "",
            slug: "",
            rank: 0,
            contracts: contracts,
            tags: TagCatalog.indices(tagSlugs),
            dateAdded: added,
            dateLaunched: launched,
            numMarketPairs: pairs,
            circulatingSupply: finalCirculating,
            totalSupply: total,
            maxSupply: maxSupply,
            infiniteSupply: infinite,
            basePrice: price,
            baseVolume: volume,
            volatility: volatility,
            selfReportedCirculatingSupply: selfReportedSupply,
            selfReportedMarketCap: selfReportedCap,
            baseTVL: tvl,
            ageDays: Int((Universe.referenceMilliseconds - added) / Timestamp.millisecondsPerDay),
            isMarketCapIncluded: rng.chance(0.97),
            description: "",
            links: CoinLinks(),
            twitterUsername: "",
            subreddit: "",
            notice: "",
            firstHistoricalData: added + Int64(rng.int(in: 0...86_399)) * 1000
        )
    }

    private func roundSupply(_ value: Double, integer: Bool, rng: inout SplitMix64) -> Double {
        if integer { return value.rounded() }
        let scale = pow(10, Double(rng.int(in: 1...8)))
        return (value * scale).rounded() / scale
    }

    private static let hexDigits = Array("0123456789abcdef")
    private static let base58 = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    private static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    private func address(_ style: AddressStyle, _ rng: inout SplitMix64) -> String {
        func draw(_ alphabet: [Character], _ length: Int) -> String {
            String((0..<length).map { _ in rng.pick(alphabet) })
        }
        switch style {
        case .evm:
            var hex = draw(Self.hexDigits, 40)
            if rng.chance(0.3) {
                hex = String(hex.map { $0.isLetter && rng.chance(0.5) ? Character($0.uppercased()) : $0 })
            }
            return "0x" + hex
        case .solana:
            let body = draw(Self.base58, rng.int(in: 43...44))
            return rng.chance(0.15) ? String(body.prefix(40)) + "pump" : body
        case .tron:
            return "T" + draw(Self.base58, 33)
        case .ton:
            return "EQ" + draw(Self.base64URL, 46)
        case .aptos:
            return "0x" + draw(Self.hexDigits, 64) + "::coin::T"
        }
    }

    // MARK: - Identities

    private func assignIdentities(_ coins: inout [CoinRecord], knownIDs: Set<Int>) {
        var usedNames = Set(coins.filter { knownIDs.contains($0.id) }.map { $0.name.lowercased() })
        var usedSlugs = Set(coins.filter { knownIDs.contains($0.id) }.map(\.slug))
        var usedSymbols = Set(coins.filter { knownIDs.contains($0.id) }.map(\.symbol))
        let generated = coins.indices.filter { !knownIDs.contains(coins[$0].id) }

        // Fixed ranks for the special coins, taken from the generated positions.
        var special: [Int: (name: String, symbol: String, slug: String, description: String?)] = [:]
        if includeHostileText, generated.count >= 6 {
            for (offset, coin) in Self.hostileCoins.enumerated() {
                let index = generated[generated.count - 2 - 2 * offset]
                special[index] = (coin.0, coin.1, coin.2, coin.3)
            }
        }
        if generated.count >= 20 {
            for (offset, entry) in Self.nonASCIINames.enumerated() {
                let position = (offset + 1) * generated.count / (Self.nonASCIINames.count + 2)
                let index = generated[position]
                if special[index] == nil { special[index] = (entry.0, entry.1, entry.2, nil) }
            }
        }
        // One generated coin shares its symbol with a top-100 coin (SOL when present).
        let collisionSymbol = coins.prefix(100).first { $0.id == 5426 }?.symbol ?? coins.first?.symbol
        var collisionIndex: Int?
        if let first = generated.first(where: { $0 >= 100 && special[$0] == nil })
            ?? generated.first(where: { special[$0] == nil })
        {
            collisionIndex = first
        }
        var nullDateIndex: Int?
        if generated.count >= 30 {
            nullDateIndex = generated[generated.count / 3 + 1]
            if let candidate = nullDateIndex, special[candidate] != nil || candidate == collisionIndex {
                nullDateIndex = nil
            }
        }

        var generatedSymbols: [String] = []
        for index in generated {
            var rng = SplitMix64(seed: Mix.hash(seed, UInt64(coins[index].id), 0xC3))
            var name: String
            var symbol: String
            var slug: String
            var description: String?
            if let fixed = special[index] {
                (name, symbol, slug, description) = fixed
            } else {
                name = NameGenerator.name(using: &rng)
                var attempt = 0
                while usedNames.contains(name.lowercased()) {
                    attempt += 1
                    name =
                        attempt < 12 ? NameGenerator.name(using: &rng) : NameGenerator.name(using: &rng) + " \(attempt)"
                }
                slug = NameGenerator.slug(for: name)
                if index == collisionIndex, let collisionSymbol {
                    symbol = collisionSymbol
                } else if !generatedSymbols.isEmpty, rng.chance(0.03) {
                    symbol = rng.pick(generatedSymbols)
                } else {
                    symbol = NameGenerator.symbol(for: name, using: &rng)
                    var suffix = 1
                    let base = symbol
                    while usedSymbols.contains(symbol) {
                        suffix += 1
                        symbol = base + String(suffix)
                    }
                }
            }
            var uniqueSlug = slug
            var n = 1
            while usedSlugs.contains(uniqueSlug) {
                n += 1
                uniqueSlug = "\(slug)-\(n)"
            }
            usedNames.insert(name.lowercased())
            usedSlugs.insert(uniqueSlug)
            usedSymbols.insert(symbol)
            generatedSymbols.append(symbol)
            coins[index].name = name
            coins[index].symbol = symbol
            coins[index].slug = uniqueSlug
            if index == nullDateIndex { coins[index].dateAdded = nil }
            fillTexts(&coins[index], fixedDescription: description, website: nil, rng: &rng)
        }
        for index in coins.indices where knownIDs.contains(coins[index].id) {
            var rng = SplitMix64(seed: Mix.hash(seed, UInt64(coins[index].id), 0xC4))
            let website = WellKnownCoins.all.first { $0.id == coins[index].id }?.website
            fillTexts(&coins[index], fixedDescription: nil, website: website, rng: &rng)
        }
    }

    private func fillTexts(_ coin: inout CoinRecord, fixedDescription: String?, website: String?, rng: inout SplitMix64)
    {
        let handle = NameGenerator.handle(for: coin.name).isEmpty ? coin.slug : NameGenerator.handle(for: coin.name)
        let domain = coin.slug.replacingOccurrences(of: "-", with: "") + "." + rng.pick(NameGenerator.domains)
        let site = website ?? "https://\(domain)/"
        var links = CoinLinks()
        links.website = [site]
        if rng.chance(0.7) {
            links.twitter = ["https://twitter.com/\(handle)"]
            coin.twitterUsername = handle
        }
        if rng.chance(0.3) {
            links.reddit = ["https://reddit.com/r/\(handle.lowercased())"]
            coin.subreddit = handle.lowercased()
        }
        if rng.chance(0.5) { links.chat = ["https://t.me/\(handle)"] }
        if rng.chance(0.2) { links.messageBoard = ["https://medium.com/@\(handle.lowercased())"] }
        if rng.chance(0.4) { links.technicalDoc = ["\(site)whitepaper.pdf"] }
        if rng.chance(0.5) { links.sourceCode = ["https://github.com/\(handle.lowercased())"] }
        if rng.chance(0.1) {
            links.announcement = ["https://bitcointalk.org/index.php?topic=\(rng.int(in: 100_000...5_999_999)).0"]
        }
        if rng.chance(0.05) { links.facebook = ["https://www.facebook.com/\(handle)"] }
        if coin.isToken {
            links.explorer = coin.contracts.prefix(5).map { $0.platform.explorer + $0.address }
        } else {
            links.explorer = ["https://blockchair.com/\(coin.slug)", "https://explorer.\(domain)/"]
        }
        coin.links = links
        if rng.chance(0.007) {
            coin.notice =
                "**\(coin.name) (\(coin.symbol))** has migrated to a new contract. Please refer to the "
                + "[official announcement](\(site)migration) for details."
        }
        coin.description = fixedDescription ?? describe(coin, site: site)
    }

    private func describe(_ coin: CoinRecord, site: String) -> String {
        let year = coin.dateLaunched.map { Timestamp.civil(days: $0 / Timestamp.millisecondsPerDay).year }
        var text = "\(coin.name) (\(coin.symbol)) is a cryptocurrency"
        if let year { text += " launched in \(year)" }
        if let platform = coin.platform { text += " and operates on the \(platform.platform.displayName) platform" }
        text += ". "
        if coin.circulatingSupply > 0 {
            text += "\(coin.name) has a current supply of \(TextFormat.grouped(coin.totalSupply, decimals: 0))"
            text += " with \(TextFormat.grouped(coin.circulatingSupply, decimals: 0)) in circulation. "
        } else {
            text += "\(coin.name) has a current supply of \(TextFormat.grouped(coin.totalSupply, decimals: 0)). "
            text += "The project reports a circulating supply that CoinMarketCap has not verified. "
        }
        text += "The last known price of \(coin.name) is \(TextFormat.price(coin.basePrice)) USD. "
        text += "It is currently trading on \(coin.numMarketPairs) active market(s) with $"
        text += TextFormat.grouped(coin.baseVolume, decimals: 2) + " traded over the last 24 hours. "
        text += "More information can be found at \(site)."
        return text
    }
}
