import Foundation
import Testing

@testable import Store

@Suite struct EpochMillisTests {
    @Test(arguments: [
        ("2024-05-01T11:59:00.000Z", Int64(1_714_564_740_000)),
        ("2024-05-01T11:59:00Z", 1_714_564_740_000),
        ("2024-05-01T11:59:00.5Z", 1_714_564_740_500),
        ("2024-05-01T11:59:00.123456Z", 1_714_564_740_123),
        ("2024-05-01T13:59:00.000+02:00", 1_714_564_740_000),
        ("2024-05-01 11:59:00", 1_714_564_740_000),
        ("2024-05-01", 1_714_521_600_000),
        ("1970-01-01T00:00:00.000Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2000-02-29T00:00:00Z", 951_782_400_000),
    ])
    func parses(text: String, millis: Int64) {
        #expect(EpochMillis(iso8601: text) == EpochMillis(millis))
    }

    @Test(arguments: ["", "2024-13-01", "2024-05-01T25:00:00Z", "yesterday", "2024-05-01T11:59:00Zjunk", "2024-5-1"])
    func rejects(text: String) {
        #expect(EpochMillis(iso8601: text) == nil)
    }

    /// The formatter agrees with Foundation's over four centuries, leap days included.
    @Test func formatsLikeFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var millis: Int64 = -2_208_988_800_000
        while millis < 7_258_118_400_000 {
            let value = EpochMillis(millis)
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
            #expect(value.iso8601 == expected)
            #expect(EpochMillis(iso8601: value.iso8601) == value)
            millis += 86_400_000 * 37 + 3_723_456
        }
    }
}
