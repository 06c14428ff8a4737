public import Foundation

/// The instants a schedule runs at: an anchor and every interval after it.
///
/// CMC refreshes listings every 60 s, so the anchor sits a few seconds after a minute boundary (`:05`
/// by default): a run then starts just after fresh data is available, never just before.
public struct TickGrid: Sendable, Hashable {
    /// The first tick.
    public var anchor: Date
    /// The time between ticks.
    public var interval: ScheduleInterval

    /// A grid from an anchor.
    public init(anchor: Date, interval: ScheduleInterval) {
        self.anchor = anchor
        self.interval = interval
    }

    /// The grid whose first tick is the earliest minute boundary plus `offsetSeconds` at or after `now`.
    ///
    /// - Parameters:
    ///   - now: the current time.
    ///   - interval: the time between ticks.
    ///   - offsetSeconds: seconds after the minute boundary (0 to 59).
    public static func aligned(after now: Date, interval: ScheduleInterval, offsetSeconds: Int = 5) -> TickGrid {
        let offset = Double(min(max(0, offsetSeconds), 59))
        let seconds = now.timeIntervalSince1970
        var first = (seconds / 60).rounded(.down) * 60 + offset
        if first < seconds { first += 60 }
        return TickGrid(anchor: Date(timeIntervalSince1970: first), interval: interval)
    }

    /// The first tick at or after `date` (the anchor when `date` is before it).
    public func tick(atOrAfter date: Date) -> Date {
        let elapsed = date.timeIntervalSince(anchor)
        guard elapsed > 0 else { return anchor }
        let step = Double(interval.seconds)
        let count = (elapsed / step).rounded(.up)
        return anchor.addingTimeInterval(count * step)
    }

    /// The number of ticks strictly after `start` and strictly before `end`.
    public func ticks(after start: Date, before end: Date) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var tick = self.tick(atOrAfter: start)
        if tick == start { tick = tick.addingTimeInterval(Double(interval.seconds)) }
        while tick < end {
            count += 1
            tick = tick.addingTimeInterval(Double(interval.seconds))
        }
        return count
    }

    /// The same grid with another interval, anchored at `tick`.
    public func rebased(at tick: Date, interval: ScheduleInterval) -> TickGrid {
        TickGrid(anchor: tick, interval: interval)
    }
}
