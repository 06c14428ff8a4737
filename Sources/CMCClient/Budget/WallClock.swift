public import Foundation

/// The source of wall-clock time and sleeping for the client.
///
/// CMC's limits are tied to wall-clock boundaries (the UTC minute, UTC midnight), so the client needs
/// real dates, not just a monotonic clock. Tests inject a clock to control time.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Suspends the task for `duration`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while sleeping.
    func sleep(for duration: Duration) async throws
}

/// The system's real clock.
public struct SystemWallClock: WallClock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number (for reports and figures; not for arithmetic on
    /// durations, which should stay `Duration`).
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A duration from a floating-point number of seconds (negative values become zero).
    static func seconds(double value: Double) -> Duration {
        .nanoseconds(Int64(max(0, value) * 1e9))
    }
}
