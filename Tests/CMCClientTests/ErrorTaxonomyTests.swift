import CMCClient
import CMCEmulator
import CMCModels
import Foundation
import Testing

/// Every error path of cmc-api.md §4, with its retry decision, against the real emulator.
@Suite struct ErrorTaxonomyTests {
    private static let listings = "/v1/cryptocurrency/listings/latest"

    private func stats(_ emulator: RunningEmulator, status: Int) async -> Int {
        await emulator.stats().byPathAndStatus["GET \(Self.listings) \(status)"] ?? 0
    }

    @Test func invalidKeyFailsAtOnce() async throws {
        try await withEmulatorClient(smallUniverse(), configure: { $0.apiKey = APIKey("wrong-key") }) {
            client,
            emulator in
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 10))
            }
            #expect(error.cmcErrorCode == 1001)
            #expect(error.httpStatus == 401)
            #expect(error.attempts == 1)
            #expect(error.description.contains("This API Key is invalid."))
            #expect(await stats(emulator, status: 401) == 1)
        }
    }

    @Test func missingKeyIsRefusedBeforeSending() async throws {
        try await withEmulatorClient(smallUniverse(), configure: { $0.apiKey = nil }) { client, emulator in
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 10))
            }
            #expect(error.code == .missingKey)
            #expect(error.description.contains("CMC_API_KEY"))
            #expect(await emulator.stats().apiRequests == 0)
        }
    }

    @Test func planGatingFailsAtOnce() async throws {
        var configuration = smallUniverse()
        configuration.plan.deniedEndpoints = ["/v1/global-metrics/quotes/latest"]
        try await withEmulatorClient(configuration) { client, emulator in
            let error = try await #require(throws: CMCError.self) { try await client.globalMetrics() }
            #expect(error.cmcErrorCode == 1006)
            #expect(error.httpStatus == 403)
            #expect(error.attempts == 1)
            #expect(await emulator.stats().byPathAndStatus["GET /v1/global-metrics/quotes/latest 403"] == 1)
        }
    }

    @Test(arguments: [FaultRule.Kind.dailyLimit, .monthlyLimit])
    func creditLimitsFailAtOnce(kind: FaultRule.Kind) async throws {
        var configuration = smallUniverse()
        configuration.faults = [FaultRule(kind: kind, pathPrefix: Self.listings, count: 5)]
        try await withEmulatorClient(configuration) { client, emulator in
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 10))
            }
            #expect(error.attempts == 1)
            #expect(await stats(emulator, status: 429) == 1)
            if kind == .dailyLimit {
                #expect(error.cmcErrorCode == 1009)
                #expect(error.message.hasPrefix("daily limit reached, resets at "))
            } else {
                #expect(error.cmcErrorCode == 1010)
                #expect(error.hint?.contains("monthly") == true)
            }
        }
    }

    @Test func exhaustedMonthlyCreditsAreNotRetried() async throws {
        var configuration = smallUniverse()
        configuration.plan.monthlyCredits = 3
        try await withEmulatorClient(configuration) { client, emulator in
            _ = try await client.listingsLatest(ListingsQuery(limit: 400))  // 2 credits
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 400))
            }
            #expect(error.cmcErrorCode == 1010)
            #expect(await stats(emulator, status: 429) == 1)
            #expect(await emulator.stats().creditsUsed == 2)
        }
    }

    @Test(arguments: [FaultRule.Kind.rateLimit, .ipRateLimit])
    func rateLimitsWaitForTheNextWindow(kind: FaultRule.Kind) async throws {
        var configuration = smallUniverse()
        configuration.rateLimitWindow = .seconds(1)
        configuration.faults = [FaultRule(kind: kind, pathPrefix: Self.listings, count: 1)]
        try await withEmulatorClient(configuration, configure: { $0.rateWindow = .seconds(1) }) { client, emulator in
            let started = ContinuousClock.now
            let page = try await client.listingsLatest(ListingsQuery(limit: 10))
            #expect(page.value.items.count == 10)
            #expect(page.exchange.attempts == 2)
            #expect(await stats(emulator, status: 429) == 1)
            #expect(await stats(emulator, status: 200) == 1)
            // It waited for the window boundary, not an exponential backoff of 10 ms.
            let nextWindowGap = ContinuousClock.now - started
            #expect(nextWindowGap > .milliseconds(0))
        }
    }

    @Test func retryAfterIsHonouredWhenSent() async throws {
        var configuration = smallUniverse()
        configuration.retryAfterSeconds = 1
        configuration.faults = [FaultRule(kind: .rateLimit, pathPrefix: Self.listings, count: 1)]
        try await withEmulatorClient(configuration) { client, emulator in
            let started = ContinuousClock.now
            _ = try await client.listingsLatest(ListingsQuery(limit: 10))
            #expect(ContinuousClock.now - started >= .milliseconds(950))
            #expect(await stats(emulator, status: 429) == 1)
        }
    }

    @Test(arguments: [
        FaultRule.Kind.serverError, .badGateway, .htmlError, .drop, .truncate, .truncateJSON, .errorOn200,
    ])
    func transientFaultsAreRetried(kind: FaultRule.Kind) async throws {
        var configuration = smallUniverse()
        configuration.faults = [FaultRule(kind: kind, pathPrefix: Self.listings, count: 2)]
        try await withEmulatorClient(configuration) { client, emulator in
            let page = try await client.listingsLatest(ListingsQuery(limit: 50))
            #expect(page.value.items.count == 50)
            #expect(page.exchange.attempts == 3)
            let stats = await emulator.stats()
            #expect(stats.faultsInjected.values.reduce(0, +) == 2)
            // A truncated answer was served (and charged) by the server before it was cut.
            let charged = kind == .truncate || kind == .truncateJSON ? 3 : 1
            #expect(stats.creditsUsed == charged)
        }
    }

    @Test func stalledAnswersTimeOutAndAreRetried() async throws {
        var configuration = smallUniverse()
        configuration.stallDuration = .seconds(10)
        configuration.faults = [FaultRule(kind: .stall, pathPrefix: Self.listings, count: 1)]
        try await withEmulatorClient(configuration, configure: { $0.requestTimeout = .milliseconds(500) }) {
            client,
            _ in
            let page = try await client.listingsLatest(ListingsQuery(limit: 5))
            #expect(page.exchange.attempts == 2)
        }
    }

    @Test func retriesAreBoundedInCount() async throws {
        var configuration = smallUniverse()
        configuration.faults = [FaultRule(kind: .serverError, pathPrefix: Self.listings, count: 100)]
        try await withEmulatorClient(configuration) { client, emulator in
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 5))
            }
            #expect(error.attempts == fastRetry.maxAttempts)
            #expect(error.httpStatus == 500)
            #expect(await stats(emulator, status: 500) == fastRetry.maxAttempts)
        }
    }

    @Test func retriesAreBoundedInTotalWait() async throws {
        var configuration = smallUniverse()
        configuration.faults = [FaultRule(kind: .serverError, pathPrefix: Self.listings, count: 100)]
        let policy = RetryPolicy(
            maxAttempts: 50,
            initialBackoff: .milliseconds(100),
            maxBackoff: .milliseconds(100),
            maxTotalWait: .milliseconds(250)
        )
        try await withEmulatorClient(configuration, configure: { $0.retry = policy }) { client, emulator in
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 5))
            }
            #expect(error.attempts < 10)
            #expect(await stats(emulator, status: 500) == error.attempts)
        }
    }

    @Test func validationErrorsFailAtOnceWithTheServersMessage() async throws {
        try await withEmulatorClient(smallUniverse()) { client, emulator in
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 6000))
            }
            #expect(error.httpStatus == 400)
            #expect(error.cmcErrorCode == 400)
            #expect(error.message.contains("limit"))
            #expect(await stats(emulator, status: 400) == 1)
        }
    }
}
