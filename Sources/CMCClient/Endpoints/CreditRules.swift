/// CMC's per-endpoint credit rules, used to predict a call's cost before it is sent.
///
/// The defaults are the documented rules of cmc-api.md §5. CMC has changed billing before (one 2026
/// page speaks of "per 250 results"), so every number is configurable; the client always trusts the
/// `credit_count` the server reports over its own estimate.
public struct CreditRules: Sendable, Hashable {
    /// Rows of listings/latest per credit (200).
    public var listingsRowsPerCredit = 200
    /// Coins of v2 info per credit (100).
    public var infoCoinsPerCredit = 100
    /// Coins of v2 quotes/latest per credit (100).
    public var quotesCoinsPerCredit = 100
    /// Credits for one call of `/v1/cryptocurrency/map` (1 in the 2022 spec; 0 in the 2026 docs).
    public var mapCredits = 1
    /// Credits for one call of `/v1/fiat/map`.
    public var fiatMapCredits = 1
    /// Credits for one call of `/v1/global-metrics/quotes/latest` (before extra converts).
    public var globalMetricsCredits = 1
    /// Extra credits for each `convert` beyond the first.
    public var creditsPerExtraConvert = 1

    /// The documented rules.
    public init() {}

    /// Credits for a listings/latest call that returns `rows` rows with `converts` conversions.
    public func listings(rows: Int, converts: Int) -> Int {
        max(1, ceilDiv(rows, listingsRowsPerCredit)) + extraConverts(converts)
    }

    /// Credits for a v2 info call for `coins` coins.
    public func info(coins: Int) -> Int {
        max(1, ceilDiv(coins, infoCoinsPerCredit))
    }

    /// Credits for a v2 quotes/latest call for `coins` coins with `converts` conversions.
    public func quotes(coins: Int, converts: Int) -> Int {
        max(1, ceilDiv(coins, quotesCoinsPerCredit)) + extraConverts(converts)
    }

    /// Credits for a global-metrics call with `converts` conversions.
    public func globalMetrics(converts: Int) -> Int {
        globalMetricsCredits + extraConverts(converts)
    }

    private func extraConverts(_ converts: Int) -> Int {
        max(0, converts - 1) * creditsPerExtraConvert
    }

    private func ceilDiv(_ a: Int, _ b: Int) -> Int {
        b <= 0 ? a : (a + b - 1) / b
    }
}
