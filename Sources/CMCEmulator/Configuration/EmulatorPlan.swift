/// A CMC subscription plan as the emulator enforces it.
///
/// The presets follow `cmc-api.md` §5. `maxConverts` per plan is not documented by CMC; the presets use
/// 1, 2, 3, 4 and 5 conversions for Basic to Professional and 120 (the API maximum) for ``unlimited``.
public struct EmulatorPlan: Sendable, Equatable {
    /// The plan's display name, e.g. `"Basic"`.
    public var name: String
    /// Calls allowed per rate-limit window (the UTC minute by default).
    public var rateLimitPerMinute: Int
    /// Credits per calendar month (UTC); a call that would exceed it gets 429/1010.
    public var monthlyCredits: Int
    /// Credits per UTC day, when the plan has a daily cap; a call that would exceed it gets 429/1009.
    public var dailyCredits: Int?
    /// API paths this plan may not call; they answer 403/1006.
    public var deniedEndpoints: Set<String>
    /// How many `convert`/`convert_id` values one call may name.
    public var maxConverts: Int

    /// Creates a plan.
    public init(
        name: String,
        rateLimitPerMinute: Int,
        monthlyCredits: Int,
        dailyCredits: Int? = nil,
        deniedEndpoints: Set<String> = [],
        maxConverts: Int = 1
    ) {
        self.name = name
        self.rateLimitPerMinute = rateLimitPerMinute
        self.monthlyCredits = monthlyCredits
        self.dailyCredits = dailyCredits
        self.deniedEndpoints = deniedEndpoints
        self.maxConverts = maxConverts
    }

    /// The endpoints the 2022 spec reserves for Standard and above.
    public static let historicalEndpoints: Set<String> = [
        "/v1/cryptocurrency/listings/historical",
        "/v1/cryptocurrency/quotes/historical",
        "/v2/cryptocurrency/quotes/historical",
        "/v3/cryptocurrency/quotes/historical",
        "/v1/cryptocurrency/ohlcv/historical",
        "/v2/cryptocurrency/ohlcv/historical",
        "/v1/global-metrics/quotes/historical",
        "/v1/exchange/listings/latest",
        "/v1/exchange/quotes/latest",
        "/v1/exchange/market-pairs/latest",
        "/v2/cryptocurrency/market-pairs/latest",
    ]

    /// Free plan: 30 calls/min, 10,000 credits/month, no daily cap, no historical endpoints, 1 convert.
    public static let basic = EmulatorPlan(
        name: "Basic",
        rateLimitPerMinute: 30,
        monthlyCredits: 10_000,
        deniedEndpoints: historicalEndpoints,
        maxConverts: 1
    )
    /// Hobbyist: 30 calls/min, 40,000 credits/month, no historical endpoints, 2 converts.
    public static let hobbyist = EmulatorPlan(
        name: "Hobbyist",
        rateLimitPerMinute: 30,
        monthlyCredits: 40_000,
        deniedEndpoints: historicalEndpoints,
        maxConverts: 2
    )
    /// Startup: 30 calls/min, 120,000 credits/month, no historical endpoints, 3 converts.
    public static let startup = EmulatorPlan(
        name: "Startup",
        rateLimitPerMinute: 30,
        monthlyCredits: 120_000,
        deniedEndpoints: historicalEndpoints,
        maxConverts: 3
    )
    /// Standard: 60 calls/min, 500,000 credits/month, 4 converts.
    public static let standard = EmulatorPlan(
        name: "Standard",
        rateLimitPerMinute: 60,
        monthlyCredits: 500_000,
        maxConverts: 4
    )
    /// Professional: 90 calls/min, 3,000,000 credits/month, 5 converts.
    public static let professional = EmulatorPlan(
        name: "Professional",
        rateLimitPerMinute: 90,
        monthlyCredits: 3_000_000,
        maxConverts: 5
    )
    /// For benchmarks: 1,000,000 calls/min, a practically endless credit budget, 120 converts.
    public static let unlimited = EmulatorPlan(
        name: "Unlimited",
        rateLimitPerMinute: 1_000_000,
        monthlyCredits: 1_000_000_000_000,
        maxConverts: 120
    )

    /// The presets by lowercase name, as the `--plan` flag spells them.
    public static let presets: [String: EmulatorPlan] = [
        "basic": .basic,
        "hobbyist": .hobbyist,
        "startup": .startup,
        "standard": .standard,
        "professional": .professional,
        "unlimited": .unlimited,
    ]

    /// Looks up a preset by name, ignoring case.
    ///
    /// - Throws: ``EmulatorConfigurationError`` listing the known names.
    public static func named(_ name: String) throws(EmulatorConfigurationError) -> EmulatorPlan {
        guard let plan = presets[name.lowercased()] else {
            let known = presets.keys.sorted().joined(separator: ", ")
            throw .invalid("unknown plan \"\(name)\"; known plans: \(known)")
        }
        return plan
    }

    func validate() throws(EmulatorConfigurationError) {
        guard rateLimitPerMinute >= 1 else { throw .invalid("plan rateLimitPerMinute must be at least 1") }
        guard monthlyCredits >= 0 else { throw .invalid("plan monthlyCredits must not be negative") }
        if let dailyCredits, dailyCredits < 0 { throw .invalid("plan dailyCredits must not be negative") }
        guard (1...120).contains(maxConverts) else { throw .invalid("plan maxConverts must be 1...120") }
    }
}
