/// `GET /v1/key/info` (cmc-api.md §2.6): the modern shape, with the daily fields only when the plan has
/// a daily cap.
enum KeyInfoEndpoint {
    static let path = "/v1/key/info"

    static func write(_ w: inout JSONWriter, plan: EmulatorPlan, usage: KeyLedger.Usage, nowMilliseconds: Int64) {
        let today = Timestamp.floorDivide(nowMilliseconds, Timestamp.millisecondsPerDay)
        let nextDay = (today + 1) * Timestamp.millisecondsPerDay
        let civil = Timestamp.civil(days: today)
        let nextMonth =
            (civil.month == 12
                ? Timestamp.days(year: civil.year + 1, month: 1, day: 1)
                : Timestamp.days(year: civil.year, month: civil.month + 1, day: 1)) * Timestamp.millisecondsPerDay
        w.raw("{\"plan\":{")
        if let daily = plan.dailyCredits {
            w.raw("\"credit_limit_daily\":")
            w.int(daily)
            w.raw(",\"credit_limit_daily_reset\":")
            w.string(countdown(from: nowMilliseconds, to: nextDay))
            w.raw(",\"credit_limit_daily_reset_timestamp\":")
            w.plainString(Timestamp.iso8601(milliseconds: nextDay))
            w.raw(",")
        }
        w.raw("\"credit_limit_monthly\":")
        w.int(plan.monthlyCredits)
        w.raw(",\"credit_limit_monthly_reset\":")
        w.string(countdown(from: nowMilliseconds, to: nextMonth))
        w.raw(",\"credit_limit_monthly_reset_timestamp\":")
        w.plainString(Timestamp.iso8601(milliseconds: nextMonth))
        w.raw(",\"rate_limit_minute\":")
        w.int(plan.rateLimitPerMinute)
        w.raw("},\"usage\":{\"current_minute\":{\"requests_made\":")
        w.int(usage.requestsMade)
        w.raw(",\"requests_left\":")
        w.int(usage.requestsLeft)
        w.raw("},\"current_day\":{\"credits_used\":")
        w.int(usage.dayCreditsUsed)
        if let left = usage.dayCreditsLeft {
            w.raw(",\"credits_left\":")
            w.int(left)
        }
        w.raw("},\"current_month\":{\"credits_used\":")
        w.int(usage.monthCreditsUsed)
        w.raw(",\"credits_left\":")
        w.int(usage.monthCreditsLeft)
        w.raw("}}}")
    }

    /// `"In 9 days, 6 hours, 27 minutes"`, leading zero units left out.
    static func countdown(from now: Int64, to target: Int64) -> String {
        let minutes = max(0, (target - now) / 60_000)
        let days = minutes / 1440
        let hours = minutes / 60 % 24
        let rest = minutes % 60
        var parts: [String] = []
        func unit(_ value: Int64, _ name: String) -> String { "\(value) \(name)\(value == 1 ? "" : "s")" }
        if days > 0 { parts.append(unit(days, "day")) }
        if days > 0 || hours > 0 { parts.append(unit(hours, "hour")) }
        parts.append(unit(rest, "minute"))
        return "In " + parts.joined(separator: ", ")
    }
}
