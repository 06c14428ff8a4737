import CMCEmulator
import Foundation
import Testing

@Suite struct ListingsTests {
    @Test func defaultPageHasTheRealShape() async throws {
        try await withEmulatorAndClient { emulator, http in
            let exchange = try await http.get("/v1/cryptocurrency/listings/latest")
            #expect(exchange.status == 200)
            #expect(exchange.header("Content-Type") == "application/json; charset=utf-8")
            #expect(exchange.header("Content-Encoding") == nil)
            let body = try exchange.json()
            let status = body.status
            #expect(status.int("error_code") == 0)
            #expect(status.isNull("error_message"))
            #expect(status.isNull("notice"))
            #expect(status.int("credit_count") == 1)
            #expect(status.int("total_count") == 300)
            #expect(status.int("elapsed") != nil)
            let timestamp = try #require(status.string("timestamp"))
            #expect(
                timestamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil
            )

            let data = try #require(body.objects("data"))
            #expect(data.count == 100)
            #expect(data.map { $0.int("cmc_rank") } == Array(1...100).map(Optional.some))
            #expect(data.compactMap { $0.int("id") } == Array(emulator.coinIDs.prefix(100)))
            let bitcoin = data[0]
            #expect(bitcoin.int("id") == 1)
            #expect(bitcoin.string("symbol") == "BTC")
            for key in [
                "num_market_pairs", "date_added", "tags", "max_supply", "circulating_supply", "total_supply",
                "infinite_supply", "platform", "cmc_rank", "self_reported_circulating_supply",
                "self_reported_market_cap", "tvl_ratio", "last_updated", "quote",
            ] {
                #expect(bitcoin[key] != nil, "missing \(key)")
            }
            #expect(bitcoin["volume_7d"] == nil)
            #expect(bitcoin.isNull("platform"))
            #expect(bitcoin.array("tags")?.first is String)
            let usd = try #require(bitcoin.object("quote")?.object("USD"))
            for key in [
                "price", "volume_24h", "volume_change_24h", "percent_change_1h", "percent_change_24h",
                "percent_change_7d", "percent_change_30d", "percent_change_60d", "percent_change_90d", "market_cap",
                "market_cap_dominance", "fully_diluted_market_cap", "tvl", "last_updated",
            ] {
                #expect(usd[key] != nil, "missing quote.USD.\(key)")
            }
            #expect(usd.string("last_updated")?.hasSuffix(":00.000Z") == true)
            #expect(usd.string("last_updated") == bitcoin.string("last_updated"))

            let tether = try #require(data.first { $0.int("id") == 825 })
            let platform = try #require(tether.object("platform"))
            #expect(platform["id"] is NSNumber)
            #expect(platform.int("id") == 1027)
            #expect(platform.string("token_address") == "0xdac17f958d2ee523a2206206994597c13d831ec7")
        }
    }
}

extension ListingsTests {
    @Test func optionalAuxFieldsAppearOnlyWhenAsked() async throws {
        try await withEmulatorAndClient { _, http in
            let aux = "cmc_rank,volume_7d,volume_30d_reported,market_cap_by_total_supply,is_market_cap_included_in_calc"
            let body = try await http.json("/v1/cryptocurrency/listings/latest?limit=3&aux=\(aux)")
            let item = try #require(body.objects("data")?.first)
            #expect(item.int("cmc_rank") == 1)
            #expect(item["num_market_pairs"] == nil)
            #expect(item["tags"] == nil)
            #expect(item["platform"] == nil)
            #expect(item.int("is_market_cap_included_in_calc") == 1)
            let usd = try #require(item.object("quote")?.object("USD"))
            #expect(usd.double("volume_7d") != nil)
            #expect(usd.double("volume_30d_reported") != nil)
            #expect(usd.double("market_cap_by_total_supply") != nil)
            #expect(usd["volume_24h_reported"] == nil)
        }
    }

    @Test func convertKeysQuotesBySymbolOrIdAndCostsExtraCredits() async throws {
        try await withEmulatorAndClient { _, http in
            let bySymbol = try await http.json("/v1/cryptocurrency/listings/latest?limit=2&convert=usd,EUR,BTC")
            #expect(bySymbol.status.int("credit_count") == 3)
            let quote = try #require(bySymbol.objects("data")?.first?.object("quote"))
            #expect(Set(quote.keys) == ["USD", "EUR", "BTC"])
            let btcPrice = try #require(quote.object("BTC")?.double("price"))
            #expect(abs(btcPrice - 1) < 1e-9)
            let eur = try #require(quote.object("EUR")?.double("price"))
            let usd = try #require(quote.object("USD")?.double("price"))
            #expect(eur < usd && eur > usd * 0.8)

            let byID = try await http.json("/v1/cryptocurrency/listings/latest?limit=1&convert_id=2781,1027")
            #expect(Set(byID.objects("data")?.first?.object("quote")?.keys ?? [:].keys) == ["2781", "1027"])
            #expect(byID.status.int("credit_count") == 2)
        }
    }

