import CMCModels
import Foundation
import Scheduler
import Testing

@Suite struct CreditGovernorTests {
    /// 1000 credits left, 10 days to the monthly reset; listings runs cost 1, metadata runs 2.
    let now = utc(2026, 11, 21)
    let tightKey = KeyInfo(
        plan: .init(
            creditLimitMonthly: 10_000,
            creditLimitMonthlyResetTimestamp: "2026-12-01T00:00:00.000Z",
            rateLimitMinute: 30
        ),
        usage: .init(currentMonth: .init(creditsUsed: 9_000, creditsLeft: 1_000))
    )

    @Test func aScheduleThatFitsIsLeftAlone() {
        let governor = CreditGovernor(
            requested: ScheduleInterval(seconds: 3_600),
            infoEvery: ScheduleInterval(seconds: 86_400),
            costs: .init(listingsRun: 1, infoRun: 2)
        )
        let decision = governor.decide(keyInfo: tightKey, now: now)
        // 240 hourly runs and 10 metadata runs: 250 credits of 1000.
        #expect(governor.cost(every: ScheduleInterval(seconds: 3_600), window: 10 * 86_400) == 250)
        #expect(decision.interval.seconds == 3_600)
        #expect(decision.message == nil)
        #expect(decision.pausedUntil == nil)
        #expect(decision.monthlyCreditsLeft == 1_000)
    }

    @Test func aScheduleThatWouldRunOutIsStretchedToTheSmallestFittingMinute() {
        let governor = CreditGovernor(
            requested: ScheduleInterval(seconds: 300),
            infoEvery: ScheduleInterval(seconds: 86_400),
            costs: .init(listingsRun: 1, infoRun: 2)
        )
        let decision = governor.decide(keyInfo: tightKey, now: now)
        // Every 5 min for 10 days: 2880 runs + 10 metadata extras = 2890 credits; 1000 are left.
        // 15 min: 960 + 10 = 970 fits; 14 min: 1029 + 10 = 1039 does not.
        #expect(decision.interval.seconds == 15 * 60)
        #expect(governor.cost(every: ScheduleInterval(seconds: 14 * 60), window: 10 * 86_400) > 1_000)
        #expect(
            decision.message
                == "--every 5m would use 2890 credits by 2026-12-01T00:00:00Z, 1000 left: running every 15m instead"
        )
    }

    @Test func aDailyLimitStretchesFurtherThanTheMonthlyOne() {
        var key = tightKey
        key.plan.creditLimitDaily = 333
        key.plan.creditLimitDailyResetTimestamp = "2026-11-22T00:00:00.000Z"
        key.usage.currentDay = .init(creditsUsed: 309, creditsLeft: 24)
        let governor = CreditGovernor(
            requested: ScheduleInterval(seconds: 300),
            infoEvery: ScheduleInterval(seconds: 86_400),
            costs: .init(listingsRun: 1, infoRun: 2)
        )
        let decision = governor.decide(keyInfo: key, now: utc(2026, 11, 21, 12))
        // 12 hours left today, 24 credits: 23 listings runs + 1 metadata run → every 32 min (23 runs), not 31 (24).
        #expect(decision.dailyCreditsLeft == 24)
        #expect(decision.interval.seconds == 32 * 60)
        #expect(decision.message?.contains("24 left today: running every 32m instead") == true)
    }

    @Test func noCreditsLeftPausesUntilTheReset() {
        var key = tightKey
        key.usage.currentMonth = .init(creditsUsed: 10_000, creditsLeft: 0)
        let governor = CreditGovernor(
            requested: ScheduleInterval(seconds: 300),
            infoEvery: ScheduleInterval(seconds: 86_400),
            costs: .init(listingsRun: 25, infoRun: 26)
        )
        let decision = governor.decide(keyInfo: key, now: now)
        #expect(decision.pausedUntil == utc(2026, 12, 1))
        #expect(decision.message?.contains("pausing until the monthly reset at 2026-12-01T00:00:00Z") == true)
    }

    @Test func withoutResetTimestampsTheResetsAreUTCMidnightAndTheFirstOfTheMonth() {
        let key = KeyInfo(plan: .init(), usage: .init())
        #expect(CreditGovernor.monthlyReset(key, now: utc(2026, 12, 31, 23, 59)) == utc(2027, 1, 1))
        #expect(CreditGovernor.dailyReset(key, now: utc(2026, 11, 29, 10)) == utc(2026, 11, 30))
        #expect(CreditGovernor.parseTimestamp("2026-12-01T00:00:00Z") == utc(2026, 12, 1))
        #expect(CreditGovernor.parseTimestamp("2026-12-01T00:00:00.000Z") == utc(2026, 12, 1))
    }
}
