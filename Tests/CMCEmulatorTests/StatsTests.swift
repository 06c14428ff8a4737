import CMCEmulator
import Foundation
import NIOHTTP1
import Testing

@Suite struct StatsTests {
    @Test func statsEndpointServesSnakeCaseCountersAndResets() async throws {
        try await withEmulatorAndClient { emulator, http in
            _ = try await http.get(
                "/v1/cryptocurrency/listings/latest?limit=10",
                headers: [("Accept-Encoding", "gzip")]
            )
            _ = try await http.get("/v2/cryptocurrency/info?id=1")
            _ = try await http.get("/v2/cryptocurrency/info?id=1", key: nil)
            _ = try await http.fetch(emulator.logoURL(coinID: 1).absoluteString)
            _ = try await http.fetch(emulator.logoURL(coinID: 1, size: 16).absoluteString)

            let served = try await http.fetch(emulator.baseURL.absoluteString + "/__stats")
            #expect(served.status == 200)
            let json = try served.json()
            #expect(json.int("requests") == 5)
            #expect(json.int("api_requests") == 3)
            #expect(json.int("logo_requests") == 2)
            #expect(json.int("credits_used") == 2)
            #expect(json.int("gzip_responses") == 1)
            #expect(json.object("by_path_and_status")?.int("GET /v2/cryptocurrency/info 200") == 1)
            #expect(json.object("by_path_and_status")?.int("GET /v2/cryptocurrency/info 401") == 1)
            #expect(json.object("by_path")?.int("/static/img/coins/64x64/{id}.png") == 1)
            #expect(json.object("by_status")?.int("200") == 4)
            #expect((json.int("logo_body_bytes") ?? 0) > 100)
            #expect((json.int("api_body_bytes") ?? 0) > 100)

            let decoded = try JSONDecoder().decode(EmulatorStats.self, from: Data(served.body))
            #expect(decoded == (await emulator.stats()))
            #expect(decoded.connections == 1, "one pooled keep-alive connection")

            let reset = try await http.fetch(emulator.baseURL.absoluteString + "/__stats/reset", method: .POST)
            #expect(reset.status == 204)
            #expect(await emulator.stats() == EmulatorStats())
        }
    }

    @Test func distinctConnectionsAreCounted() async throws {
        try await withEmulatorAndClient { emulator, http in
            let url = emulator.logoURL(coinID: 1).absoluteString
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await http.fetch(url, headers: [("Connection", "close")]) }
                }
                try await group.waitForAll()
            }
            #expect(await emulator.stats().connections == 8)
        }
    }
}
