import CMCClient
import CMCEmulator
import Collector
import Foundation
import Testing

/// The client-side limiter counts every request sent, retries and `/v1/key/info` included, so a run never
/// provokes a 429 even when its first calls fail before the plan's limit is known.
@Suite struct RateLimitAccountingTests {
    @Test func failedKeyInfoAttemptsCountAgainstTheWindow() async throws {
        var emulator = smallEmulator(300)
        // 5 calls per 2-second window (the emulator scales its minute), and the first three answers on
        // key/info are a 502, a dropped connection and a truncated body.
        emulator.plan = EmulatorPlan(name: "Tight", rateLimitPerMinute: 5, monthlyCredits: 1_000_000)
        emulator.rateLimitWindow = .seconds(2)
        emulator.faults = [
            FaultRule(kind: .badGateway, pathPrefix: "/v1/key/info", count: 1),
            FaultRule(kind: .drop, pathPrefix: "/v1/key/info", count: 1),
            FaultRule(kind: .truncate, pathPrefix: "/v1/key/info", count: 1),
        ]
        try await withCollection(emulator: emulator, limit: .all, info: .all) { client in
            client.rateWindow = .seconds(2)
        } _: { summary, _, running in
            let stats = await running.stats()
            #expect(stats.byPath["/v1/key/info"] == 4, "three failed attempts, then the answer")
            #expect(summary.status == .complete, "\(summary.failures)")
            #expect(summary.counts.info == 300)
            #expect(stats.rateLimited == 0, "no 429 provoked: \(stats.byStatus)")
        }
    }
}