    @Test func planLimitsTheNumberOfConverts() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.plan = .basic }) { _, http in
            let exchange = try await http.get("/v1/cryptocurrency/listings/latest?convert=USD,EUR")
            #expect(exchange.status == 400)
            #expect(try exchange.json().status.string("error_message") == "Your plan is limited to 1 convert options")
        }
    }

    @Test func sortsByEveryFieldWithNullsLast() async throws {
        try await withEmulatorAndClient { _, http in
            for direction in ["asc", "desc"] {
                let body = try await http.json(
                    "/v1/cryptocurrency/listings/latest?limit=300&sort=max_supply&sort_dir=\(direction)"
                )
                let values = try #require(body.objects("data")).map { $0.double("max_supply") }
                let firstNull = try #require(values.firstIndex(of: nil))
                #expect(values[firstNull...].allSatisfy { $0 == nil }, "nulls must come last (\(direction))")
                let present = values[..<firstNull].compactMap { $0 }
                #expect(present == (direction == "asc" ? present.sorted() : present.sorted(by: >)))
            }
            let byPrice = try await http.json("/v1/cryptocurrency/listings/latest?limit=300&sort=price&sort_dir=asc")
            let prices = try #require(byPrice.objects("data")).compactMap {
                $0.object("quote")?.object("USD")?.double("price")
            }
            #expect(prices == prices.sorted())
            let byName = try await http.json("/v1/cryptocurrency/listings/latest?limit=300&sort=name")
            let names = try #require(byName.objects("data")).compactMap { $0.string("name")?.lowercased() }
            #expect(names == names.sorted())
            let reversed = try await http.json("/v1/cryptocurrency/listings/latest?limit=300&sort_dir=asc")
            #expect(try #require(reversed.objects("data")).first?.int("cmc_rank") == 300)
            for field in [
                "symbol", "date_added", "market_cap_strict", "circulating_supply", "total_supply", "num_market_pairs",
                "volume_24h", "percent_change_1h", "percent_change_24h", "percent_change_7d",
                "market_cap_by_total_supply_strict", "volume_7d", "volume_30d",
            ] {
                let body = try await http.json("/v1/cryptocurrency/listings/latest?limit=5&sort=\(field)")
                #expect(body.objects("data")?.count == 5, "sort=\(field)")
            }
        }
    }

    @Test func filtersNarrowTotalCountAndPagesPastTheEndAreEmpty() async throws {
        try await withEmulatorAndClient { _, http in
            let tokens = try await http.json("/v1/cryptocurrency/listings/latest?limit=5000&cryptocurrency_type=tokens")
            let tokenItems = try #require(tokens.objects("data"))
            #expect(tokenItems.allSatisfy { $0.object("platform") != nil })
            #expect(tokens.status.int("total_count") == tokenItems.count)
            let coins = try await http.json("/v1/cryptocurrency/listings/latest?limit=5000&cryptocurrency_type=coins")
            #expect(try #require(coins.objects("data")).allSatisfy { $0.isNull("platform") })
            #expect((coins.status.int("total_count") ?? 0) + tokenItems.count == 300)

            let defi = try await http.json("/v1/cryptocurrency/listings/latest?limit=5000&tag=defi")
            let defiItems = try #require(defi.objects("data"))
            #expect(!defiItems.isEmpty)
            #expect(defiItems.allSatisfy { ($0.array("tags") as? [String])?.contains("defi") == true })

            let cheap = try await http.json(
                "/v1/cryptocurrency/listings/latest?limit=5000&price_max=1&volume_24h_min=1000"
            )
            let cheapItems = try #require(cheap.objects("data"))
            #expect(
                cheapItems.allSatisfy {
                    let usd = $0.object("quote")?.object("USD")
                    return (usd?.double("price") ?? 2) <= 1 && (usd?.double("volume_24h") ?? 0) >= 1000
                }
            )
            #expect(cheap.status.int("total_count") == cheapItems.count)

            let past = try await http.json("/v1/cryptocurrency/listings/latest?start=301&limit=10")
            #expect(past.objects("data")?.isEmpty == true)
            #expect(past.status.int("total_count") == 300)
            let tail = try await http.json("/v1/cryptocurrency/listings/latest?start=295&limit=10")
            #expect(tail.objects("data")?.count == 6)
        }
    }

    @Test func creditsFollowRowsPer200() async throws {
        try await withEmulatorAndClient { emulator, http in
            let small = try await http.json("/v1/cryptocurrency/listings/latest?limit=200")
            #expect(small.status.int("credit_count") == 1)
            let large = try await http.json("/v1/cryptocurrency/listings/latest?limit=201")
            #expect(large.status.int("credit_count") == 2)
            #expect(await emulator.stats().creditsUsed == 3)
        }
    }
}
