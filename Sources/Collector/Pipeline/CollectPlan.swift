public import CMCClient
public import CMCModels
import Foundation

/// What a run would cost, computed without spending a credit.
public struct CollectPlan: Sendable, Hashable, Codable {
    /// One kind of call.
    public struct Line: Sendable, Hashable, Codable {
        /// The endpoint path.
        public var endpoint: String
        /// Calls of it.
        public var calls: Int
        /// Credits for them.
        public var credits: Int
    }

    /// Coins the estimate assumes (`--limit all` uses the last run's count, or ``assumedListedCoins``).
    public var coins: Int
    /// Whether ``coins`` is an assumption rather than the requested number.
    public var coinsAssumed: Bool
    /// Coins that get metadata and a logo.
    public var infoCoins: Int
    /// The calls, per endpoint.
    public var lines: [Line]
    /// Total API calls (key/info included).
    public var calls: Int
    /// Total predicted credits.
    public var credits: Int
    /// Logo downloads (free of credits).
    public var logos: Int
    /// Credits the key has left this month, when known.
    public var monthlyCreditsLeft: Int?
    /// Credits the key has left today, when the plan has a daily cap.
    public var dailyCreditsLeft: Int?
    /// The plan's calls per minute, when known.
    public var callsPerMinute: Int?

    /// What `--limit all` assumes when no earlier run tells the number of listed coins.
    public static let assumedListedCoins = 10_000

    /// Computes the plan.
    ///
    /// - Parameters:
    ///   - configuration: the run's configuration.
    ///   - listedCoins: the number of listed coins, when known from an earlier run.
    ///   - keyInfo: the key's plan and usage, when a key is available.
    ///   - rules: the credit rules.
    public static func make(
        _ configuration: CollectConfiguration,
        listedCoins: Int?,
        keyInfo: KeyInfo?,
        rules: CreditRules = CreditRules()
    ) -> CollectPlan {
        let coins: Int
        let assumed: Bool
        switch configuration.limit {
        case .count(let count):
            coins = listedCoins.map { min($0, count) } ?? count
            assumed = false
        case .all:
            coins = listedCoins ?? assumedListedCoins
            assumed = true
        }
        var lines: [Line] = []
        var remaining = coins
        var listingCalls = 0
        var listingCredits = 0
        while remaining > 0 {
            let rows = min(remaining, ListingsQuery.maxLimit)
            listingCalls += 1
            listingCredits += rules.listings(rows: rows, converts: max(1, configuration.convert.count))
            remaining -= rows
        }
        lines.append(Line(endpoint: CMCEndpoint.Path.listingsLatest, calls: listingCalls, credits: listingCredits))
        let infoCoins = configuration.infoIDs(from: Array(0..<coins)).count
        let batches = CMCClient.batches(of: Array(0..<infoCoins), size: configuration.batchSize)
        if !batches.isEmpty {
            lines.append(
                Line(
                    endpoint: CMCEndpoint.Path.info,
                    calls: batches.count,
                    credits: batches.map { rules.info(coins: $0.count) }.reduce(0, +)
                )
            )
        }
        lines.append(Line(endpoint: CMCEndpoint.Path.keyInfo, calls: 1, credits: 0))
        return CollectPlan(
            coins: coins,
            coinsAssumed: assumed,
            infoCoins: infoCoins,
            lines: lines,
            calls: lines.map(\.calls).reduce(0, +),
            credits: lines.map(\.credits).reduce(0, +),
            logos: infoCoins,
            monthlyCreditsLeft: keyInfo?.usage.currentMonth?.creditsLeft,
            dailyCreditsLeft: keyInfo?.usage.currentDay?.creditsLeft,
            callsPerMinute: keyInfo?.plan.rateLimitMinute
        )
    }

    /// A short table for people.
    public var text: String {
        var rows = lines.map { line in
            "  \(line.endpoint.padding(toLength: 36, withPad: " ", startingAt: 0)) \(String(line.calls).leftPad(5)) calls  \(String(line.credits).leftPad(6)) credits"
        }
        rows.insert(
            "Plan for \(coins) coins\(coinsAssumed ? " (assumed for --limit all; CMC lists roughly this many)" : ""), metadata and logos for \(infoCoins):",
            at: 0
        )
        rows.append(
            "  \("total".padding(toLength: 36, withPad: " ", startingAt: 0)) \(String(calls).leftPad(5)) calls  \(String(credits).leftPad(6)) credits"
        )
        rows.append("  logos: \(logos) downloads (no credits; cached logos cost no download)")
        if let callsPerMinute { rows.append("  the key allows \(callsPerMinute) calls per minute") }
        if let monthlyCreditsLeft { rows.append("  the key has \(monthlyCreditsLeft) credits left this month") }
        if let dailyCreditsLeft { rows.append("  the key has \(dailyCreditsLeft) credits left today") }
        return rows.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
