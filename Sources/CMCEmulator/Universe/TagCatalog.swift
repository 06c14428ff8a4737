/// One CMC tag: the slug used in `tags`, its display name (`tag-names`) and group (`tag-groups`,
/// and `category` in v2 quotes).
struct Tag: Sendable {
    let slug: String
    let name: String
    let group: String
}

/// The fixed tag vocabulary of the emulated universe. Slugs, names and groups follow real CMC tags,
/// including the real misspelling `arbitrum-ecosytem`.
enum TagCatalog {
    static let all: [Tag] = [
        Tag(slug: "mineable", name: "Mineable", group: "OTHERS"),
        Tag(slug: "pow", name: "PoW", group: "ALGORITHM"),
        Tag(slug: "pos", name: "PoS", group: "ALGORITHM"),
        Tag(slug: "sha-256", name: "SHA-256", group: "ALGORITHM"),
        Tag(slug: "scrypt", name: "Scrypt", group: "ALGORITHM"),
        Tag(slug: "store-of-value", name: "Store Of Value", group: "CATEGORY"),
        Tag(slug: "defi", name: "DeFi", group: "CATEGORY"),
        Tag(slug: "memes", name: "Memes", group: "CATEGORY"),
        Tag(slug: "stablecoin", name: "Stablecoin", group: "CATEGORY"),
        Tag(slug: "filesharing", name: "Filesharing", group: "CATEGORY"),
        Tag(slug: "smart-contracts", name: "Smart Contracts", group: "CATEGORY"),
        Tag(slug: "layer-1", name: "Layer 1", group: "CATEGORY"),
        Tag(slug: "layer-2", name: "Layer 2", group: "CATEGORY"),
        Tag(slug: "gaming", name: "Gaming", group: "CATEGORY"),
        Tag(slug: "ai-big-data", name: "AI & Big Data", group: "CATEGORY"),
        Tag(slug: "payments", name: "Payments", group: "CATEGORY"),
        Tag(slug: "privacy", name: "Privacy", group: "CATEGORY"),
        Tag(slug: "oracles", name: "Oracles", group: "CATEGORY"),
        Tag(slug: "decentralized-exchange-dex-token", name: "Decentralized Exchange (DEX) Token", group: "CATEGORY"),
        Tag(slug: "wrapped-tokens", name: "Wrapped Tokens", group: "PLATFORM"),
        Tag(slug: "collectibles-nfts", name: "Collectibles & NFTs", group: "CATEGORY"),
        Tag(slug: "metaverse", name: "Metaverse", group: "CATEGORY"),
        Tag(slug: "staking", name: "Staking", group: "CATEGORY"),
        Tag(slug: "dao", name: "DAO", group: "CATEGORY"),
        Tag(slug: "yield-farming", name: "Yield Farming", group: "CATEGORY"),
        Tag(slug: "real-world-assets", name: "Real World Assets", group: "CATEGORY"),
        Tag(slug: "rehypothecated-crypto", name: "Rehypothecated Crypto", group: "CATEGORY"),
        Tag(slug: "coinbase-ventures-portfolio", name: "Coinbase Ventures Portfolio", group: "CATEGORY"),
        Tag(slug: "a16z-portfolio", name: "a16z Portfolio", group: "CATEGORY"),
        Tag(slug: "binance-labs-portfolio", name: "Binance Labs Portfolio", group: "CATEGORY"),
        Tag(slug: "ethereum-ecosystem", name: "Ethereum Ecosystem", group: "PLATFORM"),
        Tag(slug: "bnb-chain-ecosystem", name: "BNB Chain Ecosystem", group: "PLATFORM"),
        Tag(slug: "solana-ecosystem", name: "Solana Ecosystem", group: "PLATFORM"),
        Tag(slug: "polygon-ecosystem", name: "Polygon Ecosystem", group: "PLATFORM"),
        Tag(slug: "arbitrum-ecosytem", name: "Arbitrum Ecosystem", group: "PLATFORM"),
        Tag(slug: "base-ecosystem", name: "Base Ecosystem", group: "PLATFORM"),
        Tag(slug: "avalanche-ecosystem", name: "Avalanche Ecosystem", group: "PLATFORM"),
        Tag(slug: "optimism-ecosystem", name: "Optimism Ecosystem", group: "PLATFORM"),
        Tag(slug: "tron-ecosystem", name: "Tron Ecosystem", group: "PLATFORM"),
        Tag(slug: "ton-ecosystem", name: "TON Ecosystem", group: "PLATFORM"),
        Tag(slug: "aptos-ecosystem", name: "Aptos Ecosystem", group: "PLATFORM"),
    ]

    static let indexBySlug: [String: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { ($0.element.slug, $0.offset) }
    )

    /// Tags a generated coin may draw besides its platform tag, with their relative weights.
    static let generatedPool: [(slug: String, weight: Double)] = [
        ("defi", 16), ("memes", 11), ("gaming", 5), ("ai-big-data", 5), ("smart-contracts", 3),
        ("layer-1", 2), ("layer-2", 1.5), ("payments", 2), ("privacy", 1), ("oracles", 0.8),
        ("decentralized-exchange-dex-token", 3), ("collectibles-nfts", 3), ("metaverse", 2),
        ("staking", 3), ("dao", 2), ("yield-farming", 2.5), ("real-world-assets", 1.5), ("filesharing", 1),
        ("coinbase-ventures-portfolio", 0.5), ("a16z-portfolio", 0.3), ("binance-labs-portfolio", 0.4),
    ]

    static func indices(_ slugs: [String]) -> [Int] {
        slugs.compactMap { indexBySlug[$0] }
    }
}
