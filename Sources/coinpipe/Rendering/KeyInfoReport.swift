import CMCModels
import Foundation

/// Renders `/v1/key/info` for people.
enum KeyInfoReport {
    /// A short aligned text report.
    static func text(_ info: KeyInfo, baseURL: URL) -> String {
        func number(_ value: Int?) -> String {
            guard let value else { return "–" }
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.groupingSeparator = ","
            formatter.usesGroupingSeparator = true
            return formatter.string(from: NSNumber(value: value)) ?? String(value)
        }
        let plan = info.plan
        let usage = info.usage
        var rows: [(String, String)] = [
            ("API", baseURL.absoluteString),
            ("Calls per minute", number(plan.rateLimitMinute)),
            (
                "This minute",
                "\(number(usage.currentMinute?.requestsMade)) made, \(number(usage.currentMinute?.requestsLeft)) left"
            ),
        ]
        if plan.creditLimitDaily != nil || usage.currentDay?.creditsLeft != nil {
            rows.append(("Daily credits", number(plan.creditLimitDaily)))
            rows.append(
                (
                    "Today",
                    "\(number(usage.currentDay?.creditsUsed)) used, \(number(usage.currentDay?.creditsLeft)) left"
                )
            )
            if let reset = plan.creditLimitDailyResetTimestamp { rows.append(("Daily reset", reset)) }
        } else if let used = usage.currentDay?.creditsUsed {
            rows.append(("Today", "\(number(used)) used (no daily limit on this plan)"))
        }
        rows.append(("Monthly credits", number(plan.creditLimitMonthly)))
        rows.append(
            (
                "This month",
                "\(number(usage.currentMonth?.creditsUsed)) used, \(number(usage.currentMonth?.creditsLeft)) left"
            )
        )
        if let reset = plan.creditLimitMonthlyResetTimestamp {
            rows.append(("Monthly reset", reset + (plan.creditLimitMonthlyReset.map { " (\($0))" } ?? "")))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
    }

    /// The key information as pretty JSON (the API's own field names).
    static func json(_ info: KeyInfo) -> String {
        let encoder = CMCJSON.makeEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(info) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
