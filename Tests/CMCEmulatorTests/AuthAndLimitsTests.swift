import CMCEmulator
import Foundation
import Testing

@Suite struct AuthAndLimitsTests {
    static let minuteMessage = "You've exceeded your API Key's HTTP request rate limit. Rate limits reset every minute."

    @Test func missingKeyIs1002AndWrongKeyIs1001() async throws {
        try await withEmulatorAndClient { emulator, http in
            let missing = try await http.get("/v1/cryptocurrency/listings/latest", key: nil)
            #expect(missing.status == 401)
            let missingStatus = try missing.json().status
            #expect(missingStatus.int("error_code") == 1002)
            #expect(missingStatus.string("error_message") == "API key missing.")
            #expect(missingStatus.int("credit_count") == 0)
            #expect(try missing.json()["data"] == nil)

            let wrongHeader = try await http.get("/v1/cryptocurrency/listings/latest", key: "not-the-key")
            #expect(wrongHeader.status == 401)
            #expect(try wrongHeader.json().status.int("error_code") == 1001)
            #expect(try wrongHeader.json().status.string("error_message") == "This API Key is invalid.")

            let goodQuery = try await http.get(
                "/v1/cryptocurrency/listings/latest?CMC_PRO_API_KEY=\(emulator.apiKey)",
                key: nil
            )
            #expect(goodQuery.status == 200)
            let wrongQuery = try await http.get("/v1/cryptocurrency/listings/latest?CMC_PRO_API_KEY=nope", key: nil)
            #expect(wrongQuery.status == 401)
            #expect(try wrongQuery.json().status.int("error_code") == 1001)
            #expect(await emulator.stats().creditsUsed == 1)
        }
    }

    @Test func refusedEndpointIs403With1006() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.plan = .basic }) { _, http in
            let exchange = try await http.get("/v1/cryptocurrency/listings/historical?date=2024-01-01")
            #expect(exchange.status == 403)
            let status = try exchange.json().status
            #expect(status.int("error_code") == 1006)
            #expect(status.string("error_message") == "Your API Key subscription plan doesn't support this endpoint.")
            let unknown = try await http.get("/v1/nothing/here")
            #expect(unknown.status == 404)
            #expect(try unknown.json().status.int("error_code") == 404)
        }
    }

    @Test func minuteLimitRefusesWithinTheWindowAndRecoversInTheNext() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_050))  // 30 s into a UTC minute
        let configuration = smallConfiguration {
            $0.plan.rateLimitPerMinute = 3
            $0.now = clock.closure
        }
        try await withEmulatorAndClient(configuration) { emulator, http in
            for _ in 0..<2 { #expect(try await http.get("/v1/fiat/map").status == 200) }
            let keyInfo = try await http.json("/v1/key/info")
            #expect(keyInfo.object("data")?.object("usage")?.object("current_minute")?.int("requests_made") == 3)
            #expect(keyInfo.status.int("credit_count") == 0)
            let refused = try await http.get("/v1/fiat/map")
            #expect(refused.status == 429)
            #expect(refused.header("Retry-After") == nil)
            let status = try refused.json().status
            #expect(status.int("error_code") == 1008)
            #expect(status.string("error_message") == Self.minuteMessage)
            #expect(status.int("credit_count") == 0)
            clock.advance(seconds: 29)
            #expect(try await http.get("/v1/fiat/map").status == 429)
            clock.advance(seconds: 1)  // 1_750_000_080 starts the next UTC minute
            #expect(try await http.get("/v1/fiat/map").status == 200)
            let stats = await emulator.stats()
            #expect(stats.rateLimited == 2)
            #expect(stats.creditsUsed == 3)
            #expect(stats.byPathAndStatus["GET /v1/fiat/map 429"] == 2)
        }
    }

    @Test func shortRealWindowResetsAndRetryAfterIsConfigurable() async throws {
        let configuration = smallConfiguration {
            $0.plan.rateLimitPerMinute = 2
            $0.rateLimitWindow = .seconds(1)
            $0.retryAfterSeconds = 7
        }
        try await withEmulatorAndClient(configuration) { _, http in
            var refused: Exchange?
            for _ in 0..<40 {
                let exchange = try await http.get("/v1/key/info")
                if exchange.status == 429 {
                    refused = exchange
                    break
                }
            }
            let rateLimited = try #require(refused)
            #expect(rateLimited.header("Retry-After") == "7")
            #expect(try rateLimited.json().status.int("error_code") == 1008)
            let now = Date().timeIntervalSince1970
            try await Task.sleep(for: .milliseconds(Int((now.rounded(.down) + 1 - now) * 1000) + 30))
            #expect(try await http.get("/v1/key/info").status == 200)
        }
    }

    @Test func monthlyCapRefusesACallThatWouldExceedIt() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
        let configuration = smallConfiguration {
            $0.plan.monthlyCredits = 3
            $0.now = clock.closure
        }
        try await withEmulatorAndClient(configuration) { emulator, http in
            #expect(try await http.get("/v1/cryptocurrency/listings/latest?limit=300").status == 200)  // 2 credits
            let tooExpensive = try await http.get("/v1/cryptocurrency/listings/latest?limit=300")
            #expect(tooExpensive.status == 429)
            #expect(try tooExpensive.json().status.int("error_code") == 1010)
            #expect(
                try tooExpensive.json().status.string("error_message")
                    == "You've exceeded your API Key's monthly rate limit."
            )
            let last = try await http.json("/v1/fiat/map")  // the third credit still fits
            #expect(last.status.string("notice") != nil, "a notice appears past 95% of the monthly credits")
            #expect(try await http.get("/v1/fiat/map").status == 429)
            let keyInfo = try await http.json("/v1/key/info")  // free calls still work
            let month = keyInfo.object("data")?.object("usage")?.object("current_month")
            #expect(month?.int("credits_used") == 3)
            #expect(month?.int("credits_left") == 0)
            #expect(keyInfo.object("data")?.object("plan")?["credit_limit_daily"] == nil)
            clock.set(Date(timeIntervalSince1970: 1_752_000_000))  // next month
            #expect(try await http.get("/v1/fiat/map").status == 200)
            #expect(await emulator.stats().creditsUsed == 4)
        }
    }

    @Test func dailyCapIs1009AndKeyInfoShowsDailyFields() async throws {
        let configuration = smallConfiguration { $0.plan.dailyCredits = 1 }
        try await withEmulatorAndClient(configuration) { _, http in
            #expect(try await http.get("/v1/fiat/map").status == 200)
            let refused = try await http.get("/v1/fiat/map")
            #expect(refused.status == 429)
            #expect(try refused.json().status.int("error_code") == 1009)
            let keyInfo = try await http.json("/v1/key/info")
            let plan = try #require(keyInfo.object("data")?.object("plan"))
            #expect(plan.int("credit_limit_daily") == 1)
            #expect(plan.string("credit_limit_daily_reset")?.hasPrefix("In ") == true)
            #expect(keyInfo.object("data")?.object("usage")?.object("current_day")?.int("credits_left") == 0)
        }
    }

    @Test func logosNeedNoKeyAndAreNotRateLimited() async throws {
        let configuration = smallConfiguration { $0.plan.rateLimitPerMinute = 1 }
        try await withEmulatorAndClient(configuration) { emulator, http async throws -> Void in
            for _ in 0..<5 {
                #expect(try await http.fetch(emulator.logoURL(coinID: 1).absoluteString).status == 200)
            }
            #expect(try await http.get("/v1/fiat/map").status == 200)
            #expect(try await http.get("/v1/fiat/map").status == 429)
        }
    }
}
