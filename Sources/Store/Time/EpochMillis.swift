public import Foundation

/// An instant as whole milliseconds since 1970-01-01T00:00:00Z: the store's one representation of time.
///
/// CMC timestamps (`2024-05-01T11:59:00.000Z`) have millisecond precision. Keeping them as an integer makes
/// the unique key `(coin, convert, last_updated)` exact in both engines: SQLite stores the canonical text
/// (``iso8601``), PostgreSQL a `timestamptz` computed from the integer, never from a rounded `Double`.
public struct EpochMillis: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    public var value: Int64

    /// Creates an instant from milliseconds since the Unix epoch.
    ///
    /// - Parameter value: Milliseconds since 1970-01-01T00:00:00Z.
    public init(_ value: Int64) {
        self.value = value
    }

    /// Creates an instant from a `Date`, rounded to the nearest millisecond.
    ///
    /// - Parameter date: The date.
    public init(_ date: Date) {
        self.value = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant as a `Date`.
    public var date: Date {
        Date(timeIntervalSince1970: Double(value) / 1000)
    }

    /// The canonical text form, `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC (what CMC sends).
    public var iso8601: String {
        let days = value >= 0 ? value / 86_400_000 : (value - 86_399_999) / 86_400_000
        let millisOfDay = value - days * 86_400_000
        let (year, month, day) = Self.civil(fromDays: days)
        let hour = millisOfDay / 3_600_000
        let minute = millisOfDay / 60_000 % 60
        let second = millisOfDay / 1000 % 60
        let millis = millisOfDay % 1000
        var text = ""
        text.reserveCapacity(24)
        text += Self.padded(year, 4)
        text += "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        text += "T" + Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2)
        text += "." + Self.padded(millis, 3) + "Z"
        return text
    }

    public var description: String { iso8601 }

    public static func < (lhs: EpochMillis, rhs: EpochMillis) -> Bool {
        lhs.value < rhs.value
    }

    // MARK: - Parsing

    /// Parses an ISO 8601 timestamp: `2024-05-01T11:59:00.000Z`, with or without fractional seconds, with
    /// `Z` or a `±hh:mm` offset, a space instead of `T`, or a bare date (`2024-05-01`, midnight UTC).
    ///
    /// Fractions beyond milliseconds are truncated. Returns `nil` for anything else.
    ///
    /// - Parameter text: The text to parse.
    public init?(iso8601 text: String) {
        var text = text
        guard let value = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.value = value
    }

    /// Parses ISO 8601 text given as UTF-8 bytes (see ``init(iso8601:)``); no allocation.
    init?(iso8601Bytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = Self.parse(bytes) else { return nil }
        self.value = value
    }

    /// Milliseconds since the epoch of an ISO 8601 text, or `nil`.
    private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var position = 0
        func number(_ count: Int) -> Int64? {
            guard text.count - position >= count else { return nil }
            var result: Int64 = 0
            for offset in position..<(position + count) {
                let byte = text[offset]
                guard byte >= 48, byte <= 57 else { return nil }
                result = result * 10 + Int64(byte - 48)
            }
            position += count
            return result
        }
        func expect(_ character: UInt8) -> Bool {
            guard position < text.count, text[position] == character else { return false }
            position += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var millisOfDay: Int64 = 0
        var offsetMillis: Int64 = 0
        if position < text.count {
            guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")) || expect(UInt8(ascii: "t")),
                let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2),
                hour < 24, minute < 60
            else { return nil }
            var second: Int64 = 0
            var millis: Int64 = 0
            if expect(UInt8(ascii: ":")) {
                guard let parsed = number(2), parsed < 61 else { return nil }
                second = parsed
                if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                    var digits = 0
                    while position < text.count, text[position] >= 48, text[position] <= 57 {
                        if digits < 3 { millis = millis * 10 + Int64(text[position] - 48) }
                        digits += 1
                        position += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<max(digits, 3) { millis *= 10 }
                }
            }
            millisOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + millis
            if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) {
                offsetMillis = 0
            } else if position < text.count, text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-")
            {
                let sign: Int64 = text[position] == UInt8(ascii: "+") ? 1 : -1
                position += 1
                guard let offsetHours = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                let offsetMinutes = number(2) ?? 0
                offsetMillis = (offsetHours * 60 + offsetMinutes) * 60_000 * sign
            }
        }
        guard position == text.count else { return nil }
        return days(fromCivil: year, month, day) * 86_400_000 + millisOfDay - offsetMillis
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, H. Hinnant's algorithms)

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func padded(_ number: Int64, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
