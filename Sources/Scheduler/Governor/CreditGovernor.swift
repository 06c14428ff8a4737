public import CMCModels
public import Foundation

/// Spreads a key's credits over the time left until they reset, stretching the schedule when needed.
///
/// CMC sells credits per month (and some plans per day too). A schedule that spends them faster than that
/// ends in `429`/`1010` days before the reset; the governor instead computes what the requested interval
/// would cost until each reset — listings-only runs on every tick, plus the metadata runs on their slower
/// cadence — and, when that is more than the key has left, picks the smallest whole number of minutes
/// that fits. When not even one run fits before a reset, it pauses the schedule until that reset.
///
/// The governor is a pure function of its inputs (key/info, the time, the estimated cost of each kind of
/// run), so it is tested without a server and without waiting.
public struct CreditGovernor: Sendable {
    /// The estimated credits of one run of each kind.
    public struct Costs: Sendable, Hashable {
        /// A listings-only run.
        public var listingsRun: Int
        /// A run that also fetches metadata (and logos, which are free).
        public var infoRun: Int

        /// Creates costs; `infoRun` is raised to at least `listingsRun`.
        public init(listingsRun: Int, infoRun: Int) {
            self.listingsRun = max(0, listingsRun)
            self.infoRun = max(self.listingsRun, infoRun)
        }
    }

    /// Which of the key's limits a decision is about.
    public enum Period: String, Sendable, Hashable {
        /// The monthly credits.
        case month
        /// The daily credits (only some plans have them).
        case day
    }

    /// What the schedule should do.
    public struct Decision: Sendable, Hashable {
        /// The interval to run at: the requested one, or a longer one that fits the credits left.
        public var interval: ScheduleInterval
        /// When set, no run fits before this reset: the schedule waits until then.
        public var pausedUntil: Date?
        /// What was changed and why, for the log; `nil` when the requested interval fits.
        public var message: String?
        /// Credits left this month, from key/info.
        public var monthlyCreditsLeft: Int?
        /// Credits left today, when the plan has a daily limit.
        public var dailyCreditsLeft: Int?

        /// Whether the governor changed the requested schedule.
        public var isStretched: Bool { message != nil }
    }

    /// The interval the user asked for.
    public var requested: ScheduleInterval
    /// The cadence of the metadata runs.
    public var infoEvery: ScheduleInterval
    /// The estimated cost of each kind of run.
    public var costs: Costs

    /// Creates a governor.
    public init(requested: ScheduleInterval, infoEvery: ScheduleInterval, costs: Costs) {
        self.requested = requested
        self.infoEvery = infoEvery
        self.costs = costs
    }

    /// Decides the interval from the key's plan and usage.
    ///
    /// - Parameters:
    ///   - keyInfo: `/v1/key/info`'s answer.
    ///   - now: the current time.
    /// - Returns: the requested interval when the credits left cover it until each reset, else the smallest
    ///   whole number of minutes that does, or a pause until the reset when not even one run fits.
    public func decide(keyInfo: KeyInfo, now: Date) -> Decision {
        var decision = Decision(
            interval: requested,
            pausedUntil: nil,
            message: nil,
            monthlyCreditsLeft: Self.monthlyCreditsLeft(keyInfo),
            dailyCreditsLeft: Self.dailyCreditsLeft(keyInfo)
        )
        var limits: [(Period, Int, Date)] = []
        if let left = decision.monthlyCreditsLeft {
            limits.append((.month, left, Self.monthlyReset(keyInfo, now: now)))
        }
        if let left = decision.dailyCreditsLeft {
            limits.append((.day, left, Self.dailyReset(keyInfo, now: now)))
        }
        var overruns: [String] = []
        var pauses: [String] = []
        for (period, left, reset) in limits {
            let window = reset.timeIntervalSince(now)
            guard window > 0 else { continue }
            if let fitting = smallestFittingInterval(left: left, window: window) {
                guard fitting > requested else { continue }
                decision.interval = max(decision.interval, fitting)
                overruns.append(
                    "--every \(requested) would use \(cost(every: requested, window: window)) credits by \(Self.iso(reset)), "
                        + "\(left) left" + (period == .day ? " today" : "")
                )
            } else {
                decision.pausedUntil = max(decision.pausedUntil ?? reset, reset)
                pauses.append(
                    "\(left) credits left \(period == .day ? "today" : "this month") do not pay for one run "
                        + "(about \(costs.infoRun) credits): pausing until the \(period == .day ? "daily" : "monthly") "
                        + "reset at \(Self.iso(reset))"
                )
            }
        }
        var messages = pauses
        if !overruns.isEmpty {
            messages.insert(overruns.joined(separator: "; ") + ": running every \(decision.interval) instead", at: 0)
        }
        if !messages.isEmpty { decision.message = messages.joined(separator: "; ") }
        return decision
    }

