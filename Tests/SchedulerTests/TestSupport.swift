import CMCClient
import CMCModels
import Collector
import Foundation
import InMemoryLogging
import Logging
import Scheduler

/// A wall clock that moves only when told to, or when slept on: sleeping jumps straight to the wake-up time.
///
/// Sleeping past `horizon` throws `CancellationError`, which ends a schedule the way cancelling it would.
final class VirtualClock: WallClock, @unchecked Sendable {
    // `current` is only read and written under `lock`.
    private let lock = NSLock()
    private var current: Date
    let horizon: Date

    init(start: Date, horizon: Date) {
        self.current = start
        self.horizon = horizon
    }

    func now() -> Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let passedHorizon: Bool = lock.withLock {
            let target = current.addingTimeInterval(seconds)
            if target > horizon {
                current = horizon
                return true
            }
            current = target
            return false
        }
        if passedHorizon { throw CancellationError() }
        await Task.yield()
    }
}

/// A ``ScheduledWork`` that records its calls, takes virtual time and answers from a script.
struct ScriptedWork: ScheduledWork {
    struct Call: Sendable, Hashable {
        var at: Date
        var withInfo: Bool
    }

    /// Calls made so far, and whether two ever overlapped.
    actor Recorder {
        var calls: [Call] = []
        var inFlight = 0
        var overlapped = false

        func begin(_ call: Call) -> Int {
            inFlight += 1
            if inFlight > 1 { overlapped = true }
            calls.append(call)
            return calls.count - 1
        }

        func end() { inFlight -= 1 }
    }

    let clock: VirtualClock
    var info: KeyInfo = ScriptedWork.plentifulKey
    var listingsCredits = 1
    var infoCredits = 2
    /// Seconds of virtual time each run takes, by run index.
    var runSeconds: @Sendable (Int) -> TimeInterval = { _ in 20 }
    /// The outcome of each run, by run index.
    var outcome: @Sendable (Int, Bool) -> ScheduledRunOutcome = { _, _ in ScheduledRunOutcome(status: .complete) }
    let recorder = Recorder()

    func keyInfo() async throws -> KeyInfo { info }

    func estimatedCredits(withInfo: Bool) -> Int { withInfo ? infoCredits : listingsCredits }

    func collect(withInfo: Bool) async throws -> ScheduledRunOutcome {
        // To the hundredth of a second: the scheduler rounds its sleeps up to the millisecond.
        let at = Date(timeIntervalSince1970: (clock.now().timeIntervalSince1970 * 100).rounded() / 100)
        let index = await recorder.begin(Call(at: at, withInfo: withInfo))
        await Task.yield()
        clock.advance(by: runSeconds(index))
        await recorder.end()
        return outcome(index, withInfo)
    }

    /// A key with far more credits than any schedule here needs.
    static let plentifulKey = KeyInfo(
        plan: .init(creditLimitMonthly: 10_000_000, rateLimitMinute: 30),
        usage: .init(currentMonth: .init(creditsUsed: 0, creditsLeft: 10_000_000))
    )
}

/// A UTC date from its parts.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Double = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let whole = Int(second)
    let date = calendar.date(
        from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: whole)
    )!
    return date.addingTimeInterval(second - Double(whole))
}

/// A logger whose entries the test can read.
func recordingLogger() -> (Logger, InMemoryLogHandler) {
    let handler = InMemoryLogHandler()
    var logger = Logger(label: "test.schedule", factory: { _ in handler })
    logger.logLevel = .debug
    return (logger, handler)
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coinpipe-schedule-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
