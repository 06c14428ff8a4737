import Testing

@testable import Store

@Suite struct TimeRangeTests {
    let now = EpochMillis(iso8601: "2024-05-08T12:00:00Z") ?? EpochMillis(0)

    @Test func sinceDurations() throws {
        #expect(try TimeRange.since("7d", now: now).from == EpochMillis(iso8601: "2024-05-01T12:00:00Z"))
        #expect(try TimeRange.since("12h", now: now).from == EpochMillis(iso8601: "2024-05-08T00:00:00Z"))
        #expect(try TimeRange.since("90m", now: now).from == EpochMillis(iso8601: "2024-05-08T10:30:00Z"))
        #expect(try TimeRange.since("1w", now: now).from == EpochMillis(iso8601: "2024-05-01T12:00:00Z"))
        #expect(try TimeRange.since("2024-05-03", now: now).from == EpochMillis(iso8601: "2024-05-03T00:00:00Z"))
        #expect(try TimeRange.since("7d", now: now).to == nil)
    }

    @Test func betweenDatesIncludesTheLastDay() throws {
        let range = try TimeRange.between(from: "2024-05-01", to: "2024-05-02", now: now)
        #expect(range.contains(try #require(EpochMillis(iso8601: "2024-05-02T23:59:59.999Z"))))
        #expect(!range.contains(try #require(EpochMillis(iso8601: "2024-05-03T00:00:00Z"))))
        #expect(!range.contains(try #require(EpochMillis(iso8601: "2024-04-30T23:59:59.999Z"))))
        let exact = try TimeRange.between(from: nil, to: "2024-05-02T06:00:00Z", now: now)
        #expect(exact.to == EpochMillis(iso8601: "2024-05-02T06:00:00Z"))
    }

    @Test func rejectsNonsense() {
        #expect(throws: StoreError.self) { try TimeRange.since("a week", now: now) }
        #expect(throws: StoreError.self) { try TimeRange.since("7y", now: now) }
        #expect(throws: StoreError.self) { try TimeRange.between(from: "2024-05-03", to: "2024-05-01", now: now) }
    }
}