    /// The credits a schedule at `every` would use in the next `window` seconds (the first tick included).
    public func cost(every interval: ScheduleInterval, window: TimeInterval) -> Int {
        guard window > 0 else { return 0 }
        let runs = Int((window / Double(interval.seconds)).rounded(.up))
        let infoRuns = min(runs, Int((window / Double(infoEvery.seconds)).rounded(.up)))
        return runs * costs.listingsRun + infoRuns * (costs.infoRun - costs.listingsRun)
    }

    /// The smallest interval, at least the requested one and a whole number of minutes when stretched,
    /// whose cost over `window` is at most `left`; `nil` when not even a single run fits.
    func smallestFittingInterval(left: Int, window: TimeInterval) -> ScheduleInterval? {
        if cost(every: requested, window: window) <= left { return requested }
        let firstMinutes = (requested.seconds + 59) / 60
        let lastMinutes = max(firstMinutes, Int((window / 60).rounded(.up)))
        // The cost only falls as the interval grows, so the first fitting minute is found by bisection.
        var low = firstMinutes
        var high = lastMinutes
        guard cost(every: ScheduleInterval(seconds: high * 60), window: window) <= left else { return nil }
        while low < high {
            let middle = (low + high) / 2
            if cost(every: ScheduleInterval(seconds: middle * 60), window: window) <= left {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return ScheduleInterval(seconds: low * 60)
    }

    // MARK: - Reading key/info

    /// Credits left this month: `usage.current_month.credits_left`, else the plan's limit minus the credits used.
    public static func monthlyCreditsLeft(_ info: KeyInfo) -> Int? {
        if let left = info.usage.currentMonth?.creditsLeft { return max(0, left) }
        if let limit = info.plan.creditLimitMonthly, let used = info.usage.currentMonth?.creditsUsed {
            return max(0, limit - used)
        }
        return nil
    }

    /// Credits left today, only when the plan has a daily limit (2025–2026 keys report none).
    public static func dailyCreditsLeft(_ info: KeyInfo) -> Int? {
        if let left = info.usage.currentDay?.creditsLeft { return max(0, left) }
        if let limit = info.plan.creditLimitDaily, let used = info.usage.currentDay?.creditsUsed {
            return max(0, limit - used)
        }
        return nil
    }

    /// When the monthly credits reset: key/info's timestamp, else the 1st of next month at UTC midnight.
    public static func monthlyReset(_ info: KeyInfo, now: Date) -> Date {
        if let text = info.plan.creditLimitMonthlyResetTimestamp, let date = parseTimestamp(text), date > now {
            return date
        }
        return startOfNextMonthUTC(after: now)
    }

    /// When the daily credits reset: key/info's timestamp, else the next UTC midnight.
    public static func dailyReset(_ info: KeyInfo, now: Date) -> Date {
        if let text = info.plan.creditLimitDailyResetTimestamp, let date = parseTimestamp(text), date > now {
            return date
        }
        return nextMidnightUTC(after: now)
    }

    /// Parses CMC's ISO 8601 timestamps, with or without fractional seconds.
    public static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// The next UTC midnight after `date`.
    public static func nextMidnightUTC(after date: Date) -> Date {
        let calendar = utcCalendar
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? date.addingTimeInterval(86_400)
    }

    /// The first day of the month after `date`, at UTC midnight.
    public static func startOfNextMonthUTC(after date: Date) -> Date {
        let calendar = utcCalendar
        let components = calendar.dateComponents([.year, .month], from: date)
        guard let start = calendar.date(from: components),
            let next = calendar.date(byAdding: .month, value: 1, to: start)
        else { return date.addingTimeInterval(30 * 86_400) }
        return next
    }

    private static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
