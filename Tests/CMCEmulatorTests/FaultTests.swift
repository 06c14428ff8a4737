import CMCEmulator
import Foundation
import NIOCore
import Testing

@Suite struct FaultTests {
    static let path = "/v1/fiat/map"

    private func withFault(
        _ kind: FaultRule.Kind,
        count: Int? = 1,
        stallDuration: Duration = .seconds(30),
        _ body: (RunningEmulator, TestHTTP) async throws -> Void
    ) async throws {
        let configuration = smallConfiguration {
            $0.faults = [FaultRule(kind: kind, pathPrefix: Self.path, count: count)]
            $0.stallDuration = stallDuration
        }
        try await withEmulatorAndClient(configuration) { emulator, http async throws in
            try await body(emulator, http)
            #expect(await emulator.stats().faultsInjected[kind.rawValue] == 1)
        }
    }

    @Test func serverErrorIsA500Envelope() async throws {
        try await withFault(.serverError) { _, http async throws in
            let exchange = try await http.get(Self.path)
            #expect(exchange.status == 500)
            let status = try exchange.json().status
            #expect(status.int("error_code") == 500)
            #expect(status.string("error_message") == "An internal server error occurred")
            #expect(try await http.get(Self.path).status == 200, "count 1 fires once")
        }
    }

    @Test func badGatewayHasAGatewayBody() async throws {
        try await withFault(.badGateway) { _, http async throws in
            let exchange = try await http.get(Self.path)
            #expect(exchange.status == 502)
            let body = try exchange.json()
            #expect(body.int("statusCode") == 502)
            #expect(body.string("error") == "Bad Gateway")
            #expect(body.string("message") != nil)
            #expect(body["status"] == nil)
        }
    }

    @Test func htmlErrorIsAnHTMLPage() async throws {
        try await withFault(.htmlError) { _, http async throws in
            let exchange = try await http.get(Self.path)
            #expect(exchange.status == 503)
            #expect(exchange.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(exchange.text.contains("<html>"))
        }
    }

    @Test func dropClosesWithoutAnswer() async throws {
        try await withFault(.drop) { emulator, http async throws in
            await #expect(throws: (any Error).self) { _ = try await http.get(Self.path) }
            #expect(try await http.get(Self.path).status == 200)
            #expect(await emulator.stats().byStatus["200"] == 1)
        }
    }

    @Test func truncateSendsHalfTheAnnouncedBody() async throws {
        try await withFault(.truncate) { _, http async throws in
            await #expect(throws: (any Error).self) { _ = try await http.get(Self.path) }
            #expect(try await http.get(Self.path).status == 200)
        }
    }

    @Test func truncateJSONIsACompleteMessageWithBrokenJSON() async throws {
        try await withFault(.truncateJSON) { _, http async throws in
            let exchange = try await http.get(Self.path)
            #expect(exchange.status == 200)
            #expect(exchange.header("Content-Length") == String(exchange.body.count))
            #expect(throws: (any Error).self) { _ = try exchange.json() }
            let whole = try await http.get(Self.path)
            #expect(abs(whole.body.count / 2 - exchange.body.count) <= 1)
        }
    }

    @Test func stallKeepsSilentThenCloses() async throws {
        try await withFault(.stall, stallDuration: .milliseconds(400)) { _, http async throws in
            let clock = ContinuousClock()
            let started = clock.now
            await #expect(throws: (any Error).self) { _ = try await http.get(Self.path, timeout: .seconds(10)) }
            #expect(clock.now - started >= .milliseconds(350))
            #expect(try await http.get(Self.path).status == 200)
        }
    }

    @Test func stallEndsEarlyWhenTheClientGivesUp() async throws {
        try await withFault(.stall) { _, http async throws in
            await #expect(throws: (any Error).self) { _ = try await http.get(Self.path, timeout: .milliseconds(200)) }
        }
    }

    @Test func errorOn200HasNoData() async throws {
        try await withFault(.errorOn200) { _, http async throws in
            let exchange = try await http.get(Self.path)
            #expect(exchange.status == 200)
            let body = try exchange.json()
            #expect(body.status.int("error_code") == 500)
            #expect(body["data"] == nil)
        }
    }

    @Test(arguments: [
        (FaultRule.Kind.rateLimit, 1008), (.ipRateLimit, 1011), (.dailyLimit, 1009), (.monthlyLimit, 1010),
    ])
    func limitFaultsAre429s(kind: FaultRule.Kind, code: Int) async throws {
        try await withFault(kind) { emulator, http async throws in
            let exchange = try await http.get(Self.path)
            #expect(exchange.status == 429)
            #expect(try exchange.json().status.int("error_code") == code)
            #expect(await emulator.stats().rateLimited == 0, "injected faults are not the limiter")
        }
    }

    @Test func shareFiresEvenlyAndPrefixesTarget() async throws {
        let configuration = smallConfiguration {
            $0.faults = [FaultRule(kind: .serverError, pathPrefix: "/v1/fiat", share: 0.5)]
        }
        try await withEmulatorAndClient(configuration) { emulator, http async throws in
            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(try await http.get("/v1/fiat/map").status) }
            #expect(statuses == [500, 200, 500, 200, 500, 200])
            #expect(try await http.get("/v1/key/info").status == 200)
            #expect(try await http.fetch(emulator.logoURL(coinID: 1).absoluteString).status == 200)
            #expect(await emulator.stats().faultsInjected["serverError"] == 3)
        }
    }

    @Test func ruleWithoutPrefixHitsEveryAPIPathButNotLogos() async throws {
        let configuration = smallConfiguration { $0.faults = [FaultRule(kind: .htmlError, count: 2)] }
        try await withEmulatorAndClient(configuration) { emulator, http async throws in
            #expect(try await http.fetch(emulator.logoURL(coinID: 1).absoluteString).status == 200)
            #expect(try await http.get("/v1/key/info").status == 503)
            #expect(try await http.get("/v2/cryptocurrency/info?id=1").status == 503)
            #expect(try await http.get("/v2/cryptocurrency/info?id=1").status == 200)
        }
    }

    @Test func staticPrefixTargetsLogos() async throws {
        let configuration = smallConfiguration {
            $0.faults = [FaultRule(kind: .truncateJSON, pathPrefix: "/static", count: 1)]
        }
        try await withEmulatorAndClient(configuration) { emulator, http async throws in
            let cut = try await http.fetch(emulator.logoURL(coinID: 1).absoluteString)
            let whole = try await http.fetch(emulator.logoURL(coinID: 1).absoluteString)
            #expect(cut.status == 200)
            #expect(cut.body.count == whole.body.count / 2)
            #expect(throws: (any Error).self) { _ = try PNGCheck(cut.body) }
            #expect(try await http.get("/v1/fiat/map").status == 200)
        }
    }
}
