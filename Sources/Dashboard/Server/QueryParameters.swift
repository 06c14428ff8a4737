import Foundation

/// The query string of a request, decoded as a browser's GET form encodes it (`+` is a space, then
/// percent-decoding). The first value of a repeated name wins.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    /// Parses a raw query string (without the `?`).
    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pair[0]) else { continue }
            let value = pair.count > 1 ? (Self.decode(pair[1]) ?? "") : ""
            if values[name] == nil { values[name] = value }
        }
    }

    /// The value of `name`, or `nil` when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer parameter in `range`, or `defaultValue` when absent.
    ///
    /// - Throws: ``DashboardError`` (400) when the value is not an integer in `range`.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(DashboardError) -> Int {
        guard let text = self[name] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// A convert currency code (`USD`), upper-cased, or `nil` when absent.
    ///
    /// - Throws: ``DashboardError`` (400) for anything but 1 to 16 ASCII letters and digits.
    func convert() throws(DashboardError) -> String? {
        guard let text = self["convert"] else { return nil }
        guard (1...16).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .badRequest("convert must be a currency code such as USD.")
        }
        return text.uppercased()
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
