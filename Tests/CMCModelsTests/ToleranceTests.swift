import CMCModels
import Foundation
import Testing

/// The tolerance rules of cmc-api.md §3 and §8: what converts, what is ignored, what becomes a diagnostic.
@Suite struct ToleranceTests {
    // MARK: - status.error_code

    @Test(arguments: [
        (#""error_code": 0"#, 0),
        (#""error_code": "0""#, 0),
        (#""error_code": null"#, 0),
        (#""error_code": "1008""#, 1008),
        (#""error_code": 400"#, 400),
    ])
    func errorCodeForms(member: String, expected: Int) throws {
        let status = try decodeJSON(CMCStatus.self, #"{"timestamp": "2024-05-01T12:00:00.000Z", \#(member)}"#)
        #expect(status.errorCode == expected)
        #expect(status.isSuccess == (expected == 0))
    }

    @Test func missingErrorCodeMeansSuccess() throws {
        let status = try decodeJSON(CMCStatus.self, #"{"timestamp": "2024-05-01T12:00:00.000Z"}"#)
        #expect(status.errorCode == 0)
        #expect(status.errorMessage == nil && status.elapsed == nil)
    }

    @Test func nonNumericErrorCodeIsAnError() {
        #expect(throws: DecodingError.self) {
            try decodeJSON(CMCStatus.self, #"{"error_code": "oops"}"#)
        }
    }

    @Test func bodyWithoutStatusIsNotAnEnvelope() {
        let gateway = #"{"statusCode": 502, "error": "Bad Gateway", "message": "upstream timed out"}"#
        #expect(throws: DecodingError.self) {
            try decodeJSON(CMCEnvelope<DecodedList<Listing>>.self, gateway)
        }
    }

    @Test func nullDataIsNil() throws {
        let body = #"{"status": {"error_code": 0}, "data": null}"#
        let envelope = try decodeJSON(CMCEnvelope<DecodedMap<Listing>>.self, body)
        #expect(envelope.data == nil)
    }

    // MARK: - Numbers

    @Test func suppliesDecodeFromIntegerFloatExponentAndStringLiterals() throws {
        let listing = try decodeJSON(
            Listing.self,
            #"""
            {"id": 1, "max_supply": 21000000, "circulating_supply": 19694012.5, "total_supply": 2.1e7,
             "self_reported_circulating_supply": "123.25", "self_reported_market_cap": "  42 ", "tvl_ratio": -0.0}
            """#
        )
        #expect(listing.maxSupply == 21_000_000)
        #expect(listing.circulatingSupply == 19_694_012.5)
        #expect(listing.totalSupply == 21_000_000)
        #expect(listing.selfReportedCirculatingSupply == 123.25)
        #expect(listing.selfReportedMarketCap == 42)
        #expect(listing.tvlRatio == 0)
    }

    @Test func quotePricesDecodeFromIntegersAndNumericStrings() throws {
        let quote = try decodeJSON(
            CMCQuote.self,
            #"{"price": 2502, "volume_24h": "684.5", "market_cap_dominance": 9101, "percent_change_1h": null}"#
        )
        #expect(quote.price == 2502)
        #expect(quote.volume24h == 684.5)
        #expect(quote.marketCapDominance == 9101)
        #expect(quote.percentChange1h == nil)
        #expect(quote.percentChange24h == nil)
    }

    @Test func integersDecodeFromIntegralFloatsStringsAndBooleans() throws {
        let listing = try decodeJSON(
            Listing.self,
            #"{"id": "7", "num_market_pairs": 5.0, "cmc_rank": "12", "is_active": true, "is_fiat": false}"#
        )
        #expect(listing.id == 7)
        #expect(listing.numMarketPairs == 5)
        #expect(listing.cmcRank == 12)
        #expect(listing.isActive == 1)
        #expect(listing.isFiat == 0)
    }

    @Test func booleansDecodeFromZeroOneAndStrings() throws {
        let one = try decodeJSON(Listing.self, #"{"id": 1, "infinite_supply": 1}"#)
        let zero = try decodeJSON(Listing.self, #"{"id": 1, "infinite_supply": 0}"#)
        let text = try decodeJSON(Listing.self, #"{"id": 1, "infinite_supply": "false"}"#)
        #expect(one.infiniteSupply == true)
        #expect(zero.infiniteSupply == false)
        #expect(text.infiniteSupply == false)
        #expect(throws: DecodingError.self) {
            try decodeJSON(Listing.self, #"{"id": 1, "infinite_supply": 2}"#)
        }
    }

    @Test func fractionalIntegerIsAnError() {
        #expect(throws: DecodingError.self) {
            try decodeJSON(Listing.self, #"{"id": 1, "cmc_rank": 1.5}"#)
        }
    }

    // MARK: - Platforms and tags

    @Test func platformIdDecodesFromIntegerAndString() throws {
        let fromInt = try decodeJSON(CMCPlatform.self, #"{"id": 1027, "name": "Ethereum"}"#)
        let fromString = try decodeJSON(CMCPlatform.self, #"{"id": "1027", "name": "Ethereum"}"#)
        #expect(fromInt == fromString)
        #expect(fromString.id == 1027)
        let coin = try decodeJSON(CMCContractAddress.Coin.self, #"{"id": "3513", "symbol": "FTM"}"#)
        #expect(coin.id == 3513)
    }

    @Test func tagsDecodeFromStringsObjectsAndAMixOfBoth() throws {
        let listing = try decodeJSON(
            Listing.self,
            #"{"id": 1, "tags": ["defi", {"slug": "pow", "name": "PoW", "category": "ALGORITHM"}, {"slug": "x"}]}"#
        )
        #expect(listing.tags == ["defi", CMCTag(slug: "pow", name: "PoW", category: "ALGORITHM"), "x"])
    }

    @Test func tagWithoutSlugOrOfTheWrongTypeIsAnError() {
        #expect(throws: DecodingError.self) {
            try decodeJSON(CMCTag.self, #"{"name": "DeFi"}"#)
        }
        #expect(throws: DecodingError.self) {
            try decodeJSON(CMCTag.self, "42")
        }
    }

    // MARK: - Unknown and missing fields

    @Test func unknownFieldsAreIgnoredEverywhere() throws {
        let body = #"""
            {"status": {"error_code": 0, "brand_new_status_field": [1, 2]},
             "data": [{"id": 1, "minted_market_cap": 5, "brand_new": {"nested": [null, true]},
                       "quote": {"USD": {"price": 1, "cex_volume_24h": 3, "brand_new": "x"}}}],
             "brand_new_top_level": {}}
            """#
        let envelope = try decodeJSON(CMCEnvelope<DecodedList<Listing>>.self, body)
        let page = try #require(envelope.data)
        #expect(page.diagnostics == [])
        #expect(page.items == [Listing(id: 1, mintedMarketCap: 5, quote: ["USD": CMCQuote(price: 1)])])
    }

    @Test func onlyTheIdIsRequired() throws {
        let listing = try decodeJSON(Listing.self, #"{"id": 5426, "quote": null}"#)
        #expect(listing == Listing(id: 5426))
        #expect(listing.quote.isEmpty)
        #expect(try decodeJSON(CoinInfo.self, #"{"id": 2}"#) == CoinInfo(id: 2))
        #expect(try decodeJSON(MapEntry.self, #"{"id": 3}"#) == MapEntry(id: 3))
        #expect(try decodeJSON(FiatEntry.self, #"{"id": 4}"#) == FiatEntry(id: 4))
    }

    @Test func infoUrlsDropNullMembers() throws {
        let info = try decodeJSON(CoinInfo.self, #"{"id": 1, "urls": {"website": ["https://a"], "chat": null}}"#)
        #expect(info.urls == ["website": ["https://a"]])
    }

    // MARK: - Malformed items become diagnostics

    /// A page of four: item 2 has an unreadable id, item 3 a quote that is not an object.
    static let pageWithTwoBadItems = #"""
        {"status": {"error_code": 0, "total_count": 4},
         "data": [
           {"id": 1, "symbol": "BTC", "quote": {"USD": {"price": 57512.4417}}},
           {"id": {"x": 1}, "symbol": "BAD1", "quote": {"USD": {"price": 1}}},
           {"id": 3, "symbol": "BAD2", "quote": "oops"},
           {"id": 4, "symbol": "OK", "quote": {"USD": {"price": 2}}}
         ]}
        """#

    @Test func malformedItemsAreSetAsideWithTheirLocationAndId() throws {
        let envelope = try decodeJSON(CMCEnvelope<DecodedList<Listing>>.self, Self.pageWithTwoBadItems)
        let page = try #require(envelope.data)
        #expect(page.items.map(\.id) == [1, 4])
        #expect(page.items.map(\.symbol) == ["BTC", "OK"])
        #expect(page.diagnostics.count == 2)

        let badId = page.diagnostics[0]
        #expect(badId.location == "data[1]")
        #expect(badId.id == nil)
        #expect(badId.message.hasPrefix("id: "))
        #expect(badId.message.contains("Expected an integer"))
        #expect(badId.message.contains("found an object"))

        let badQuote = page.diagnostics[1]
        #expect(badQuote.location == "data[2]")
        #expect(badQuote.id == 3)
        #expect(badQuote.message.hasPrefix("quote: "))
        #expect(badQuote.message.contains("string"))
        #expect(badQuote.description == "data[2] (id 3): \(badQuote.message)")
    }

    @Test func diagnosticMessagesNameTheNestedFieldAndTheValueFound() throws {
        let body = #"""
            [{"id": "17", "quote": {"USD": {"price": "n/a"}}},
             {"name": "no id"},
             {"id": null},
             {"id": 20, "tags": ["ok", 5]},
             {"id": 21, "platform": {"id": [1]}},
             "not an object"]
            """#
        let list = try decodeJSON(DecodedList<Listing>.self, body)
        #expect(list.items.isEmpty)
        let byLocation = Dictionary(uniqueKeysWithValues: list.diagnostics.map { ($0.location, $0) })
        #expect(list.diagnostics.map(\.location) == ["[0]", "[1]", "[2]", "[3]", "[4]", "[5]"])

        let price = try #require(byLocation["[0]"])
        #expect(price.id == 17)
        #expect(price.message.hasPrefix("quote.USD.price: Expected a number"))
        #expect(price.message.contains(#"found the string "n/a""#))

        #expect(byLocation["[1]"]?.message == "id: required key is missing.")
        #expect(byLocation["[1]"]?.id == nil)
        #expect(byLocation["[2]"]?.message.hasPrefix("id: expected Int but found null") == true)
        #expect(byLocation["[3]"]?.id == 20)
        #expect(byLocation["[3]"]?.message.hasPrefix("tags[1]: ") == true)
        #expect(byLocation["[4]"]?.message.hasPrefix("platform.id: Expected an integer") == true)
        #expect(byLocation["[4]"]?.message.contains("found an array") == true)
        #expect(byLocation["[5]"]?.message.hasPrefix("(item): ") == true)
    }

    @Test func malformedMapMembersAreSetAsideAndTheirKeysKept() throws {
        let body = #"""
            {"status": {"error_code": 0},
             "data": {
               "1": {"id": 1, "symbol": "BTC"},
               "2": {"id": 2, "cmc_rank": "first"},
               "BTC": [{"id": 1, "symbol": "BTC"}, {"name": "no id"}, {"id": 31469, "symbol": "BTC"}],
               "ETH": null,
               "XRP": [1, 2]
             }}
            """#
        let map = try #require(try decodeJSON(CMCEnvelope<DecodedMap<Listing>>.self, body).data)
        #expect(map.orderedKeys == ["1", "2", "BTC", "ETH", "XRP"])
        #expect(map.entries["1"]?.map(\.id) == [1])
        #expect(map.entries["2"] == [])
        #expect(map.entries["BTC"]?.map(\.id) == [1, 31469])
        #expect(map.entries["ETH"] == [])
        #expect(map.entries["XRP"] == [])
        #expect(map.allItems.map(\.id) == [1, 1, 31469])
        let locations = map.diagnostics.map(\.location)
        let expected = [#"data["2"]"#, #"data["BTC"][1]"#, #"data["ETH"]"#, #"data["XRP"][0]"#, #"data["XRP"][1]"#]
        #expect(locations == expected)
        #expect(map.diagnostics[0].id == 2)
        #expect(map.diagnostics[0].message.hasPrefix("cmc_rank: Expected an integer"))
        #expect(map.diagnostics[1].id == nil)
    }

    @Test func mapKeysAreOrderedNumericallyThenLexically() throws {
        let body = #"{"1027": {"id": 1027}, "BTC": {"id": 1}, "2": {"id": 2}, "10": {"id": 10}, "ADA": {"id": 2010}}"#
        let map = try decodeJSON(DecodedMap<FiatEntry>.self, body)
        #expect(map.orderedKeys == ["2", "10", "1027", "ADA", "BTC"])
        #expect(map.allItems.map(\.id) == [2, 10, 1027, 2010, 1])
    }

    @Test func mapKeyWithQuotesIsEscapedInTheLocation() throws {
        let map = try decodeJSON(DecodedMap<FiatEntry>.self, #"{"a\"b": {"id": "x"}}"#)
        #expect(map.diagnostics.map(\.location) == [#"["a\"b"]"#])
    }

    @Test func emptyArrayIsAnEmptyMapButOtherArraysAreNot() throws {
        let empty = try decodeJSON(CMCEnvelope<DecodedMap<Listing>>.self, #"{"status": {"error_code": 0}, "data": []}"#)
        #expect(empty.data?.entries.isEmpty == true)
        #expect(throws: DecodingError.self) {
            try decodeJSON(DecodedMap<Listing>.self, #"[{"id": 1}]"#)
        }
    }

    @Test func listPayloadThatIsNotAnArrayFailsTheEnvelope() {
        #expect(throws: DecodingError.self) {
            try decodeJSON(CMCEnvelope<DecodedList<Listing>>.self, #"{"status": {"error_code": 0}, "data": {"1": {}}}"#)
        }
    }
}
