import CMCModels
import Foundation
import Testing

/// Bodies shaped exactly like the constructed examples of `cmc-api.md`, inline, independent of any server.
@Suite struct ConstructedExampleTests {
    // MARK: - §3.2 listings/latest

    static let listingsBody = #"""
        {
          "status": {"timestamp": "2024-05-01T12:00:03.512Z", "error_code": 0, "error_message": null,
                     "elapsed": 21, "credit_count": 1, "notice": null, "total_count": 9871},
          "data": [
            {
              "id": 1, "name": "Bitcoin", "symbol": "BTC", "slug": "bitcoin", "num_market_pairs": 11020,
              "date_added": "2010-07-13T00:00:00.000Z",
              "tags": ["mineable", "pow", "sha-256", "store-of-value"],
              "max_supply": 21000000, "circulating_supply": 19694012, "total_supply": 19694012,
              "infinite_supply": false, "platform": null, "cmc_rank": 1,
              "self_reported_circulating_supply": null, "self_reported_market_cap": null, "tvl_ratio": null,
              "last_updated": "2024-05-01T11:59:00.000Z",
              "quote": {"USD": {
                "price": 57512.4417, "volume_24h": 41322991200.51, "volume_change_24h": 12.3345,
                "percent_change_1h": -0.21, "percent_change_24h": -4.77, "percent_change_7d": -11.02,
                "percent_change_30d": -19.8, "percent_change_60d": -12.1, "percent_change_90d": 35.4,
                "market_cap": 1132650000000.12, "market_cap_dominance": 53.41,
                "fully_diluted_market_cap": 1207760000000.3, "tvl": null,
                "last_updated": "2024-05-01T11:59:00.000Z"}}
            },
            {
              "id": 825, "name": "Tether USDt", "symbol": "USDT", "slug": "tether", "num_market_pairs": 98000,
              "date_added": "2015-02-25T00:00:00.000Z", "tags": ["payments", "stablecoin"],
              "max_supply": null, "circulating_supply": 110900000000.12, "total_supply": 113400000000.5,
              "infinite_supply": true,
              "platform": {"id": 1027, "name": "Ethereum", "symbol": "ETH", "slug": "ethereum",
                           "token_address": "0xdac17f958d2ee523a2206206994597c13d831ec7"},
              "cmc_rank": 3, "self_reported_circulating_supply": null, "self_reported_market_cap": null,
              "tvl_ratio": null, "last_updated": "2024-05-01T11:59:00.000Z",
              "quote": {"USD": {"price": 1.0002, "volume_24h": 70100000000.1, "volume_change_24h": -3.2,
                "percent_change_1h": 0.01, "percent_change_24h": 0.02, "percent_change_7d": 0.0,
                "percent_change_30d": 0.03, "percent_change_60d": -0.01, "percent_change_90d": 0.02,
                "market_cap": 110922180000.2, "market_cap_dominance": 4.59,
                "fully_diluted_market_cap": 113422680000.6, "tvl": null,
                "last_updated": "2024-05-01T11:59:00.000Z"}}
            }
          ]
        }
        """#

    @Test func listingsExampleDecodesFieldByField() throws {
        let envelope = try decodeJSON(CMCEnvelope<DecodedList<Listing>>.self, Self.listingsBody)
        #expect(
            envelope.status
                == CMCStatus(
                    timestamp: "2024-05-01T12:00:03.512Z",
                    errorCode: 0,
                    elapsed: 21,
                    creditCount: 1,
                    totalCount: 9871
                )
        )
        let page = try #require(envelope.data)
        #expect(page.diagnostics == [])
        #expect(page.items.count == 2)
        let bitcoin = page.items[0]
        #expect(bitcoin.id == 1 && bitcoin.name == "Bitcoin" && bitcoin.symbol == "BTC" && bitcoin.slug == "bitcoin")
        #expect(bitcoin.numMarketPairs == 11020)
        #expect(bitcoin.tags == ["mineable", "pow", "sha-256", "store-of-value"])
        #expect(bitcoin.maxSupply == 21_000_000 && bitcoin.circulatingSupply == 19_694_012)
        #expect(bitcoin.infiniteSupply == false && bitcoin.platform == nil && bitcoin.cmcRank == 1)
        let usd = try #require(bitcoin.quote["USD"])
        #expect(usd.price == 57512.4417)
        #expect(usd.volume24h == 41_322_991_200.51)
        #expect(usd.percentChange7d == -11.02 && usd.percentChange90d == 35.4)
        #expect(usd.marketCapDominance == 53.41 && usd.tvl == nil)
        #expect(usd.lastUpdated == "2024-05-01T11:59:00.000Z")

        let tether = page.items[1]
        #expect(tether.maxSupply == nil)
        #expect(tether.infiniteSupply == true)
        #expect(tether.totalSupply == 113_400_000_000.5)
        #expect(
            tether.platform
                == CMCPlatform(
                    id: 1027,
                    name: "Ethereum",
                    symbol: "ETH",
                    slug: "ethereum",
                    tokenAddress: "0xdac17f958d2ee523a2206206994597c13d831ec7"
                )
        )
        #expect(tether.quote["USD"]?.percentChange7d == 0)
    }

    // MARK: - §3.3 info by id, and the by-symbol shape

    static let bitcoinInfo = #"""
        {
          "id": 1, "name": "Bitcoin", "symbol": "BTC", "category": "coin",
          "description": "Bitcoin (BTC) is a cryptocurrency launched in 2010. ...",
          "slug": "bitcoin", "logo": "https://s2.coinmarketcap.com/static/img/coins/64x64/1.png",
          "subreddit": "bitcoin", "notice": "",
          "tags": ["mineable", "pow", "sha-256"], "tag-names": ["Mineable", "PoW", "SHA-256"],
          "tag-groups": ["OTHERS", "ALGORITHM", "ALGORITHM"],
          "urls": {"website": ["https://bitcoin.org/"], "twitter": [], "message_board": ["https://bitcointalk.org"],
                   "chat": [], "facebook": [], "explorer": ["https://blockchain.info/"],
                   "reddit": ["https://reddit.com/r/bitcoin"], "technical_doc": ["https://bitcoin.org/bitcoin.pdf"],
                   "source_code": ["https://github.com/bitcoin/bitcoin"], "announcement": []},
          "platform": null, "date_added": "2010-07-13T00:00:00.000Z", "twitter_username": "",
          "is_hidden": 0, "date_launched": "2010-07-13T00:00:00.000Z", "contract_address": [],
          "self_reported_circulating_supply": null, "self_reported_tags": null,
          "self_reported_market_cap": null, "infinite_supply": false
        }
        """#

    static let wethInfo = #"""
        {
          "id": 2396, "name": "WETH", "symbol": "WETH", "category": "token",
          "description": "WETH (WETH) is a cryptocurrency and operates on the Ethereum platform. ...",
          "slug": "weth", "logo": "https://s2.coinmarketcap.com/static/img/coins/64x64/2396.png",
          "subreddit": "", "notice": "", "tags": ["wrapped-tokens"], "tag-names": ["Wrapped Tokens"],
          "tag-groups": ["PLATFORM"],
          "urls": {"website": ["https://weth.io/"], "twitter": [], "message_board": [], "chat": [],
                   "facebook": [],
                   "explorer": ["https://etherscan.io/token/0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"],
                   "reddit": [], "technical_doc": [], "source_code": [], "announcement": []},
          "platform": {"id": "1027", "name": "Ethereum", "slug": "ethereum", "symbol": "ETH",
                       "token_address": "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"},
          "date_added": "2018-01-14T00:00:00.000Z", "twitter_username": "", "is_hidden": 0,
          "date_launched": null,
          "contract_address": [{"contract_address": "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2",
            "platform": {"name": "Ethereum",
                         "coin": {"id": "1027", "name": "Ethereum", "symbol": "ETH", "slug": "ethereum"}}}],
          "self_reported_circulating_supply": null, "self_reported_tags": null,
          "self_reported_market_cap": null, "infinite_supply": false
        }
        """#

    static let infoStatus = #"""
        {"timestamp": "2024-08-28T17:04:12.022Z", "error_code": 0, "error_message": null,
         "elapsed": 25, "credit_count": 1, "notice": null}
        """#

    @Test func infoByIdExampleDecodes() throws {
        let body = #"{"status": \#(Self.infoStatus), "data": {"1": \#(Self.bitcoinInfo), "2396": \#(Self.wethInfo)}}"#
        let envelope = try decodeJSON(CMCEnvelope<DecodedMap<CoinInfo>>.self, body)
        let map = try #require(envelope.data)
        #expect(envelope.status.creditCount == 1)
        #expect(map.diagnostics == [])
        #expect(map.orderedKeys == ["1", "2396"])
        #expect(map.allItems.map(\.id) == [1, 2396])

        let bitcoin = try #require(map.entries["1"]?.first)
        #expect(bitcoin.category == "coin")
        #expect(bitcoin.tags == ["mineable", "pow", "sha-256"])
        #expect(bitcoin.tagNames == ["Mineable", "PoW", "SHA-256"])
        #expect(bitcoin.tagGroups == ["OTHERS", "ALGORITHM", "ALGORITHM"])
        #expect(bitcoin.urls?.count == 10)
        #expect(bitcoin.urls?["technical_doc"] == ["https://bitcoin.org/bitcoin.pdf"])
        #expect(bitcoin.platform == nil)
        #expect(bitcoin.contractAddress == [])
        #expect(bitcoin.dateLaunched == "2010-07-13T00:00:00.000Z")
        #expect(bitcoin.isHidden == 0 && bitcoin.infiniteSupply == false)

        let weth = try #require(map.entries["2396"]?.first)
        #expect(weth.platform?.id == 1027)
        #expect(weth.dateLaunched == nil)
        let contract = try #require(weth.contractAddress?.first)
        #expect(contract.contractAddress == "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")
        #expect(contract.platform?.name == "Ethereum")
        #expect(
            contract.platform?.coin
                == CMCContractAddress.Coin(id: 1027, name: "Ethereum", symbol: "ETH", slug: "ethereum")
        )
    }

    @Test func infoBySymbolExampleKeepsEveryCoinOfTheSymbol() throws {
        let otherCoin = #"{"id": 31469, "name": "Bitcoin Other", "symbol": "BTC", "slug": "bitcoin-other"}"#
        let body = #"{"status": \#(Self.infoStatus), "data": {"BTC": [\#(Self.bitcoinInfo), \#(otherCoin)]}}"#
        let map = try #require(try decodeJSON(CMCEnvelope<DecodedMap<CoinInfo>>.self, body).data)
        #expect(map.diagnostics == [])
        #expect(map.orderedKeys == ["BTC"])
        #expect(map.entries["BTC"]?.map(\.id) == [1, 31469])
        #expect(map.entries["BTC"]?.last?.tags == nil)
    }

    // MARK: - §3.4 error body

    @Test func errorExampleHasNoData() throws {
        let body = #"""
            {"status": {"timestamp": "2024-05-01T12:00:00.000Z", "error_code": 1008,
              "error_message":
                "You've exceeded your API Key's HTTP request rate limit. Rate limits reset every minute.",
              "elapsed": 0, "credit_count": 0}}
            """#
        let envelope = try decodeJSON(CMCEnvelope<DecodedList<Listing>>.self, body)
        #expect(envelope.data == nil)
        #expect(envelope.status.errorCode == 1008)
        #expect(!envelope.status.isSuccess)
        #expect(envelope.status.errorMessage?.hasSuffix("Rate limits reset every minute.") == true)
        #expect(envelope.status.creditCount == 0 && envelope.status.notice == nil)
    }

    // MARK: - §2.6 key/info with the daily fields

    @Test func keyInfoWithDailyFieldsDecodes() throws {
        let body = #"""
            {"status": {"timestamp": "2019-08-28T04:03:54.000Z", "error_code": 0, "error_message": null,
                        "elapsed": 3, "credit_count": 0, "notice": null},
             "data": {
               "plan": {"credit_limit_daily": 4000, "credit_limit_daily_reset": "In 19 hours, 56 minutes",
                        "credit_limit_daily_reset_timestamp": "2019-08-29T00:00:00.000Z",
                        "credit_limit_monthly": 120000, "credit_limit_monthly_reset": "In 3 days, 19 hours, 56 minutes",
                        "credit_limit_monthly_reset_timestamp": "2019-09-01T00:00:00.000Z",
                        "rate_limit_minute": 60},
               "usage": {"current_minute": {"requests_made": 1, "requests_left": 59},
                         "current_day": {"credits_used": 1, "credits_left": 3999},
                         "current_month": {"credits_used": 1, "credits_left": 119999}}}}
            """#
        let info = try #require(try decodeJSON(CMCEnvelope<KeyInfo>.self, body).data)
        #expect(
            info.plan
                == KeyInfo.Plan(
                    creditLimitDaily: 4000,
                    creditLimitDailyReset: "In 19 hours, 56 minutes",
                    creditLimitDailyResetTimestamp: "2019-08-29T00:00:00.000Z",
                    creditLimitMonthly: 120_000,
                    creditLimitMonthlyReset: "In 3 days, 19 hours, 56 minutes",
                    creditLimitMonthlyResetTimestamp: "2019-09-01T00:00:00.000Z",
                    rateLimitMinute: 60
                )
        )
        #expect(info.usage.currentMinute == KeyInfo.Usage.Minute(requestsMade: 1, requestsLeft: 59))
        #expect(info.usage.currentDay == KeyInfo.Usage.Day(creditsUsed: 1, creditsLeft: 3999))
        #expect(info.usage.currentMonth == KeyInfo.Usage.Month(creditsUsed: 1, creditsLeft: 119_999))
    }

    // MARK: - §2.5 global metrics with convert_id=2781

    @Test func globalMetricsKeyedByConvertIdDecodes() throws {
        let body = #"""
            {"status": {"timestamp": "2025-07-26T13:21:59.910Z", "error_code": 0, "error_message": null,
                        "elapsed": 13, "credit_count": 1, "notice": null},
             "data": {
               "active_cryptocurrencies": 9460, "total_cryptocurrencies": 35426, "active_market_pairs": 106179,
               "active_exchanges": 835, "total_exchanges": 10769,
               "eth_dominance": 11.64880877455, "btc_dominance": 60.551289841446,
               "eth_dominance_yesterday": 11.72323751, "btc_dominance_yesterday": 60.49266896,
               "eth_dominance_24h_percentage_change": -0.07442873545,
               "btc_dominance_24h_percentage_change": 0.058620881446,
               "defi_volume_24h": 4.031332411725151E10, "defi_volume_24h_reported": 8.851474601194867E10,
               "defi_market_cap": 1.13364790849146E11, "defi_24h_percentage_change": -16.169850370142,
               "stablecoin_volume_24h": 1.4449371509541577E11, "stablecoin_volume_24h_reported": 7.274370225908739E11,
               "stablecoin_market_cap": 2.4698011342198828E11, "stablecoin_24h_percentage_change": -33.88418278661,
               "derivatives_volume_24h": 1.4438367955931663E12,
               "derivatives_volume_24h_reported": 1.4438367955931663E12,
               "derivatives_24h_percentage_change": -33.445630934268,
               "total_crypto_dex_currencies": 18847525, "today_incremental_crypto_number": 0,
               "past_24h_incremental_crypto_number": 26398, "past_7d_incremental_crypto_number": 180331,
               "past_30d_incremental_crypto_number": 1153760, "today_change_percent": 0.021965266752,
               "tracked_yearly_number": {"maxIncrementalNumber": 184087, "minIncrementalNumber": 4140,
                 "maxIncrementalDate": "2025-04-17T00:00:00.000Z", "minIncrementalDate": "2025-07-26T00:00:00.000Z"},
               "quote": {"2781": {
                 "total_market_cap": 3.885178841234972E12, "total_volume_24h": 1.5220378513907E11,
                 "total_volume_24h_reported": 7.4464865773788E11, "altcoin_volume_24h": 8.886377132498178E10,
                 "altcoin_volume_24h_reported": 5.1665678168553345E11, "altcoin_market_cap": 1.5326529402202395E12,
                 "defi_volume_24h": 4.031332411725151E10, "defi_market_cap": 1.13364790849146E11,
                 "total_market_cap_yesterday": 3.8194882255983643E12,
                 "total_volume_24h_yesterday": 2.2855243250888E11,
                 "total_market_cap_yesterday_percentage_change": 1.7198800403767933,
                 "total_volume_24h_yesterday_percentage_change": -33.40530946518962,
                 "last_updated": "2025-07-26T13:19:59.999Z"}},
               "last_updated": "2025-07-26T13:19:59.999Z"}}
            """#
        let metrics = try #require(try decodeJSON(CMCEnvelope<GlobalMetrics>.self, body).data)
        #expect(metrics.activeCryptocurrencies == 9460 && metrics.totalCryptocurrencies == 35426)
        #expect(metrics.activeMarketPairs == 106_179 && metrics.activeExchanges == 835)
        #expect(metrics.totalExchanges == 10769)
        #expect(metrics.btcDominance == 60.551289841446 && metrics.ethDominance == 11.64880877455)
        #expect(metrics.btcDominance24hPercentageChange == 0.058620881446)
        #expect(metrics.stablecoinMarketCap == 2.4698011342198828E11)
        #expect(metrics.derivativesVolume24h == 1.4438367955931663E12)
        #expect(metrics.todayIncrementalCryptoNumber == 0)
        #expect(metrics.trackedYearlyNumber?.maxIncrementalNumber == 184_087)
        #expect(metrics.trackedYearlyNumber?.minIncrementalDate == "2025-07-26T00:00:00.000Z")
        #expect(metrics.lastUpdated == "2025-07-26T13:19:59.999Z")
        #expect(Array(metrics.quote.keys) == ["2781"])
        let quote = try #require(metrics.quote["2781"])
        #expect(quote.totalMarketCap == 3.885178841234972E12)
        #expect(quote.altcoinMarketCap == 1.5326529402202395E12)
        #expect(quote.totalVolume24hYesterdayPercentageChange == -33.40530946518962)
        #expect(quote.stablecoinVolume24h == nil)
    }

    @Test func globalMetricsOfTheSpecShapeDecodes() throws {
        let body = #"""
            {"active_cryptocurrencies": 4986, "total_cryptocurrencies": 9607, "active_market_pairs": 39670,
             "active_exchanges": 372, "total_exchanges": 1347, "eth_dominance": 17.422, "btc_dominance": 63.0,
             "quote": {"USD": {"total_market_cap": 250000000000, "total_volume_24h": 60000000000,
               "total_volume_24h_reported": 300000000000, "altcoin_volume_24h": 40000000000,
               "altcoin_volume_24h_reported": 200000000000, "altcoin_market_cap": 92000000000,
               "last_updated": "2019-05-16T18:47:00.000Z"}},
             "last_updated": "2019-05-16T18:47:00.000Z"}
            """#
        let metrics = try decodeJSON(GlobalMetrics.self, body)
        #expect(metrics.btcDominance == 63)
        #expect(metrics.defiMarketCap == nil && metrics.trackedYearlyNumber == nil)
        #expect(metrics.quote["USD"]?.totalMarketCap == 250_000_000_000)
    }

    // MARK: - §2.3 map and §2.7 fiat/map items

    @Test func mapItemsDecode() throws {
        let body = #"""
            [{"id": 1, "rank": 1, "name": "Bitcoin", "symbol": "BTC", "slug": "bitcoin", "is_active": 1,
              "first_historical_data": "2013-04-28T18:47:21.000Z", "last_historical_data": "2024-05-01T11:59:00.000Z",
              "platform": null},
             {"id": 825, "rank": 3, "name": "Tether USDt", "symbol": "USDT", "slug": "tether", "is_active": 1,
              "status": "active", "first_historical_data": "2015-02-25T13:34:26.000Z",
              "last_historical_data": "2024-05-01T11:59:00.000Z",
              "platform": {"id": 1027, "name": "Ethereum", "symbol": "ETH", "slug": "ethereum",
                           "token_address": "0xdac17f958d2ee523a2206206994597c13d831ec7"}}]
            """#
        let list = try decodeJSON(DecodedList<MapEntry>.self, body)
        #expect(list.diagnostics == [])
        #expect(
            list.items.first
                == MapEntry(
                    id: 1,
                    rank: 1,
                    name: "Bitcoin",
                    symbol: "BTC",
                    slug: "bitcoin",
                    isActive: 1,
                    firstHistoricalData: "2013-04-28T18:47:21.000Z",
                    lastHistoricalData: "2024-05-01T11:59:00.000Z"
                )
        )
        #expect(list.items.last?.status == "active")
        #expect(list.items.last?.platform?.slug == "ethereum")
    }

    @Test func fiatItemDecodes() throws {
        let body = #"[{"id": 2781, "name": "United States Dollar", "sign": "$", "symbol": "USD"}]"#
        let list = try decodeJSON(DecodedList<FiatEntry>.self, body)
        #expect(list.items == [FiatEntry(id: 2781, name: "United States Dollar", sign: "$", symbol: "USD")])
        #expect(list.diagnostics == [])
    }
}
