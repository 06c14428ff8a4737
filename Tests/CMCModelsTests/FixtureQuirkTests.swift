import CMCModels
import Foundation
import Testing

/// The quirks `Fixtures/PROVENANCE.md` records for each real response, read back through the models.
@Suite struct FixtureQuirkTests {
    // MARK: - listings/latest

    @Test func openBBListingsCounts() throws {
        let envelope = try Fixture.listings("listings_latest.openbb.2022-01-29")
        let items = try #require(envelope.data).items
        #expect(envelope.status.totalCount == 9281)
        #expect(items.count == 100)
        #expect(items.filter { $0.platform == nil }.count == 56)
        #expect(items.filter { $0.platform != nil }.allSatisfy { $0.platform?.id != nil })
        #expect(items.filter { $0.maxSupply == nil }.count == 41)
        #expect(items.filter { $0.selfReportedCirculatingSupply != nil }.count == 12)
        #expect(items.allSatisfy { $0.infiniteSupply == nil && $0.isActive == nil && $0.tvlRatio == nil })
        let emptyTags = items.filter { $0.tags == [] }.compactMap(\.symbol)
        #expect(emptyTags == ["XEC", "AMP", "XYM", "XDC"])
        let atom = try #require(items.first { $0.symbol == "ATOM" })
        #expect(atom.totalSupply == 0)
        #expect(atom.circulatingSupply == 286_370_297)
        for symbol in ["TRX", "XEC"] {
            let coin = try #require(items.first { $0.symbol == symbol })
            #expect((coin.circulatingSupply ?? 0) > (coin.totalSupply ?? .infinity))
        }
        #expect(items.map(\.cmcRank) == (1...100).map { $0 })
    }

    @Test func miniCryptoCapListingsCounts() throws {
        let envelope = try Fixture.listings("listings_latest.mini-crypto-cap.2021-04-20")
        let items = try #require(envelope.data).items
        #expect(envelope.status.totalCount == 4789)
        #expect(items.count == 100)
        #expect(items.filter { $0.platform == nil }.count == 58)
        #expect(items.filter { $0.maxSupply == nil }.count == 38)
        #expect(items.allSatisfy { $0.selfReportedMarketCap == nil })
        // 2021 shape: the quote has none of the fields added later that year.
        let quotes = items.compactMap { $0.quote["USD"] }
        #expect(quotes.count == 100)
        #expect(quotes.allSatisfy { $0.volumeChange24h == nil && $0.marketCapDominance == nil })
        #expect(quotes.allSatisfy { $0.fullyDilutedMarketCap == nil && $0.percentChange90d != nil })
        let flow = try #require(items.first { $0.symbol == "FLOW" })
        #expect(flow.quote["USD"]?.percentChange90d == 0)
    }

    @Test func trackerListingsCounts() throws {
        let envelope = try Fixture.listings("listings_latest.cryptocurrency-tracker.2021-08-09")
        let items = try #require(envelope.data).items
        #expect(envelope.status.totalCount == 5968)
        #expect(items.count == 30)
        #expect(items.filter { $0.platform == nil }.count == 21)
        #expect(items.filter { $0.maxSupply == nil }.count == 14)
    }

    @Test func trackerInfoDescribesTheSameThirtyCoins() throws {
        let listings = try #require(try Fixture.listings("listings_latest.cryptocurrency-tracker.2021-08-09").data)
        let info = try #require(try Fixture.info("info_by_id.cryptocurrency-tracker.2021-08-09").data)
        #expect(Set(listings.items.map(\.id)) == Set(info.allItems.map(\.id)))
        #expect(info.orderedKeys.prefix(5) == ["1", "2", "52", "74", "328"])
        #expect(info.allItems.map(\.id) == info.allItems.map(\.id).sorted())
    }

    @Test func glartirIsSortedByVolumeNotRank() throws {
        let envelope = try Fixture.listings("listings_latest.glartir.2020-06-30")
        let items = try #require(envelope.data).items
        #expect(items.map(\.cmcRank) == [3, 1, 2, 7, 5, 10, 4, 6, 17, 21])
        #expect(envelope.status.totalCount == nil)
        #expect(envelope.status.notice == nil)
        #expect(items.filter { $0.platform != nil }.compactMap(\.symbol) == ["USDT"])
        let quotes = items.compactMap { $0.quote["USD"] }
        #expect(quotes.count == 10)
        #expect(quotes.allSatisfy { $0.percentChange30d == nil && $0.marketCap != nil })
        let volumes = quotes.compactMap(\.volume24h)
        #expect(volumes == volumes.sorted(by: >))
    }

    @Test func cryptoPriceListIsTheOldestShape() throws {
        let envelope = try Fixture.listings("listings_latest.crypto-price-list.2019-02-08")
        let items = try #require(envelope.data).items
        #expect(items.map(\.symbol) == ["BTC", "XRP", "ETH"])
        #expect(items.map(\.cmcRank) == [1, 2, 3])
        #expect(envelope.status.notice == nil && envelope.status.totalCount == nil)
        #expect(items[0].circulatingSupply == 17_526_825)
        #expect(items[0].maxSupply == 21_000_000)
        #expect(items[1].tags == [])
        #expect(items[2].maxSupply == nil)
        #expect(items[0].quote["USD"]?.price.map { ($0 * 100).rounded() / 100 } == 3453.70)
    }

