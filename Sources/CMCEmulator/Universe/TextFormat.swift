import Foundation

/// Small locale-independent number formatting for generated description text.
enum TextFormat {
    /// `1234567.891` → `"1,234,567.89"` with `decimals` fraction digits (no grouping in the fraction).
    static func grouped(_ value: Double, decimals: Int) -> String {
        let negative = value < 0
        let scale = pow(10, Double(decimals))
        let scaled = (abs(value) * scale).rounded()
        guard scaled.isFinite, scaled < 9e18 else { return String(format: "%.\(decimals)f", value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var digits = Array(String(whole))
        var groupedWhole = ""
        while digits.count > 3 {
            groupedWhole = "," + String(digits.suffix(3)) + groupedWhole
            digits.removeLast(3)
        }
        groupedWhole = String(digits) + groupedWhole
        var result = (negative ? "-" : "") + groupedWhole
        if decimals > 0 {
            let fractionText = String(fraction)
            result += "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
        }
        return result
    }

    /// Prices with 8 significant fraction digits for small values, 2–8 for large ones, like CMC's text.
    static func price(_ value: Double) -> String {
        if value >= 1 { return grouped(value, decimals: 8) }
        if value <= 0 { return "0" }
        let leadingZeros = max(0, Int((-log10(value)).rounded(.down)))
        let decimals = min(leadingZeros + 8, 17)
        return grouped(value, decimals: decimals)
    }
}
