import Foundation
import Store

/// How the pages show numbers and times: prices with enough significant digits for tiny values, big numbers
/// with K/M/B/T, signed percentages, and `—` for a value CMC sent as `null`.
enum NumberFormat {
    static let missing = "—"

    /// The symbol shown before an amount in `convert` (`$` for USD), or `nil` to show the code after it.
    static func currencySymbol(_ convert: String) -> String? {
        switch convert.uppercased() {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "JPY", "CNY": "¥"
        case "KRW": "₩"
        case "INR": "₹"
        case "BTC": "₿"
        default: nil
        }
    }

    /// `$57,512.44`, `$0.9998`, `$0.00001234`, `12.5 CHF`.
    static func price(_ value: Double?, convert: String) -> String {
        guard let value, value.isFinite else { return missing }
        return money(plainPrice(value), convert: convert)
    }

    /// A price without the currency: 2 decimals from 1 up, 4 from 0.01, else 4 significant digits.
    static func plainPrice(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1 {
            return grouped(value, decimals: 2)
        }
        if magnitude >= 0.01 || magnitude == 0 {
            return grouped(value, decimals: magnitude == 0 ? 2 : 4)
        }
        if magnitude < 1e-12 {
            return String(format: "%.3e", value)
        }
        // Leading zeros after the point, then 4 significant digits.
        let decimals = Int((-log10(magnitude)).rounded(.down)) + 4
        var text = String(format: "%.\(decimals)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// `$1.13T`, `$41.32B`, `$812.40K`, `$950`.
    static func compactMoney(_ value: Double?, convert: String) -> String {
        guard let value, value.isFinite else { return missing }
        return money(compact(value), convert: convert)
    }

    /// An axis label: in the unit of `value` (K/M/B/T when `compactUnits`), with just enough decimals that
    /// labels `step` apart differ: `$1.255T`, `$63,800`, `$0.00012`.
    static func axis(_ value: Double, step: Double, convert: String, compactUnits: Bool) -> String {
        guard value.isFinite, step.isFinite, step > 0 else { return price(value, convert: convert) }
        let magnitude = abs(value)
        var scale = 1.0
        var suffix = ""
        if compactUnits {
            for (unit, name) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] where magnitude >= unit {
                scale = unit
                suffix = name
                break
            }
        }
        let decimals = max(0, min(10, Int((-log10(step / scale)).rounded(.up))))
        let text = scale == 1 ? grouped(value, decimals: decimals) : String(format: "%.\(decimals)f", value / scale)
        return money(text + suffix, convert: convert)
    }

    /// `1.13T`, `41.32B`, `812.40K`, `950`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (scale, suffix) in units where magnitude >= scale {
            return String(format: "%.2f", value / scale) + suffix
        }
        return grouped(value, decimals: magnitude < 10 && magnitude != value.rounded() ? 2 : 0)
    }

    /// A supply: `19.72M BTC`, or `—`.
    static func supply(_ value: Double?, symbol: String?) -> String {
        guard let value, value.isFinite else { return missing }
        let unit = symbol.map { " " + HTML.escape($0) } ?? ""
        return compact(value) + unit
    }

    /// `+1.23%`, `−0.45%`, `0.00%`.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let text = String(format: "%.2f", abs(value))
        if text == "0.00" { return "0.00%" }
        return (value > 0 ? "+" : "−") + text + "%"
    }

    /// The CSS class of a change: `up`, `down` or `flat`.
    static func trend(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "flat" }
        if String(format: "%.2f", abs(value)) == "0.00" { return "flat" }
        return value > 0 ? "up" : "down"
    }

    /// `1,234,567.89` with the given decimals.
    static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var result = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        if parts.count > 1 { result += "." + parts[1] }
        return (value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "") + result
    }

    /// `2026-11-29 09:41 UTC`.
    static func time(_ time: EpochMillis?) -> String {
        guard let time else { return missing }
        let text = time.iso8601
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    /// `1m 05s`, `850 ms`, `2h 03m`.
    static func duration(from start: EpochMillis, to end: EpochMillis?) -> String {
        guard let end else { return missing }
        let millis = end.value - start.value
        if millis < 0 { return missing }
        if millis < 1000 { return "\(millis) ms" }
        let seconds = millis / 1000
        if seconds < 60 { return String(format: "%.1f s", Double(millis) / 1000) }
        if seconds < 3600 { return String(format: "%dm %02ds", seconds / 60, seconds % 60) }
        return String(format: "%dh %02dm", seconds / 3600, seconds / 60 % 60)
    }

    /// An integer with separators, or `—`.
    static func count(_ value: Int?) -> String {
        guard let value else { return missing }
        return grouped(Double(value), decimals: 0)
    }

    private static func money(_ amount: String, convert: String) -> String {
        if let symbol = currencySymbol(convert) {
            if amount.hasPrefix("−") { return "−" + symbol + amount.dropFirst() }
            return symbol + amount
        }
        return amount + " " + HTML.escape(convert)
    }
}