    // MARK: - info

    @Test func wethV2InfoHasStringPlatformIdsAndFortyNineContracts() throws {
        let map = try #require(try Fixture.info("info_v2.skip-mev.weth.2024-08-28").data)
        #expect(map.orderedKeys == ["2396"])
        let weth = try #require(map.entries["2396"]?.first)
        #expect(weth.platform?.id == 1027)
        #expect(weth.platform?.tokenAddress == "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")
        let contracts = try #require(weth.contractAddress)
        #expect(contracts.count == 49)
        #expect(contracts.allSatisfy { $0.platform?.coin?.id != nil && $0.contractAddress != nil })
        #expect(contracts.first?.platform?.coin?.id == 1027)
        #expect(contracts.first?.platform?.name == "Ethereum")
        let tba = contracts.filter { $0.platform?.coin?.symbol == "TBA" }.compactMap { $0.platform?.name }
        #expect(tba.sorted() == ["Base", "Linea"])
        #expect(contracts.contains { $0.contractAddress?.hasSuffix(".factory.bridge.near") == true })
        #expect(weth.dateLaunched == nil)
        #expect(weth.selfReportedTags == nil)
        #expect(weth.infiniteSupply == false)
        #expect(weth.subreddit == "" && weth.notice == "" && weth.twitterUsername == "")
        #expect(weth.isHidden == 0)
        #expect(weth.tagNames?.count == weth.tags?.count)
        #expect(weth.tagGroups?.first == "PLATFORM")
        #expect(weth.urls?["twitter"] == [])
        #expect(weth.urls?["explorer"]?.count == 5)
    }

    @Test func trackerInfoIsThe2021Shape() throws {
        let coins = try #require(try Fixture.info("info_by_id.cryptocurrency-tracker.2021-08-09").data).allItems
        #expect(coins.count == 30)
        #expect(coins.filter { $0.notice == "" }.count == 26)
        #expect(coins.filter { $0.subreddit == "" }.count == 9)
        #expect(coins.filter { $0.twitterUsername == "" }.count == 4)
        #expect(coins.allSatisfy { $0.contractAddress == nil && $0.dateLaunched == nil && $0.infiniteSupply == nil })
        #expect(coins.allSatisfy { $0.tagNames != nil && $0.tagGroups != nil })
        let usdt = try #require(coins.first { $0.symbol == "USDT" })
        #expect(usdt.platform?.id == 1027)
        #expect(usdt.category == "token")
        #expect(coins.first?.urls?["facebook"] == nil)
    }

    // MARK: - quotes/latest

    @Test func v2QuotesOfJuneSixteenthHaveNullDateAddedAndTagObjects() throws {
        let map = try #require(try Fixture.quotes("quotes_v2_by_id.dzhegash.2022-06-16").data)
        let bitcoin = try #require(map.entries["1"]?.first)
        #expect(bitcoin.dateAdded == nil)
        #expect(bitcoin.tags?.first == CMCTag(slug: "mineable", name: "Mineable", category: "OTHERS"))
        #expect(bitcoin.tags?.allSatisfy { $0.name != nil && $0.category != nil } == true)
        #expect(bitcoin.tvlRatio == nil)
        #expect(bitcoin.quote["USD"]?.tvl == nil)
        #expect(bitcoin.isActive == 1)
        #expect(bitcoin.isFiat == 0)
        #expect(bitcoin.maxSupply == 21_000_000)
    }

    @Test func v2QuotesOfJuneFirstHadADateAndOtherCategories() throws {
        let map = try #require(try Fixture.quotes("quotes_v2_by_id.dzhegash.2022-06-01").data)
        let bitcoin = try #require(map.entries["1"]?.first)
        #expect(bitcoin.dateAdded == "2013-04-28T00:00:00.000Z")
        #expect(bitcoin.tags?.first?.category == "OTHER")
        #expect(bitcoin.tvlRatio == nil)
        #expect(bitcoin.quote["USD"]?.tvl == nil)
    }

    @Test func slugQueryIsKeyedById() throws {
        let map = try #require(try Fixture.quotes("quotes_v2_by_slug.dzhegash.2022-06-16").data)
        #expect(map.orderedKeys == ["1"])
        #expect(map.entries["bitcoin"] == nil)
        #expect(map.allItems.first?.slug == "bitcoin")
    }

