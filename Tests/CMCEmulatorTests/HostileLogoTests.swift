import AsyncHTTPClient
import CMCEmulator
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite struct HostileLogoTests {
    /// Info for the top coins, which get every hostile kind in order.
    private func infoLogos(_ emulator: RunningEmulator, _ http: TestHTTP) async throws -> [HostileLogoKind: String] {
        let ids = emulator.coinIDs.prefix(HostileLogoKind.allCases.count).map(String.init).joined(separator: ",")
        let data = try #require(try await http.json("/v2/cryptocurrency/info?id=\(ids)").object("data"))
        var logos: [HostileLogoKind: String] = [:]
        for (offset, kind) in HostileLogoKind.allCases.enumerated() {
            let id = emulator.coinIDs[offset]
            #expect(emulator.hostileLogoCoins[id] == kind)
            logos[kind] = data.object(String(id))?.string("logo")
            #expect(logos[kind] == emulator.infoLogo(coinID: id))
        }
        return logos
    }

    @Test func everyKindIsServedAsDescribed() async throws {
        let configuration = smallConfiguration { $0.hostileLogos = HostileLogoKind.allCases }
        try await withEmulatorAndClient(configuration) { emulator, http async throws in
            let logos = try await infoLogos(emulator, http)
            let base = emulator.baseURL.absoluteString

            let notFound = try #require(logos[.notFound])
            #expect(notFound == "\(base)/static/img/coins/64x64/\(emulator.coinIDs[0]).png")
            #expect(try await http.fetch(notFound).status == 404)

            let html = try await http.fetch(try #require(logos[.htmlBody]))
            #expect(html.status == 200)
            #expect(html.header("Content-Type")?.hasPrefix("text/html") == true)

            let traversal = try #require(logos[.traversalName])
            #expect(traversal == "\(base)/static/img/coins/64x64/..%2F..%2Fescape.png")
            let escaped = try await http.fetch(traversal)
            #expect(escaped.status == 200)
            #expect(try PNGCheck(escaped.body).width == 64)

            let query = try #require(logos[.queryAndFragment])
            #expect(query.hasSuffix(".png?x=../../y#frag"))
            let queried = try await http.fetch(query)
            #expect(queried.status == 200)
            #expect(try PNGCheck(queried.body).width == 64)

            var next = try #require(logos[.redirectLoop])
            var visited: [String] = []
            for _ in 0..<4 {
                let hop = try await http.fetch(next)
                #expect(hop.status == 302)
                visited.append(next)
                next = try #require(hop.header("Location"))
            }
            #expect(visited.first == next || visited.contains(next), "the chain loops")
            #expect(Set(visited).count == 3)

            let linkLocal = try await http.fetch(try #require(logos[.redirectToLinkLocal]))
            #expect(linkLocal.status == 302)
            #expect(linkLocal.header("Location") == "http://169.254.169.254/latest/meta-data/")
            let otherHost = try await http.fetch(try #require(logos[.redirectToOtherHost]))
            #expect(otherHost.header("Location") == "https://example.com/logo.png")

            #expect(URL(string: try #require(logos[.unresolvableHost]))?.host == "logos.invalid")
            #expect(logos[.unsupportedScheme] == "file:///etc/passwd")

            let hits = await emulator.stats().hostileLogoHits
            for kind in [
                HostileLogoKind.notFound, .htmlBody, .traversalName, .queryAndFragment, .redirectLoop,
                .redirectToLinkLocal, .redirectToOtherHost,
            ] {
                #expect((hits[kind.rawValue] ?? 0) >= 1, "no hit recorded for \(kind)")
            }
        }
    }

    @Test func hugeAndEndlessBodiesStream() async throws {
        let configuration = smallConfiguration { $0.hostileLogos = [.hugeBody, .endlessBody] }
        try await withEmulatorAndClient(configuration) { emulator, http async throws in
            for (offset, kind) in [HostileLogoKind.hugeBody, .endlessBody].enumerated() {
                let url = emulator.logoURL(coinID: emulator.coinIDs[offset]).absoluteString
                let request = HTTPClientRequest(url: url)
                let response = try await http.client.execute(request, timeout: .seconds(10))
                #expect(response.status.code == 200)
                #expect(response.headers.first(name: "Content-Type") == "image/png")
                if kind == .hugeBody {
                    #expect(response.headers.first(name: "Content-Length") == "50000000")
                } else {
                    #expect(response.headers.first(name: "Content-Length") == nil)
                }
                var received = 0
                for try await chunk in response.body {
                    received += chunk.readableBytes
                    if received > 2_000_000 { break }
                }
                #expect(received > 2_000_000)
            }
            let hits = await emulator.stats().hostileLogoHits
            #expect(hits["hugeBody"] == 1)
            #expect(hits["endlessBody"] == 1)
        }
    }
}
