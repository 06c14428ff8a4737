import CMCClient

enum CoinPipeVersionText {
    static let current = CoinPipeVersion.current
}
