import CMCEmulator
import Foundation
import Testing

@Suite struct InfoAndQuotesTests {
    @Test func infoByIDIsKeyedByIDWithStringPlatformIDs() async throws {
        try await withEmulatorAndClient { emulator, http in
            let body = try await http.json("/v2/cryptocurrency/info?id=1,2396")
            let data = try #require(body.object("data"))
            #expect(Set(data.keys) == ["1", "2396"])
            let bitcoin = try #require(data.object("1"))
            #expect(bitcoin.string("category") == "coin")
            #expect(bitcoin.isNull("platform"))
            #expect((bitcoin.array("contract_address") ?? [1]).isEmpty)
            #expect(bitcoin.string("logo") == emulator.baseURL.absoluteString + "/static/img/coins/64x64/1.png")
            let weth = try #require(data.object("2396"))
            #expect(weth.string("category") == "token")
            let platform = try #require(weth.object("platform"))
            #expect(platform["id"] as? String == "1027")
            let contracts = try #require(weth.objects("contract_address"))
            #expect(contracts.count >= 2)
            let coin = try #require(contracts.first?.object("platform")?.object("coin"))
            #expect(coin["id"] as? String == "1027")
            #expect(weth.array("tags")?.count == weth.array("tag-names")?.count)
            #expect(weth.array("tags")?.count == weth.array("tag-groups")?.count)
            for key in [
                "urls", "description", "slug", "subreddit", "notice", "date_added", "twitter_username",
                "is_hidden", "date_launched", "self_reported_circulating_supply", "self_reported_tags",
                "self_reported_market_cap", "infinite_supply",
            ] {
                #expect(weth[key] != nil, "missing \(key)")
            }
            #expect(
                Set(weth.object("urls")?.keys ?? [:].keys) == [
                    "website", "twitter", "message_board", "chat", "facebook", "explorer", "reddit", "technical_doc",
                    "source_code", "announcement",
                ]
            )
            #expect(body.status.int("credit_count") == 1)
        }
    }

    @Test func infoBySlugIsKeyedByIDAndBySymbolWithArrays() async throws {
        try await withEmulatorAndClient { emulator, http in
            let bySlug = try await http.json("/v2/cryptocurrency/info?slug=bitcoin,ethereum")
            #expect(Set(bySlug.object("data")?.keys ?? [:].keys) == ["1", "1027"])

            let bySymbol = try await http.json("/v2/cryptocurrency/info?symbol=sol,btc")
            let data = try #require(bySymbol.object("data"))
            #expect(Set(data.keys) == ["SOL", "BTC"])
            let solana = try #require(data.objects("SOL"))
            let expected = emulator.coins.filter { $0.symbol == "SOL" }.map(\.id)
            #expect(expected.count >= 2, "a generated coin must share SOL with the top-100 coin")
            #expect(solana.compactMap { $0.int("id") } == expected)
            #expect(solana.first?.int("id") == 5426)
        }
    }

    @Test func infoByAddressIgnoresHexCase() async throws {
        try await withEmulatorAndClient { _, http in
            let body = try await http.json("/v2/cryptocurrency/info?address=0xDAC17F958D2EE523A2206206994597C13D831EC7")
            #expect(Set(body.object("data")?.keys ?? [:].keys) == ["825"])
        }
    }

    @Test func infoRejectsUnknownIDsUnlessSkipInvalid() async throws {
        try await withEmulatorAndClient { _, http in
            let refused = try await http.get("/v2/cryptocurrency/info?id=1,123")
            #expect(refused.status == 400)
            let status = try refused.json().status
            #expect(status.int("error_code") == 400)
            #expect(status.string("error_message") == "Invalid value for \"id\": \"123\"")
            #expect(status.int("credit_count") == 0)
            #expect(try refused.json()["data"] == nil)
            let skipped = try await http.json("/v2/cryptocurrency/info?id=1,123&skip_invalid=true")
            #expect(Set(skipped.object("data")?.keys ?? [:].keys) == ["1"])
        }
    }

    @Test func infoCreditsAre1Per100Coins() async throws {
        try await withEmulatorAndClient { emulator, http in
            let ids = emulator.coinIDs.prefix(150).map(String.init).joined(separator: ",")
            let body = try await http.json("/v2/cryptocurrency/info?id=\(ids)")
            #expect(body.object("data")?.count == 150)
            #expect(body.status.int("credit_count") == 2)
        }
    }

    @Test func maxIDsPerRequestRefusesLargerBatches() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.maxIDsPerRequest = 100 }) { emulator, http in
            let ids = emulator.coinIDs.prefix(101).map(String.init).joined(separator: ",")
            let exchange = try await http.get("/v2/cryptocurrency/info?id=\(ids)")
            #expect(exchange.status == 400)
            #expect(try exchange.json().status.string("error_message")?.contains("Too many") == true)
            let quotes = try await http.get("/v2/cryptocurrency/quotes/latest?id=\(ids)")
            #expect(quotes.status == 400)
            let fine = try await http.get(
                "/v2/cryptocurrency/info?id=\(emulator.coinIDs.prefix(100).map(String.init).joined(separator: ","))"
            )
            #expect(fine.status == 200)
        }
    }

    @Test func quotesHaveV2ShapeAndKeying() async throws {
        try await withEmulatorAndClient { _, http in
            let byID = try await http.json("/v2/cryptocurrency/quotes/latest?id=1,825")
            let data = try #require(byID.object("data"))
            #expect(Set(data.keys) == ["1", "825"])
            let bitcoin = try #require(data.object("1"))
            #expect(bitcoin.int("is_active") == 1)
            #expect(bitcoin.int("is_fiat") == 0)
            let tag = try #require(bitcoin.objects("tags")?.first)
            #expect(Set(tag.keys) == ["slug", "name", "category"])
            #expect(data.object("825")?.object("platform")?["id"] is NSNumber)
            #expect(bitcoin.object("quote")?.object("USD")?.double("price") != nil)

            let bySlug = try await http.json("/v2/cryptocurrency/quotes/latest?slug=bitcoin")
            #expect(Set(bySlug.object("data")?.keys ?? [:].keys) == ["1"])
            let bySymbol = try await http.json("/v2/cryptocurrency/quotes/latest?symbol=btc")
            #expect(bySymbol.object("data")?.objects("BTC")?.first?.int("id") == 1)
        }
    }

    @Test func quotesSkipInvalidByDefaultAndChargeConverts() async throws {
        try await withEmulatorAndClient { _, http in
            let body = try await http.json("/v2/cryptocurrency/quotes/latest?id=1,999999&convert=EUR,GBP")
            #expect(Set(body.object("data")?.keys ?? [:].keys) == ["1"])
            #expect(body.status.int("credit_count") == 2)
            let strict = try await http.get("/v2/cryptocurrency/quotes/latest?id=1,999999&skip_invalid=false")
            #expect(strict.status == 400)
        }
    }

    @Test func hostileAndNonASCIITextRoundTrips() async throws {
        try await withEmulatorAndClient { emulator, http in
            let hostile = emulator.coins.filter { $0.name.contains("<script>") || $0.name.contains("onerror") }
            #expect(hostile.count == 2)
            #expect(hostile.allSatisfy { $0.rank > 250 })
            let ids = hostile.map { String($0.id) }.joined(separator: ",")
            let exchange = try await http.get("/v2/cryptocurrency/info?id=\(ids)")
            #expect(exchange.text.contains(#"\"test\""#))
            #expect(exchange.text.contains(#"\n"#))
            let data = try #require(try exchange.json().object("data"))
            for coin in hostile {
                let item = try #require(data.object(String(coin.id)))
                #expect(item.string("name") == coin.name)
                #expect(item.string("description")?.contains("<") == true)
            }
            let names = Set(emulator.coins.map(\.name))
            #expect(names.contains("Ünicoin"))
            #expect(names.contains("狗狗币 Token"))
            #expect(names.contains("Café Finance"))
            let listing = try await http.json("/v1/cryptocurrency/listings/latest?limit=300")
            let listed = Set(try #require(listing.objects("data")).compactMap { $0.string("name") })
            #expect(listed.contains("狗狗币 Token"))
            #expect(listed.contains("Rocket 🚀 Inu"))
        }
    }

    @Test func hostileTextCanBeSwitchedOff() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.includeHostileText = false }) { emulator, _ in
            #expect(!emulator.coins.contains { $0.name.contains("<") })
        }
    }
}
