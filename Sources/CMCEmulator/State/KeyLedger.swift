import Foundation

/// The live counters of the one API key: calls in the current rate window and credits used today and
/// this month (UTC), with CMC's admission rules.
actor KeyLedger {
    /// What `/v1/key/info` reports.
    struct Usage: Sendable {
        let requestsMade: Int
        let requestsLeft: Int
        let dayCreditsUsed: Int
        let monthCreditsUsed: Int
        let monthCreditsLeft: Int
        let dayCreditsLeft: Int?
    }

    enum ChargeResult: Sendable, Equatable {
        case charged(notice: String?)
        case dailyLimitReached
        case monthlyLimitReached
    }

    private let plan: EmulatorPlan
    private let windowMilliseconds: Int64
    private var window: Int64 = .min
    private var windowCalls = 0
    private var day: Int64 = .min
    private var dayCredits = 0
    private var month: Int = .min
    private var monthCredits = 0

    init(plan: EmulatorPlan, rateLimitWindow: Duration) {
        self.plan = plan
        let components = rateLimitWindow.components
        self.windowMilliseconds = max(1, components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }

    /// Counts a call arriving at `date`; `false` when the window's allowance is already used up.
    func admit(at date: Date) -> Bool {
        let w = Timestamp.floorDivide(Self.milliseconds(date), windowMilliseconds)
        if w != window {
            window = w
            windowCalls = 0
        }
        guard windowCalls < plan.rateLimitPerMinute else { return false }
        windowCalls += 1
        return true
    }

    /// Charges a successful call, unless it would push the day or month over the plan's cap.
    func charge(_ credits: Int, at date: Date) -> ChargeResult {
        roll(to: date)
        if credits > 0 {
            if let daily = plan.dailyCredits, dayCredits + credits > daily { return .dailyLimitReached }
            if monthCredits + credits > plan.monthlyCredits { return .monthlyLimitReached }
        }
        dayCredits += credits
        monthCredits += credits
        var notice: String?
        if plan.monthlyCredits > 0, monthCredits * 100 >= plan.monthlyCredits * 95 {
            notice = "You have used over 95% of your API Key's monthly credits."
        } else if let daily = plan.dailyCredits, daily > 0, dayCredits * 100 >= daily * 95 {
            notice = "You have used over 95% of your API Key's daily credits."
        }
        return .charged(notice: notice)
    }

    func usage(at date: Date) -> Usage {
        roll(to: date)
        let w = Timestamp.floorDivide(Self.milliseconds(date), windowMilliseconds)
        let made = w == window ? windowCalls : 0
        return Usage(
            requestsMade: made,
            requestsLeft: max(0, plan.rateLimitPerMinute - made),
            dayCreditsUsed: dayCredits,
            monthCreditsUsed: monthCredits,
            monthCreditsLeft: max(0, plan.monthlyCredits - monthCredits),
            dayCreditsLeft: plan.dailyCredits.map { max(0, $0 - dayCredits) }
        )
    }

    private func roll(to date: Date) {
        let ms = Self.milliseconds(date)
        let today = Timestamp.floorDivide(ms, Timestamp.millisecondsPerDay)
        if today != day {
            day = today
            dayCredits = 0
        }
        let civil = Timestamp.civil(days: today)
        let thisMonth = civil.year * 12 + civil.month - 1
        if thisMonth != month {
            month = thisMonth
            monthCredits = 0
        }
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
