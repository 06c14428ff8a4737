public import Foundation

/// A live emulator: where it listens, the key it accepts, its universe, and its statistics.
public struct RunningEmulator: Sendable {
    /// `http://HOST:PORT`, the base URL to give a client instead of `https://pro-api.coinmarketcap.com`.
    public let baseURL: URL
    /// The bound port.
    public let port: Int
    /// The one valid API key.
    public let apiKey: String
    /// The configuration it runs with.
    public let configuration: EmulatorConfiguration
    /// Coin id → hostile logo kind, for the coins that got one.
    public let hostileLogoCoins: [Int: HostileLogoKind]
    /// Every coin id in rank order at start.
    public let coinIDs: [Int]

    let engine: EmulatorEngine

    init(engine: EmulatorEngine, host: String, port: Int) {
        self.engine = engine
        self.port = port
        self.apiKey = engine.configuration.apiKey
        self.configuration = engine.configuration
        self.hostileLogoCoins = engine.hostileByID
        self.coinIDs = engine.universe.coins.map(\.id)
        let hostPart = host.contains(":") ? "[\(host)]" : host
        self.baseURL = URL(string: "http://\(hostPart):\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Summaries of every coin in rank order.
    public var coins: [EmulatorCoin] {
        engine.universe.coins.map(Self.summary)
    }

    /// The coin with a given id, if it is in the universe.
    public func coin(id: Int) -> EmulatorCoin? {
        engine.universe.indexByID[id].map { Self.summary(engine.universe.coins[$0]) }
    }

    private static func summary(_ coin: CoinRecord) -> EmulatorCoin {
        EmulatorCoin(
            id: coin.id,
            rank: coin.rank,
            name: coin.name,
            symbol: coin.symbol,
            slug: coin.slug,
            platformID: coin.platform?.platform.coinID,
            tokenAddress: coin.platform?.address
        )
    }

    /// The ordinary logo URL of a coin at a size (16, 32, 64, 128 or 200).
    public func logoURL(coinID: Int, size: Int = 64) -> URL {
        baseURL.appending(path: "static/img/coins/\(size)x\(size)/\(coinID).png")
    }

    /// The `logo` string v2 info returns for a coin, hostile or not, when reached through ``baseURL``.
    public func infoLogo(coinID: Int) -> String {
        LogoURL.forCoin(id: coinID, base: baseURL.absoluteString, hostile: hostileLogoCoins[coinID])
    }

    /// The counters so far.
    public func stats() async -> EmulatorStats {
        await engine.stats.snapshot()
    }

    /// Clears every counter (not the key's rate window or credits).
    public func resetStats() async {
        await engine.stats.reset()
    }
}
