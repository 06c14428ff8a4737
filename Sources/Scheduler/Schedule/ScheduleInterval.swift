import Foundation

/// A whole number of seconds written the way people write durations: `90s`, `5m`, `1h`, `1h30m`, `2d`.
///
/// The units are `d`, `h`, `m` and `s`, each at most once and in that order; a bare number means seconds.
///
/// ```swift
/// ScheduleInterval(parsing: "1h30m")?.seconds   // 5400
/// ScheduleInterval(seconds: 90).description      // "1m30s"
/// ```
public struct ScheduleInterval: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Int

    /// An interval of `seconds` seconds.
    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Parses `90s`, `5m`, `1h`, `1h30m`, `24h`, `2d` or a bare number of seconds.
    ///
    /// - Returns: `nil` for text that is not such a duration, or that is zero.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        if let bare = Int(text) {
            guard bare > 0 else { return nil }
            self.seconds = bare
            return
        }
        let units: [(Character, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var total = 0
        var digits = ""
        var nextUnit = 0
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let index = units.firstIndex(where: { $0.0 == character }), index >= nextUnit,
                let value = Int(digits)
            else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: units[index].1)
            guard !overflow else { return nil }
            total += product
            digits = ""
            nextUnit = index + 1
        }
        guard digits.isEmpty, total > 0 else { return nil }
        self.seconds = total
    }

    /// The interval as a `Duration`.
    public var duration: Duration { .seconds(seconds) }

    /// The shortest spelling, such as `5m`, `1h30m` or `1m30s`.
    public var description: String {
        var rest = seconds
        var text = ""
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text.isEmpty ? "0s" : text
    }

    public static func < (lhs: ScheduleInterval, rhs: ScheduleInterval) -> Bool { lhs.seconds < rhs.seconds }

    /// One minute: the shortest schedule interval (CMC refreshes listings every 60 s).
    public static let minute = ScheduleInterval(seconds: 60)
}
