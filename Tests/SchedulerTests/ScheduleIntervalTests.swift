import Foundation
import Scheduler
import Testing

@Suite struct ScheduleIntervalTests {
    @Test(arguments: [
        ("90s", 90), ("5m", 300), ("1h", 3_600), ("1h30m", 5_400), ("24h", 86_400), ("2d", 172_800),
        ("1m30s", 90), ("120", 120), (" 5M ", 300),
    ])
    func parsesDurations(text: String, seconds: Int) {
        #expect(ScheduleInterval(parsing: text)?.seconds == seconds)
    }

    @Test(arguments: ["", "0", "0m", "5x", "m", "30m1h", "1h1h", "-5m", "1.5h", "5m "])
    func refusesWhatIsNotADuration(text: String) {
        if text == "5m " {
            // Surrounding spaces are tolerated.
            #expect(ScheduleInterval(parsing: text) != nil)
        } else {
            #expect(ScheduleInterval(parsing: text) == nil, "\(text)")
        }
    }

    @Test func describesItselfShortest() {
        #expect(ScheduleInterval(seconds: 90).description == "1m30s")
        #expect(ScheduleInterval(seconds: 720).description == "12m")
        #expect(ScheduleInterval(seconds: 5_400).description == "1h30m")
        #expect(ScheduleInterval(seconds: 86_400).description == "1d")
    }

    @Test func theGridStartsAtTheNextMinuteBoundaryPlusTheOffset() {
        let five = ScheduleInterval(seconds: 300)
        #expect(
            TickGrid.aligned(after: utc(2026, 11, 29, 10, 0, 17.3), interval: five).anchor
                == utc(2026, 11, 29, 10, 1, 5)
        )
        #expect(
            TickGrid.aligned(after: utc(2026, 11, 29, 10, 0, 3), interval: five).anchor == utc(2026, 11, 29, 10, 0, 5)
        )
        #expect(
            TickGrid.aligned(after: utc(2026, 11, 29, 10, 0, 5), interval: five).anchor == utc(2026, 11, 29, 10, 0, 5)
        )
        #expect(
            TickGrid.aligned(after: utc(2026, 11, 29, 23, 59, 30), interval: five).anchor == utc(2026, 11, 30, 0, 0, 5)
        )
        let grid = TickGrid(anchor: utc(2026, 11, 29, 10, 1, 5), interval: five)
        #expect(grid.tick(atOrAfter: utc(2026, 11, 29, 10, 1, 6)) == utc(2026, 11, 29, 10, 6, 5))
        #expect(grid.tick(atOrAfter: utc(2026, 11, 29, 10, 6, 5)) == utc(2026, 11, 29, 10, 6, 5))
        #expect(grid.ticks(after: utc(2026, 11, 29, 10, 1, 5), before: utc(2026, 11, 29, 10, 16, 5)) == 2)
        #expect(grid.ticks(after: utc(2026, 11, 29, 10, 1, 5), before: utc(2026, 11, 29, 10, 16, 6)) == 3)
    }
}
