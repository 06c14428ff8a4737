import CMCClient
import Foundation
import Synchronization
import Testing

/// The limiter counts every call, with a limit or without, so a limit learnt later applies to what the window
/// has already spent.
@Suite struct RateLimiterTests {
    /// A clock that only moves when the limiter sleeps.
    final class SteppingClock: WallClock {
        private let current: Mutex<Date>
        init(_ start: Date) { current = Mutex(start) }
        func now() -> Date { current.withLock { $0 } }
        func sleep(for duration: Duration) async throws {
            current.withLock { $0 = $0.addingTimeInterval(duration.seconds) }
        }
    }

    @Test func callsMadeBeforeTheLimitIsKnownCountAgainstIt() async throws {
        // 10 s into a UTC minute, so the 1 s guard never reaches the next window.
        let clock = SteppingClock(Date(timeIntervalSince1970: 1_764_720_010))
        let limiter = RateLimiter(.init(callsPerWindow: nil), clock: clock)
        for _ in 0..<4 { #expect(try await limiter.acquire() == .zero) }
        #expect(await limiter.callsCounted(at: clock.now()) == 4)
        await limiter.setLimit(5)
        #expect(try await limiter.acquire() == .zero, "the fifth call fits")
        let waited = try await limiter.acquire()
        #expect(waited > .seconds(49), "the sixth waits for the next minute: \(waited)")
        #expect(waited < .seconds(51))
    }
}
