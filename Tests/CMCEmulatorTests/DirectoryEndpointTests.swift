import CMCEmulator
import Testing

@Suite struct DirectoryEndpointTests {
    @Test func mapIsSortedByIDWithIntegerPlatformIDs() async throws {
        try await withEmulatorAndClient { emulator, http in
            let body = try await http.json("/v1/cryptocurrency/map")
            let items = try #require(body.objects("data"))
            #expect(items.count == 300)
            let ids = items.compactMap { $0.int("id") }
            #expect(ids == emulator.coinIDs.sorted())
            let first = items[0]
            #expect(
                Set(first.keys) == [
                    "id", "rank", "name", "symbol", "slug", "is_active", "first_historical_data",
                    "last_historical_data",
                    "platform",
                ]
            )
            #expect(first.int("is_active") == 1)
            let token = try #require(items.first { $0.object("platform") != nil })
            #expect(token.object("platform")?["id"] is Int)
            #expect(body.status.int("credit_count") == 1)

            let ranked = try await http.json("/v1/cryptocurrency/map?sort=cmc_rank&start=2&limit=3&aux=status")
            let rankedItems = try #require(ranked.objects("data"))
            #expect(rankedItems.compactMap { $0.int("rank") } == [2, 3, 4])
            #expect(rankedItems.first?.string("status") == "active")
            #expect(rankedItems.first?["platform"] == nil)

            let bySymbol = try await http.json("/v1/cryptocurrency/map?symbol=SOL")
            #expect((bySymbol.objects("data")?.count ?? 0) >= 2)
            let inactive = try await http.json("/v1/cryptocurrency/map?listing_status=inactive")
            #expect(inactive.objects("data")?.isEmpty == true)
        }
    }

    @Test func fiatMapListsFiatsAndOptionallyMetals() async throws {
        try await withEmulatorAndClient { _, http in
            let fiats = try #require(try await http.json("/v1/fiat/map").objects("data"))
            #expect(fiats.count == 93)
            #expect(fiats.first.map { Set($0.keys) } == ["id", "name", "sign", "symbol"])
            #expect(fiats.first?.int("id") == 2781)
            #expect(fiats.first?.string("symbol") == "USD")
            let all = try #require(try await http.json("/v1/fiat/map?include_metals=true").objects("data"))
            #expect(all.count == 97)
            #expect(all.contains { $0.string("symbol") == "XAU" && $0.int("id") == 3575 })
            let byName = try #require(try await http.json("/v1/fiat/map?sort=name&limit=2").objects("data"))
            #expect(byName.count == 2)
            #expect(byName.first?.string("name") == "Albanian Lek")
        }
    }

    @Test func globalMetricsAggregateTheUniverse() async throws {
        try await withEmulatorAndClient { _, http in
            let body = try await http.json("/v1/global-metrics/quotes/latest")
            let data = try #require(body.object("data"))
            #expect(data.int("active_cryptocurrencies") == 300)
            for key in [
                "total_cryptocurrencies", "active_market_pairs", "active_exchanges", "total_exchanges",
                "eth_dominance", "btc_dominance", "last_updated",
            ] {
                #expect(data[key] != nil, "missing \(key)")
            }
            let usd = try #require(data.object("quote")?.object("USD"))
            for key in [
                "total_market_cap", "total_volume_24h", "total_volume_24h_reported", "altcoin_volume_24h",
                "altcoin_volume_24h_reported", "altcoin_market_cap", "last_updated",
            ] {
                #expect(usd[key] != nil, "missing quote.USD.\(key)")
            }
            #expect((data.double("btc_dominance") ?? 0) > 30)
            let byID = try await http.json("/v1/global-metrics/quotes/latest?convert_id=2781")
            #expect(byID.object("data")?.object("quote")?.object("2781") != nil)
            #expect(body.status.int("credit_count") == 1)
        }
    }

    @Test func keyInfoHasTheModernShapeAndLiveCounters() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.plan = .basic }) { _, http in
            _ = try await http.json("/v1/cryptocurrency/listings/latest?limit=250")
            let body = try await http.json("/v1/key/info")
            #expect(body.status.int("credit_count") == 0)
            let plan = try #require(body.object("data")?.object("plan"))
            #expect(
                Set(plan.keys) == [
                    "credit_limit_monthly", "credit_limit_monthly_reset", "credit_limit_monthly_reset_timestamp",
                    "rate_limit_minute",
                ]
            )
            #expect(plan.int("credit_limit_monthly") == 10_000)
            #expect(plan.int("rate_limit_minute") == 30)
            #expect(plan.string("credit_limit_monthly_reset_timestamp")?.hasSuffix("-01T00:00:00.000Z") == true)
            let usage = try #require(body.object("data")?.object("usage"))
            #expect(usage.object("current_minute")?.int("requests_made") == 2)
            #expect(usage.object("current_minute")?.int("requests_left") == 28)
            #expect(usage.object("current_day").map { Set($0.keys) } == ["credits_used"])
            #expect(usage.object("current_day")?.int("credits_used") == 2)
            #expect(usage.object("current_month")?.int("credits_left") == 9998)
        }
    }
}
