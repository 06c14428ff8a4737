import Foundation
import Testing

/// `collect --every` flags, checked by the built binary.
@Suite(.serialized) struct ScheduleCLITests {
    @Test(arguments: [
        (["collect", "--every", "30s"], "--every must be at least 1m"),
        (["collect", "--every", "5x"], "--every takes a duration"),
        (["collect", "--every", "5m", "--info-every", "10s"], "--info-every"),
        (["collect", "--every", "5m", "--stop-timeout", "soon"], "--stop-timeout"),
        (["collect", "--metrics-port", "9464"], "--metrics-port needs --every"),
        (["collect", "--every", "5m", "--metrics-port", "70000"], "--metrics-port must be between"),
        (["collect", "--every", "5m", "--json"], "--json"),
        (["collect", "--every", "5m", "--plan"], "--plan"),
        (["collect", "--every", "5m", "--metrics-idle-timeout", "0"], "--metrics-idle-timeout"),
        (["collect", "--every", "5m", "--metrics-header-timeout", "-1"], "--metrics-header-timeout"),
        (["collect", "--every", "5m", "--metrics-max-connections", "0"], "--metrics-max-connections"),
    ])
    func badScheduleFlagsAreUsageErrors(arguments: [String], mention: String) async throws {
        let result = try await runCoinPipe(arguments, environment: ["CMC_API_KEY": "k"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    @Test func helpDocumentsTheSchedule() async throws {
        let result = try await runCoinPipe(["collect", "--help"])
        #expect(result.status == 0)
        for flag in [
            "--every", "--info-every", "--metrics-port", "--metrics-host", "--stop-timeout",
            "--metrics-header-timeout", "--metrics-idle-timeout", "--metrics-max-connections",
        ] {
            #expect(result.stdout.contains(flag), "\(flag)")
        }
    }
}
