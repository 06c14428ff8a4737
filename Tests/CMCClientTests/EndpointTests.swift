import AsyncHTTPClient
import CMCClient
import CMCEmulator
import CMCModels
import Foundation
import Testing

/// Every endpoint over loopback against the emulator.
@Suite struct EndpointTests {
    @Test func listingsLatestDecodesAPage() async throws {
        try await withEmulatorClient(smallUniverse()) { client, emulator in
            let page = try await client.listingsLatest(ListingsQuery(limit: 250))
            #expect(page.value.items.count == 250)
            #expect(page.value.diagnostics.isEmpty)
            #expect(page.status.errorCode == 0)
            #expect(page.status.creditCount == 2)
            #expect(page.status.totalCount == 300)
            #expect(page.value.items.map(\.cmcRank) == (1...250).map { Optional($0) })
            let bitcoin = try #require(page.value.items.first)
            #expect(bitcoin.quote["USD"]?.price != nil)
            // Nulls stay nil, tokens carry an integer platform id in listings.
            #expect(page.value.items.contains { $0.maxSupply == nil })
            #expect(page.value.items.contains { $0.platform?.id != nil })
            #expect(await emulator.stats().creditsUsed == 2)
        }
    }

    @Test func listingsParametersAreSent() async throws {
        try await withEmulatorClient(smallUniverse()) { client, _ in
            var query = ListingsQuery(limit: 20, convert: ["USD", "EUR"], sort: .price, sortDirection: .asc)
            query.cryptocurrencyType = .tokens
            let page = try await client.listingsLatest(query)
            #expect(page.status.creditCount == 2)  // 1 per 200 rows + 1 extra convert
            #expect(page.value.items.allSatisfy { $0.platform != nil })
            let prices = page.value.items.compactMap { $0.quote["USD"]?.price }
            #expect(prices == prices.sorted())
            #expect(page.value.items.allSatisfy { $0.quote["EUR"] != nil })
        }
    }

    @Test func infoByIDSlugAndSymbol() async throws {
        try await withEmulatorClient(smallUniverse()) { client, _ in
            let listing = try await client.listingsLatest(ListingsQuery(limit: 300)).value.items
            let ids = Array(listing.prefix(3).map(\.id))
            let byID = try await client.info(InfoQuery(coins: .ids(ids)))
            #expect(Set(byID.value.entries.keys) == Set(ids.map(String.init)))
            let first = try #require(byID.value.entries[String(ids[0])]?.first)
            #expect(first.logo?.hasSuffix("/static/img/coins/64x64/\(ids[0]).png") == true)
            #expect(byID.status.creditCount == 1)

            let slug = try #require(listing[1].slug)
            let bySlug = try await client.info(InfoQuery(coins: .slugs([slug])))
            #expect(bySlug.value.entries.keys.first == String(listing[1].id))

            // A symbol shared by several coins: keyed by the symbol, an array of every match.
            let counts = Dictionary(grouping: listing.compactMap(\.symbol), by: { $0 }).mapValues(\.count)
            let shared = try #require(counts.first { $0.value > 1 }?.key)
            let bySymbol = try await client.info(InfoQuery(coins: .symbols([shared.lowercased()])))
            let matches = try #require(bySymbol.value.entries[shared.uppercased()])
            #expect(matches.count == counts[shared])
            // Tokens carry their platform id as a string in v2 info; the model reads it as an Int.
            let tokenIDs = listing.filter { $0.platform != nil }.prefix(5).map(\.id)
            let tokens = try await client.info(InfoQuery(coins: .ids(Array(tokenIDs))))
            #expect(tokens.value.allItems.allSatisfy { $0.platform?.id != nil })
        }
    }

    @Test func quotesLatestByIDAndSymbol() async throws {
        try await withEmulatorClient(smallUniverse()) { client, _ in
            let ids = try await client.listingsLatest(ListingsQuery(limit: 5)).value.items.map(\.id)
            let quotes = try await client.quotesLatest(QuotesQuery(coins: .ids(ids), convert: ["USD", "BTC"]))
            #expect(quotes.value.allItems.count == 5)
            #expect(quotes.value.allItems.allSatisfy { $0.quote["BTC"] != nil && $0.isActive != nil })
            #expect(quotes.status.creditCount == 2)
            let bySymbol = try await client.quotesLatest(QuotesQuery(coins: .symbols(["BTC"])))
            #expect(bySymbol.value.entries["BTC"]?.isEmpty == false)
        }
    }

    @Test func mapPagesGlobalMetricsKeyInfoAndFiat() async throws {
        try await withEmulatorClient(smallUniverse()) { client, emulator in
            var pages = 0
            var ids = Set<Int>()
            for try await page in client.mapPages(MapQuery(limit: 120)) {
                pages += 1
                ids.formUnion(page.value.items.map(\.id))
            }
            #expect(pages == 3)
            #expect(ids.count == 300)

            let global = try await client.globalMetrics(convertID: [2781])
            #expect(global.value.quote["2781"]?.totalMarketCap != nil)
            #expect(global.value.activeCryptocurrencies != nil)

            let key = try await client.keyInfo()
            #expect(key.status.creditCount == 0)
            #expect(key.value.plan.rateLimitMinute != nil)
            #expect(key.value.usage.currentMonth?.creditsUsed == (await emulator.stats().creditsUsed))

            let fiat = try await client.fiatMap(includeMetals: true)
            #expect(fiat.value.items.contains { $0.symbol == "USD" && $0.id == 2781 })
            #expect(fiat.value.items.contains { $0.symbol == "XAU" })
        }
    }

    @Test func adoptPlanLimitsSetsTheLimiter() async throws {
        var configuration = smallUniverse()
        configuration.plan = .basic
        try await withEmulatorClient(configuration) { client, _ in
            let info = try await client.adoptPlanLimits()
            #expect(info.plan.rateLimitMinute == 30)
            #expect(await client.limiter.configuration.callsPerWindow == 30)
        }
    }

    @Test func gzipIsAskedForAndDecoded() async throws {
        try await withEmulator(smallUniverse(), logger: testLogger()) { emulator in
            let http = AsyncHTTPClientTransport.makeHTTPClient()
            let transport = AsyncHTTPClientTransport(client: http)
            let url = try #require(URL(string: "\(emulator.baseURL)/v1/cryptocurrency/listings/latest?limit=10"))
            let plain = try await transport.send(
                HTTPRequest(url: url, headers: [(name: "X-CMC_PRO_API_KEY", value: emulator.apiKey)])
            )
            let zipped = try await transport.send(
                HTTPRequest(
                    url: url,
                    headers: [
                        (name: "X-CMC_PRO_API_KEY", value: emulator.apiKey), (name: "Accept-Encoding", value: "gzip"),
                    ]
                )
            )
            try await http.shutdown()
            #expect(zipped.header("Content-Encoding") == "gzip")
            #expect(RawJSON.isComplete(zipped.body))
            let plainData = try RawJSON.valueRange(ofTopLevelKey: "data", in: plain.body)
            let zippedData = try RawJSON.valueRange(ofTopLevelKey: "data", in: zipped.body)
            #expect(plain.body[plainData] == zipped.body[zippedData])
            #expect(await emulator.stats().gzipResponses >= 1)
        }
    }
}
