/// Calendar arithmetic and the two timestamp formats the emulator writes, without Foundation formatters
/// (they are slow and locale-sensitive).
enum Timestamp {
    static let millisecondsPerDay: Int64 = 86_400_000

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day number since 1970-01-01.
    static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Milliseconds since the epoch of a `yyyy-mm-dd` date at midnight UTC.
    static func milliseconds(isoDate text: String) -> Int64? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return days(year: parts[0], month: parts[1], day: parts[2]) * millisecondsPerDay
    }

    /// `2024-05-01T12:00:03.512Z`.
    static func iso8601(milliseconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendISO8601(milliseconds: milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `2024-05-01T12:00:03.512Z` (without quotes).
    static func appendISO8601(milliseconds: Int64, to bytes: inout [UInt8]) {
        let dayNumber = floorDivide(milliseconds, millisecondsPerDay)
        let msOfDay = milliseconds - dayNumber * millisecondsPerDay
        let (year, month, day) = civil(days: dayNumber)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(Int(msOfDay / 3_600_000), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int(msOfDay / 60_000 % 60), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int(msOfDay / 1000 % 60), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(Int(msOfDay % 1000), width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate of RFC 9110: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(seconds: Int64) -> String {
        let dayNumber = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - dayNumber * 86_400
        let (year, month, day) = civil(days: dayNumber)
        let weekday = weekdays[Int(((dayNumber % 7) + 7) % 7)]
        var bytes: [UInt8] = Array(weekday.utf8) + Array(", ".utf8)
        appendDigits(day, width: 2, to: &bytes)
        bytes += Array(" \(months[month - 1]) ".utf8)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendDigits(Int(secondOfDay / 3600), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int(secondOfDay / 60 % 60), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int(secondOfDay % 60), width: 2, to: &bytes)
        bytes += Array(" GMT".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into seconds since the epoch.
    static func parseHTTPDate(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT",
            let day = Int(parts[1]),
            let monthIndex = months.firstIndex(where: { $0 == parts[2] }),
            let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let dayNumber = days(year: year, month: monthIndex + 1, day: day)
        return dayNumber * 86_400 + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var remaining = Swift.max(0, value)
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        if digits.count < width {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
        }
        bytes.append(contentsOf: digits.reversed())
    }
}
