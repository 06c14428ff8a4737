import CMCClient
import CMCModels
import CoinPipeTestSupport
import Collector
import Foundation
import InMemoryLogging
import Logging
import Scheduler
import Testing

/// The scheduler driven by a virtual clock and scripted runs: no server, no waiting.
@Suite struct CollectionSchedulerTests {
    @Test func ticksFallFiveSecondsPastTheMinuteThenEveryInterval() async throws {
        let clock = VirtualClock(start: utc(2026, 11, 29, 10, 0, 17.3), horizon: utc(2026, 11, 29, 10, 21))
        let work = ScriptedWork(clock: clock)
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 300)),
            work: work,
            clock: clock,
            logger: silentLogger()
        )
        let report = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        #expect(
            calls.map(\.at) == [
                utc(2026, 11, 29, 10, 1, 5), utc(2026, 11, 29, 10, 6, 5), utc(2026, 11, 29, 10, 11, 5),
                utc(2026, 11, 29, 10, 16, 5),
            ]
        )
        // The first tick collects metadata; the others, within 24 h of it, collect listings only.
        #expect(calls.map(\.withInfo) == [true, false, false, false])
        #expect(report.runs[.complete] == 4)
        #expect(report.skippedTicks == 0)
    }

    /// A run that takes no time on the schedule's clock (an injected clock that only moves when slept on) is
    /// followed by the next tick, not by the same tick again and again.
    @Test(.timeLimit(.minutes(1))) func aRunThatTakesNoTimeIsFollowedByTheNextTick() async throws {
        let start = utc(2026, 3, 15, 12, 0, 10)
        let clock = VirtualClock(start: start, horizon: utc(2026, 3, 15, 12, 3, 20))
        var work = ScriptedWork(clock: clock)
        work.runSeconds = { _ in 0 }
        let scheduler = CollectionScheduler(
            configuration: .init(every: .minute),
            work: work,
            clock: clock,
            logger: silentLogger()
        )
        let report = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        #expect(
            calls.map(\.at) == [utc(2026, 3, 15, 12, 1, 5), utc(2026, 3, 15, 12, 2, 5), utc(2026, 3, 15, 12, 3, 5)]
        )
        #expect(report.totalRuns == 3)
    }

    @Test func aTickThatComesDuringARunIsSkippedAndLogged() async throws {
        let clock = VirtualClock(start: utc(2026, 11, 29, 10, 0, 30), horizon: utc(2026, 11, 29, 10, 6))
        var work = ScriptedWork(clock: clock)
        // The first run takes 2.5 minutes: the ticks at 10:02:05 and 10:03:05 come while it is going.
        work.runSeconds = { index in index == 0 ? 150 : 10 }
        let (logger, logs) = recordingLogger()
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 60)),
            work: work,
            clock: clock,
            logger: logger
        )
        let report = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        #expect(
            calls.map(\.at) == [utc(2026, 11, 29, 10, 1, 5), utc(2026, 11, 29, 10, 4, 5), utc(2026, 11, 29, 10, 5, 5)]
        )
        #expect(report.skippedTicks == 2)
        #expect(await work.recorder.overlapped == false)
        let skipped = logs.entries.filter { "\($0.message)".hasPrefix("skipped 2 tick(s)") }
        #expect(skipped.count == 1)
        #expect(skipped.first?.level == .notice)
    }

    @Test func metadataIsRefreshedOnItsOwnCadence() async throws {
        let clock = VirtualClock(start: utc(2026, 11, 29, 0, 0, 30), horizon: utc(2026, 11, 29, 7))
        let work = ScriptedWork(clock: clock)
        let scheduler = CollectionScheduler(
            configuration: .init(
                every: ScheduleInterval(seconds: 3_600),
                infoEvery: ScheduleInterval(seconds: 3 * 3_600)
            ),
            work: work,
            clock: clock,
            logger: silentLogger()
        )
        let report = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        #expect(calls.count == 7)
        #expect(calls.map(\.withInfo) == [true, false, false, true, false, false, true])
        #expect(report.infoRuns == 3)
    }

    @Test func aFailedMetadataRunIsRetriedOnTheNextTick() async throws {
        let clock = VirtualClock(start: utc(2026, 11, 29, 10, 0, 30), horizon: utc(2026, 11, 29, 10, 4))
        var work = ScriptedWork(clock: clock)
        work.outcome = { index, _ in
            index == 0
                ? ScheduledRunOutcome(status: .failed, message: "listings: HTTP 500")
                : ScheduledRunOutcome(status: .complete)
        }
        let (logger, logs) = recordingLogger()
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 60)),
            work: work,
            clock: clock,
            logger: logger
        )
        let report = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        // The failure does not stop the schedule; the metadata run is tried again, then not again.
        #expect(calls.map(\.withInfo) == [true, true, false])
        #expect(report.runs[.failed] == 1)
        #expect(report.runs[.complete] == 2)
        #expect(logs.entries.contains { $0.level == .error && "\($0.message)".contains("the schedule goes on") })
    }

    @Test func theGovernorStretchesTheIntervalAndSaysSo() async throws {
        let start = utc(2026, 11, 21, 0, 0, 30)
        let clock = VirtualClock(start: start, horizon: utc(2026, 11, 21, 1))
        var work = ScriptedWork(clock: clock)
        work.info = KeyInfo(
            plan: .init(creditLimitMonthly: 10_000, creditLimitMonthlyResetTimestamp: "2026-12-01T00:00:00.000Z"),
            usage: .init(currentMonth: .init(creditsUsed: 9_000, creditsLeft: 1_000))
        )
        let (logger, logs) = recordingLogger()
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 300)),
            work: work,
            clock: clock,
            logger: logger
        )
        let report = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        // 1000 credits for ~10 days at 1 credit a run (2 with metadata): every 15 minutes, not 5.
        #expect(
            calls.map(\.at) == [
                utc(2026, 11, 21, 0, 1, 5), utc(2026, 11, 21, 0, 16, 5), utc(2026, 11, 21, 0, 31, 5),
                utc(2026, 11, 21, 0, 46, 5),
            ]
        )
        #expect(report.interval.seconds == 900)
        let warning = try #require(logs.entries.first { "\($0.message)".hasPrefix("--every 5m would use") })
        #expect(warning.level == .warning)
        #expect("\(warning.message)".hasSuffix("1000 left: running every 15m instead"))
    }

    /// The estimate before any run is pessimistic; once real runs show they cost less, the governor gives the
    /// requested interval back and says so.
    @Test func theIntervalComesBackWhenRealRunsCostLess() async throws {
        let start = utc(2026, 11, 21, 0, 0, 30)
        let clock = VirtualClock(start: start, horizon: utc(2026, 11, 21, 1, 0))
        var work = ScriptedWork(clock: clock)
        work.info = KeyInfo(
            plan: .init(creditLimitMonthly: 10_000, creditLimitMonthlyResetTimestamp: "2026-12-01T00:00:00.000Z"),
            usage: .init(currentMonth: .init(creditsUsed: 5_000, creditsLeft: 5_000))
        )
        // Estimated at 10 credits a run, every 5m would need ~26,000 credits by the reset; real runs cost 1
        // (~2,600 credits: it fits).
        work.listingsCredits = 10
        work.infoCredits = 10
        let cheap = try JSONDecoder().decode(
            RunSummary.self,
            from: Data(
                """
                {"run_id":"0f8c6a3e-8a4b-4c6e-9d2a-1b3c5d7e9f10","path":"/tmp/x","status":"complete",
                 "counts":{"coins":10,"info":0,"logos_expected":0,"logos_downloaded":0,"logos_cached":0,
                 "logos_failed":0,"diagnostics":0},
                 "credits_used":1,"duration_s":1,"stage_s":{},"failures":[]}
                """.utf8
            )
        )
        work.outcome = { _, _ in ScheduledRunOutcome(status: .complete, summary: cheap) }
        let (logger, logs) = recordingLogger()
        let scheduler = CollectionScheduler(
            configuration: .init(
                every: ScheduleInterval(seconds: 300),
                keyInfoRefresh: ScheduleInterval(seconds: 60)
            ),
            work: work,
            clock: clock,
            logger: logger
        )
        let report = try await scheduler.runSchedule()
        let stretched = try #require(logs.entries.first { "\($0.message)".hasPrefix("--every 5m would use") })
        #expect(stretched.level == .warning)
        let back = try #require(logs.entries.first { "\($0.message)".hasPrefix("the credits left now cover") })
        #expect(back.level == .notice)
        #expect("\(back.message)".hasSuffix("running every 5m again"))
        #expect(report.interval.seconds == 300)
        // The first two ticks are far apart (stretched), the last ones 5 minutes apart again.
        let calls = await work.recorder.calls.map(\.at)
        #expect(calls.count >= 3)
        if calls.count >= 3 {
            #expect(calls[1].timeIntervalSince(calls[0]) > 300)
            #expect(calls[calls.count - 1].timeIntervalSince(calls[calls.count - 2]) == 300)
        }
    }

    @Test func aReachedDailyLimitWaitsForTheReset() async throws {
        let clock = VirtualClock(start: utc(2026, 11, 29, 23, 50, 30), horizon: utc(2026, 11, 30, 0, 2, 30))
        var work = ScriptedWork(clock: clock)
        work.outcome = { index, _ in
            index == 0
                ? ScheduledRunOutcome(
                    status: .failed,
                    message: "API_KEY_PLAN_DAILY_RATE_LIMIT_REACHED",
                    limitReached: .day
                )
                : ScheduledRunOutcome(status: .complete)
        }
        let (logger, logs) = recordingLogger()
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 60)),
            work: work,
            clock: clock,
            logger: logger
        )
        _ = try await scheduler.runSchedule()
        let calls = await work.recorder.calls
        // No run between the refusal and UTC midnight; then every minute again.
        #expect(
            calls.map(\.at) == [
                utc(2026, 11, 29, 23, 51, 5), utc(2026, 11, 30, 0, 0, 5), utc(2026, 11, 30, 0, 1, 5),
                utc(2026, 11, 30, 0, 2, 5),
            ]
        )
        #expect(logs.entries.contains { "\($0.message)".contains("daily credit limit is reached") })
    }

    @Test func aRefusedKeyStopsTheScheduleBeforeItStarts() async throws {
        struct RefusingWork: ScheduledWork {
            func keyInfo() async throws -> KeyInfo {
                throw CMCError(
                    code: .api,
                    endpoint: "/v1/key/info",
                    httpStatus: 401,
                    cmcErrorCode: 1001,
                    message: "This API Key is invalid."
                )
            }
            func estimatedCredits(withInfo: Bool) -> Int { 1 }
            func collect(withInfo: Bool) async throws -> ScheduledRunOutcome {
                Issue.record("no run may start with a refused key")
                return ScheduledRunOutcome(status: .failed)
            }
        }
        let clock = VirtualClock(start: utc(2026, 11, 29, 10), horizon: utc(2026, 11, 29, 11))
        let scheduler = CollectionScheduler(
            configuration: .init(every: ScheduleInterval(seconds: 60)),
            work: RefusingWork(),
            clock: clock,
            logger: silentLogger()
        )
        await #expect(throws: ScheduleError.self) { try await scheduler.runSchedule() }
    }
}
