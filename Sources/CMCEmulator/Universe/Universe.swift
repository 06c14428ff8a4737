/// The emulated coin universe: every active coin in rank order, with lookup tables.
///
/// Built once per emulator by ``UniverseBuilder``; a pure function of the seed, the coin count and
/// `includeHostileText`.
struct Universe: Sendable {
    /// Coins in rank order (`coins[i].rank == i + 1`).
    let coins: [CoinRecord]
    let indexByID: [Int: Int]
    let indexBySlug: [String: Int]
    /// Upper-case symbol → indices of every coin using it, in rank order.
    let indicesBySymbol: [String: [Int]]
    /// Normalised contract address → index of the coin deployed there (first one wins).
    let indexByAddress: [String: Int]
    /// `date_added` as ISO text per coin (index-aligned), pre-rendered because listings write it 5000 times.
    let dateAddedText: [String?]
    let dateLaunchedText: [String?]
    /// Lower-cased names for `sort=name`.
    let sortNames: [String]
    /// Reference "today" of the universe (2026-01-01), for ages and `total_cryptocurrencies`.
    static let referenceMilliseconds: Int64 =
        Timestamp.days(year: 2026, month: 1, day: 1) * Timestamp.millisecondsPerDay

    init(coins: [CoinRecord]) {
        self.coins = coins
        var indexByID: [Int: Int] = [:]
        var indexBySlug: [String: Int] = [:]
        var indicesBySymbol: [String: [Int]] = [:]
        var indexByAddress: [String: Int] = [:]
        for (index, coin) in coins.enumerated() {
            indexByID[coin.id] = index
            indexBySlug[coin.slug] = index
            indicesBySymbol[coin.symbol.uppercased(), default: []].append(index)
            for contract in coin.contracts {
                let key = Self.normalizedAddress(contract.address)
                if indexByAddress[key] == nil { indexByAddress[key] = index }
            }
        }
        self.indexByID = indexByID
        self.indexBySlug = indexBySlug
        self.indicesBySymbol = indicesBySymbol
        self.indexByAddress = indexByAddress
        self.dateAddedText = coins.map { $0.dateAdded.map(Timestamp.iso8601(milliseconds:)) }
        self.dateLaunchedText = coins.map { $0.dateLaunched.map(Timestamp.iso8601(milliseconds:)) }
        self.sortNames = coins.map { $0.name.lowercased() }
    }

    /// Hex addresses compare case-insensitively (checksummed or not); others exactly.
    static func normalizedAddress(_ address: String) -> String {
        address.hasPrefix("0x") || address.hasPrefix("0X") ? address.lowercased() : address
    }

    /// The coin with the highest market cap using a symbol, as CMC resolves a `convert` symbol.
    func topIndex(symbol: String) -> Int? {
        indicesBySymbol[symbol.uppercased()]?.first
    }
}