    @Test func symbolQueryIsAnArrayInV2AndAnObjectInV1() throws {
        let v2Name = "quotes_v2_by_symbol.dzhegash.2022-06-16"
        let v1Name = "quotes_v1_by_symbol.sem4.2024-02-20"
        // The raw shapes differ...
        for (name, opening) in [(v2Name, UInt8(ascii: "[")), (v1Name, UInt8(ascii: "{"))] {
            let bytes = try Fixture.bytes(name)
            let data = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
            let members = try RawJSON.memberRanges(ofObjectAt: data, in: bytes)
            #expect(members.map(\.key) == ["BTC"])
            #expect(members.first.map { bytes[$0.value.lowerBound] } == opening, "\(name)")
        }
        // ...and both decode to one-element arrays under the symbol.
        let v2 = try #require(try Fixture.quotes(v2Name).data)
        let v1 = try #require(try Fixture.quotes(v1Name).data)
        #expect(v2.entries["BTC"]?.map(\.id) == [1])
        #expect(v1.entries["BTC"]?.map(\.id) == [1])
    }

    @Test func v1QuotesOf2024HavePlainStringTags() throws {
        let envelope = try Fixture.quotes("quotes_v1_by_symbol.sem4.2024-02-20")
        let bitcoin = try #require(envelope.data?.entries["BTC"]?.first)
        #expect(envelope.status.elapsed == 389)
        #expect(bitcoin.tags?.allSatisfy { $0.name == nil && $0.category == nil } == true)
        #expect(bitcoin.tags?.contains("bitcoin-ecosystem") == true)
        #expect(bitcoin.tags?.contains("ftx-bankruptcy-estate") == true)
        #expect(bitcoin.dateAdded?.hasPrefix("2010-07-13") == true)
        #expect(bitcoin.infiniteSupply == false)
        #expect(bitcoin.tvlRatio == nil && bitcoin.quote["USD"]?.tvl == nil)
        let nextDay = try #require(try Fixture.quotes("quotes_v1_by_symbol.sem4.2024-02-21").data?.allItems.first)
        #expect(nextDay.id == bitcoin.id && nextDay.lastUpdated != bitcoin.lastUpdated)
    }

    // MARK: - key/info

    @Test func keyInfoOf2024HasNoDailyFields() throws {
        let envelope = try Fixture.decode(CMCEnvelope<KeyInfo>.self, "key_info.sem4.2024-02-20")
        let info = try #require(envelope.data)
        #expect(info.plan.creditLimitDaily == nil)
        #expect(info.plan.creditLimitDailyReset == nil)
        #expect(info.plan.creditLimitDailyResetTimestamp == nil)
        #expect(info.plan.creditLimitMonthly == 10000)
        #expect(info.plan.creditLimitMonthlyReset == "In 9 days, 6 hours, 27 minutes")
        #expect(info.plan.creditLimitMonthlyResetTimestamp == "2024-03-01T00:00:00.000Z")
        #expect(info.usage.currentDay?.creditsUsed != nil)
        #expect(info.usage.currentDay?.creditsLeft == nil)
    }

    @Test func keyInfoOfTheNextDayCountsDayAndMonthApart() throws {
        let info = try #require(try Fixture.decode(CMCEnvelope<KeyInfo>.self, "key_info.sem4.2024-02-21").data)
        #expect(info.usage.currentMinute == KeyInfo.Usage.Minute(requestsMade: 4, requestsLeft: 26))
        #expect(info.usage.currentDay == KeyInfo.Usage.Day(creditsUsed: 4))
        #expect(info.usage.currentMonth == KeyInfo.Usage.Month(creditsUsed: 98, creditsLeft: 9902))
    }

    // MARK: - Sandbox (random values, loose types)

    @Test func sandboxListingsAreToleratedAsTheyAre() throws {
        let envelope = try Fixture.listings("sandbox_listings_latest.sem4.2024-02-20")
        let page = try #require(envelope.data)
        #expect(page.diagnostics == [])
        #expect(page.items.count == 10)
        #expect(envelope.status.totalCount == nil)
        #expect(page.items.allSatisfy { $0.infiniteSupply == nil })
        #expect(page.items.allSatisfy { Set($0.quote.keys) == ["USD", "BTC"] })
        #expect(page.items.allSatisfy { $0.quote["BTC"]?.percentChange1h == nil })
        #expect(page.items.filter { ($0.totalSupply ?? 0) < ($0.circulatingSupply ?? 0) }.count == 6)
        #expect(page.items.first?.quote["USD"]?.marketCapDominance == 2801)
        #expect(page.items.first?.quote["USD"]?.volume24h == 684)
    }

    @Test func sandboxQuotesAreToleratedAsTheyAre() throws {
        let map = try #require(try Fixture.quotes("sandbox_quotes_v1_by_symbol.rahaconv.2022-03-23").data)
        #expect(map.diagnostics == [])
        let coin = try #require(map.entries["BTC"]?.first)
        #expect(coin.id == 1326)
        #expect(coin.isActive == 6421)
        #expect(coin.isFiat == nil)
        #expect(coin.quote["EUR"]?.marketCapDominance == 9101)
        #expect((coin.quote["EUR"]?.price ?? 1) < 1)
        #expect(coin.tags?.count == 10)
    }
}
