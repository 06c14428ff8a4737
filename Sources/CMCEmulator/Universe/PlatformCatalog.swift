/// How a platform writes token addresses.
enum AddressStyle: Sendable {
    case evm
    case solana
    case tron
    case ton
    case aptos
}

/// A chain that tokens live on, and the coin that represents it (`platform` objects).
///
/// The coin need not be in the universe: Base (27716, symbol "TBA") is a platform but not a listed coin,
/// exactly as in real responses.
struct Platform: Sendable {
    let coinID: Int
    let coinName: String
    let coinSymbol: String
    let coinSlug: String
    /// The platform's own name (`platform.name`, `contract_address[].platform.name`).
    let displayName: String
    let style: AddressStyle
    let explorer: String
    let ecosystemTag: String
}

enum PlatformCatalog {
    static let all: [Platform] = [
        Platform(
            coinID: 1027,
            coinName: "Ethereum",
            coinSymbol: "ETH",
            coinSlug: "ethereum",
            displayName: "Ethereum",
            style: .evm,
            explorer: "https://etherscan.io/token/",
            ecosystemTag: "ethereum-ecosystem"
        ),
        Platform(
            coinID: 1839,
            coinName: "BNB",
            coinSymbol: "BNB",
            coinSlug: "bnb",
            displayName: "BNB Smart Chain (BEP20)",
            style: .evm,
            explorer: "https://bscscan.com/token/",
            ecosystemTag: "bnb-chain-ecosystem"
        ),
        Platform(
            coinID: 5426,
            coinName: "Solana",
            coinSymbol: "SOL",
            coinSlug: "solana",
            displayName: "Solana",
            style: .solana,
            explorer: "https://solscan.io/token/",
            ecosystemTag: "solana-ecosystem"
        ),
        Platform(
            coinID: 27716,
            coinName: "Base",
            coinSymbol: "TBA",
            coinSlug: "base",
            displayName: "Base",
            style: .evm,
            explorer: "https://basescan.org/token/",
            ecosystemTag: "base-ecosystem"
        ),
        Platform(
            coinID: 3890,
            coinName: "Polygon",
            coinSymbol: "MATIC",
            coinSlug: "polygon",
            displayName: "Polygon",
            style: .evm,
            explorer: "https://polygonscan.com/token/",
            ecosystemTag: "polygon-ecosystem"
        ),
        Platform(
            coinID: 11841,
            coinName: "Arbitrum",
            coinSymbol: "ARB",
            coinSlug: "arbitrum",
            displayName: "Arbitrum",
            style: .evm,
            explorer: "https://arbiscan.io/token/",
            ecosystemTag: "arbitrum-ecosytem"
        ),
        Platform(
            coinID: 5805,
            coinName: "Avalanche",
            coinSymbol: "AVAX",
            coinSlug: "avalanche",
            displayName: "Avalanche C-Chain",
            style: .evm,
            explorer: "https://snowtrace.io/token/",
            ecosystemTag: "avalanche-ecosystem"
        ),
        Platform(
            coinID: 1958,
            coinName: "TRON",
            coinSymbol: "TRX",
            coinSlug: "tron",
            displayName: "Tron20",
            style: .tron,
            explorer: "https://tronscan.org/#/token20/",
            ecosystemTag: "tron-ecosystem"
        ),
        Platform(
            coinID: 11840,
            coinName: "Optimism",
            coinSymbol: "OP",
            coinSlug: "optimism-ethereum",
            displayName: "Optimism",
            style: .evm,
            explorer: "https://optimistic.etherscan.io/token/",
            ecosystemTag: "optimism-ecosystem"
        ),
        Platform(
            coinID: 11419,
            coinName: "Toncoin",
            coinSymbol: "TON",
            coinSlug: "toncoin",
            displayName: "TON",
            style: .ton,
            explorer: "https://tonviewer.com/",
            ecosystemTag: "ton-ecosystem"
        ),
        Platform(
            coinID: 21794,
            coinName: "Aptos",
            coinSymbol: "APT",
            coinSlug: "aptos",
            displayName: "Aptos",
            style: .aptos,
            explorer: "https://explorer.aptoslabs.com/coin/",
            ecosystemTag: "aptos-ecosystem"
        ),
    ]

    /// Relative weights for the primary platform of a generated token, in `all` order.
    static let weights: [Double] = [35, 25, 15, 7, 5, 5, 3, 2, 1.5, 1.5, 0.5]

    static let ethereum = 0
    static let bnbChain = 1
    static let solana = 2
    static let polygon = 4
    static let arbitrum = 5
    static let optimism = 8

    static let coinIDs: Set<Int> = Set(all.map(\.coinID))
}
