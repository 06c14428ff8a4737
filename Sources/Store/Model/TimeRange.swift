import Foundation

/// A closed-open window of CMC `last_updated` times: `--since 7d`, or `--from … --to …`.
public struct TimeRange: Sendable, Hashable, CustomStringConvertible {
    /// The earliest time included, or `nil` for no lower bound.
    public var from: EpochMillis?
    /// The first time excluded, or `nil` for no upper bound.
    public var to: EpochMillis?

    /// Creates a range.
    ///
    /// - Parameters:
    ///   - from: The earliest time included.
    ///   - to: The first time excluded.
    public init(from: EpochMillis? = nil, to: EpochMillis? = nil) {
        self.from = from
        self.to = to
    }

    /// Every time.
    public static let all = TimeRange()

    /// Whether `time` is inside the range.
    ///
    /// - Parameter time: The time to test.
    /// - Returns: `true` when `from <= time < to`.
    public func contains(_ time: EpochMillis) -> Bool {
        (from.map { $0 <= time } ?? true) && (to.map { time < $0 } ?? true)
    }

    /// The range from `now - duration` on, for `--since 7d`.
    ///
    /// - Parameters:
    ///   - text: A duration: a number and a unit, `m` (minutes), `h`, `d` or `w`, e.g. `90m`, `12h`, `7d`, `2w`;
    ///     or an ISO 8601 time or date, used as the lower bound.
    ///   - now: The current time.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidArgument`` when `text` is neither.
    /// - Returns: The range.
    public static func since(_ text: String, now: EpochMillis) throws(StoreError) -> TimeRange {
        TimeRange(from: try instant(text, now: now, option: "--since"))
    }

    /// The range between two times, each an ISO 8601 time or date or a duration before `now`.
    ///
    /// - Parameters:
    ///   - fromText: The lower bound (`--from`), or `nil`.
    ///   - toText: The upper bound (`--to`), or `nil`.
    ///   - now: The current time.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidArgument`` when a bound cannot be read, or when
    ///   `from` is not before `to`.
    /// - Returns: The range. A bare date as `--to` includes that whole day.
    public static func between(
        from fromText: String?,
        to toText: String?,
        now: EpochMillis
    ) throws(StoreError)
        -> TimeRange
    {
        let from = try fromText.map { text throws(StoreError) in try instant(text, now: now, option: "--from") }
        var to = try toText.map { text throws(StoreError) in try instant(text, now: now, option: "--to") }
        if let toText, isBareDate(toText), let bound = to {
            to = EpochMillis(bound.value + 86_400_000)
        }
        if let from, let to, from >= to {
            throw StoreError(.invalidArgument, "--from (\(from)) must be before --to (\(to)).")
        }
        return TimeRange(from: from, to: to)
    }

    public var description: String {
        switch (from, to) {
        case (nil, nil): "all time"
        case (let from?, nil): "since \(from)"
        case (nil, let to?): "before \(to)"
        case (let from?, let to?): "\(from) to \(to)"
        }
    }

    private static func isBareDate(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).count == 10
    }

    private static func instant(_ text: String, now: EpochMillis, option: String) throws(StoreError) -> EpochMillis {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let duration = durationMillis(trimmed) {
            return EpochMillis(now.value - duration)
        }
        if let time = EpochMillis(iso8601: trimmed) {
            return time
        }
        throw StoreError(
            .invalidArgument,
            "\(option) takes a duration such as 90m, 12h, 7d or 2w, or a date such as 2024-05-01 or "
                + "2024-05-01T12:00:00Z, not '\(text)'."
        )
    }

    /// Milliseconds in `90m`, `12h`, `7d`, `2w`; `nil` for anything else.
    static func durationMillis(_ text: String) -> Int64? {
        guard let unit = text.last, let count = Int64(text.dropLast()), count >= 0 else { return nil }
        let unitMillis: Int64
        switch unit {
        case "m": unitMillis = 60_000
        case "h": unitMillis = 3_600_000
        case "d": unitMillis = 86_400_000
        case "w": unitMillis = 7 * 86_400_000
        default: return nil
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: unitMillis)
        return overflow ? nil : product
    }
}

extension TimeRange {
    /// The boundaries of `count` equal slices of a range with both ends: `count + 1` instants from `from` to
    /// `to`; `nil` when an end is missing or the range is empty.
    func slices(_ count: Int) -> [EpochMillis]? {
        guard let from, let to, to > from, count >= 1 else { return nil }
        let span = to.value - from.value
        return (0...count).map { EpochMillis(from.value + span * Int64($0) / Int64(count)) }
    }
}
