public import Foundation

/// A client-side limiter on calls per fixed time window, so a run never provokes HTTP 429 / 1008.
///
/// CMC counts calls per key within each UTC minute. The limiter mirrors that: windows are aligned to
/// multiples of ``Configuration/window`` since the Unix epoch (60 s windows are exactly the UTC
/// minutes). A call is counted in the window in which it is sent **and** in the window in which it may
/// arrive, `guardInterval` later: a call sent just before a boundary therefore uses a slot on both
/// sides, so the server's count (taken on arrival) can never exceed the limit.
///
/// ```swift
/// let limiter = RateLimiter(.init(callsPerWindow: 30))
/// try await limiter.acquire()   // returns at once, or sleeps until the next window has room
/// ```
public actor RateLimiter {
    /// How many calls a window allows, and how long a window is.
    public struct Configuration: Sendable, Hashable {
        /// Calls allowed per window; `nil` means no limit is known yet (nothing is held back).
        public var callsPerWindow: Int?
        /// The window length: 60 s for CMC.
        public var window: Duration
        /// The longest time a call may take from sending to arrival at the server.
        public var guardInterval: Duration

        /// Creates a configuration. The guard defaults to 1/60 of the window (1 s for CMC's minute), at least 250 ms.
        public init(callsPerWindow: Int?, window: Duration = .seconds(60), guardInterval: Duration? = nil) {
            self.callsPerWindow = callsPerWindow.map { max(1, $0) }
            self.window = window
            self.guardInterval = guardInterval ?? max(window / 60, .milliseconds(250))
        }
    }

    /// The current configuration.
    public private(set) var configuration: Configuration
    private let clock: any WallClock
    private var counts: [Int64: Int] = [:]
    private var blockedUntil: Date?

    /// Creates a limiter.
    public init(_ configuration: Configuration, clock: any WallClock = SystemWallClock()) {
        self.configuration = configuration
        self.clock = clock
    }

    /// Changes the number of calls per window, for example once `/v1/key/info` has reported the plan; the
    /// calls already counted in the current window count against the new limit.
    public func setLimit(_ callsPerWindow: Int?) {
        configuration.callsPerWindow = callsPerWindow.map { max(1, $0) }
    }

    /// Waits until a call may be sent, then counts it.
    ///
    /// - Returns: how long the caller waited.
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    @discardableResult
    public func acquire() async throws -> Duration {
        var waited = Duration.zero
        while true {
            try Task.checkCancellation()
            let now = clock.now()
            if let blockedUntil, now < blockedUntil {
                let pause = Duration.seconds(double: blockedUntil.timeIntervalSince(now))
                try await clock.sleep(for: pause)
                waited += pause
                continue
            }
            let sendWindow = windowIndex(of: now)
            let arrivalWindow = windowIndex(of: now.addingTimeInterval(configuration.guardInterval.seconds))
            // Every call is counted, limit or not, so a limit learnt later (from key/info) knows what the
            // window has already spent.
            guard let limit = configuration.callsPerWindow,
                counts[sendWindow, default: 0] >= limit || counts[arrivalWindow, default: 0] >= limit
            else {
                counts[sendWindow, default: 0] += 1
                if arrivalWindow != sendWindow { counts[arrivalWindow, default: 0] += 1 }
                counts = counts.filter { $0.key >= sendWindow - 1 }
                return waited
            }
            let fullWindow = counts[sendWindow, default: 0] >= limit ? sendWindow : arrivalWindow
            let pause = Duration.seconds(double: start(of: fullWindow + 1).timeIntervalSince(now)) + .milliseconds(1)
            try await clock.sleep(for: pause)
            waited += pause
        }
    }

    /// Records that the server refused a call for the rate limit despite the local count: no call is
    /// sent again before the next window starts.
    ///
    /// - Returns: when the next window starts.
    @discardableResult
    public func serverRefusedCurrentWindow() -> Date {
        let next = nextWindowStart(after: clock.now())
        blockedUntil = max(blockedUntil ?? next, next)
        return next
    }

    /// Blocks every call until `date`, for example after a `Retry-After` answer.
    public func block(until date: Date) {
        blockedUntil = max(blockedUntil ?? date, date)
    }

    /// The start of the window after the one that contains `date`.
    public func nextWindowStart(after date: Date) -> Date {
        start(of: windowIndex(of: date) + 1)
    }

    /// Calls counted in the window that contains `date`.
    public func callsCounted(at date: Date) -> Int {
        counts[windowIndex(of: date), default: 0]
    }

    private func windowIndex(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / configuration.window.seconds).rounded(.down))
    }

    private func start(of index: Int64) -> Date {
        Date(timeIntervalSince1970: Double(index) * configuration.window.seconds)
    }
}
