import CMCEmulator
import Foundation
import Testing

@Suite struct DeterminismAndDriftTests {
    /// The bytes after `"data":`: identical data means identical bodies but for the status block.
    private func dataBytes(_ exchange: Exchange) throws -> [UInt8] {
        let marker = Array(#","data":"#.utf8)
        let body = exchange.body
        guard
            let start = (0...(body.count - marker.count)).first(where: {
                Array(body[$0..<($0 + marker.count)]) == marker
            })
        else { throw TestFailure("no data in \(exchange.text.prefix(200))") }
        return Array(body[(start + marker.count)...])
    }

    @Test func sameSeedAndWindowGiveIdenticalData() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_760_000_000))
        let configuration = smallConfiguration { $0.now = clock.closure }
        let paths = [
            "/v1/cryptocurrency/listings/latest?limit=300&aux=num_market_pairs,cmc_rank,volume_7d",
            "/v2/cryptocurrency/quotes/latest?symbol=SOL,BTC&convert=EUR",
            "/v1/cryptocurrency/map",
            "/v1/global-metrics/quotes/latest",
        ]
        let first = try await withEmulatorAndClient(configuration) { _, http in
            var bodies: [[UInt8]] = []
            for path in paths { bodies.append(try dataBytes(try await http.get(path))) }
            return bodies
        }
        let second = try await withEmulatorAndClient(configuration) { _, http in
            var bodies: [[UInt8]] = []
            for path in paths { bodies.append(try dataBytes(try await http.get(path))) }
            return bodies
        }
        #expect(first == second)
        let otherSeed = try await withEmulatorAndClient(
            smallConfiguration {
                $0.now = clock.closure
                $0.seed = 7
            }
        ) {
            _,
            http in try dataBytes(try await http.get(paths[0]))
        }
        #expect(otherSeed != first[0])
    }

    @Test func valuesDriftPerWindowAndStayStillWithinOne() async throws {
        let start = Date(timeIntervalSince1970: 1_759_999_985)  // 5 s into the minute 08:53 UTC
        let clock = ManualClock(start)
        try await withEmulatorAndClient(smallConfiguration { $0.now = clock.closure }) { _, http in
            func bitcoin() async throws -> (price: Double, updated: String, item: [String: Any]) {
                let body = try await http.json("/v2/cryptocurrency/quotes/latest?id=1")
                let item = try #require(body.object("data")?.object("1"))
                let usd = try #require(item.object("quote")?.object("USD"))
                return (try #require(usd.double("price")), try #require(item.string("last_updated")), item)
            }
            let a = try await bitcoin()
            #expect(a.updated == "2025-10-09T08:53:00.000Z")
            clock.advance(seconds: 45)
            let b = try await bitcoin()
            #expect(b.price == a.price)
            #expect(b.updated == a.updated)
            clock.advance(seconds: 10)
            let c = try await bitcoin()
            #expect(c.updated == "2025-10-09T08:54:00.000Z")
            #expect(c.price != a.price)
            #expect(abs(c.price / a.price - 1) < 0.1)
            clock.set(start)
            let d = try await bitcoin()
            #expect(d.price == a.price, "a window's values are a pure function of its index")
        }
    }
}
