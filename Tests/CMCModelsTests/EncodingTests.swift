import CMCModels
import Foundation
import Testing

/// Encoding writes CMC's own keys back, and decoding what was encoded gives the same values.
@Suite struct EncodingTests {
    private func encodedText(_ value: some Encodable) throws -> String {
        String(decoding: try CMCJSON.makeEncoder().encode(value), as: UTF8.self)
    }

    private func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try CMCJSON.makeDecoder().decode(T.self, from: CMCJSON.makeEncoder().encode(value))
    }

    @Test func listingKeysAreSnakeCase() throws {
        let listing = Listing(
            id: 1,
            numMarketPairs: 11020,
            tags: ["pow", CMCTag(slug: "sha-256", name: "SHA-256", category: "ALGORITHM")],
            platform: CMCPlatform(id: 1027, tokenAddress: "0xabc"),
            cmcRank: 1,
            selfReportedCirculatingSupply: 5,
            quote: ["USD": CMCQuote(volume24h: 2, percentChange7d: -1.5, fullyDilutedMarketCap: 9)]
        )
        let text = try encodedText(listing)
        for key in [
            "\"num_market_pairs\"", "\"cmc_rank\"", "\"token_address\"", "\"self_reported_circulating_supply\"",
            "\"volume_24h\"", "\"percent_change_7d\"", "\"fully_diluted_market_cap\"",
        ] {
            #expect(text.contains(key), "\(key) missing from \(text)")
        }
        for camel in ["numMarketPairs", "volume24h", "percentChange7d", "tokenAddress"] {
            #expect(!text.contains(camel))
        }
        #expect(text.contains(#""tags":["pow",{"category":"ALGORITHM","name":"SHA-256","slug":"sha-256"}]"#))
        #expect(!text.contains("null"), "nil fields are left out")
        #expect(try roundTrip(listing) == listing)
    }

    @Test func coinInfoKeepsHyphenatedKeys() throws {
        let info = CoinInfo(id: 2396, tags: ["a"], tagNames: ["A"], tagGroups: ["PLATFORM"], twitterUsername: "")
        let text = try encodedText(info)
        #expect(text.contains(#""tag-names":["A"]"#))
        #expect(text.contains(#""tag-groups":["PLATFORM"]"#))
        #expect(text.contains(#""twitter_username":"""#))
        #expect(try roundTrip(info) == info)
    }

    @Test func statusKeysAreSnakeCase() throws {
        let status = CMCStatus(timestamp: "t", errorCode: 1008, errorMessage: "m", creditCount: 0, totalCount: 3)
        let text = try encodedText(status)
        #expect(text == #"{"credit_count":0,"error_code":1008,"error_message":"m","timestamp":"t","total_count":3}"#)
        #expect(try roundTrip(status) == status)
    }

    @Test(arguments: Fixture.names(of: .listings))
    func listingFixturesRoundTrip(name: String) throws {
        let envelope = try Fixture.listings(name)
        let items = try #require(envelope.data).items
        #expect(try roundTrip(items) == items)
        #expect(try roundTrip(envelope.status) == envelope.status)
    }

    @Test(arguments: Fixture.names(of: .info) + Fixture.names(of: .quotes))
    func keyedFixturesRoundTrip(name: String) throws {
        if Fixture.all[name] == .info {
            let entries = try #require(try Fixture.info(name).data).entries
            #expect(try roundTrip(entries) == entries)
        } else {
            let entries = try #require(try Fixture.quotes(name).data).entries
            #expect(try roundTrip(entries) == entries)
        }
    }

    @Test(arguments: Fixture.names(of: .keyInfo))
    func keyInfoFixturesRoundTrip(name: String) throws {
        let info = try #require(try Fixture.decode(CMCEnvelope<KeyInfo>.self, name).data)
        let text = try encodedText(info)
        #expect(text.contains(#""credit_limit_monthly":10000"#))
        #expect(text.contains(#""current_month":{"#))
        #expect(!text.contains("credit_limit_daily"))
        #expect(try roundTrip(info) == info)
    }

    @Test func envelopeOfAListEncodesItemsAsAnArray() throws {
        let envelope = CMCEnvelope(
            status: CMCStatus(errorCode: 0),
            data: DecodedList(items: [FiatEntry(id: 2781, symbol: "USD")])
        )
        let text = try encodedText(envelope)
        #expect(text == #"{"data":[{"id":2781,"symbol":"USD"}],"status":{"error_code":0}}"#)
        let back = try CMCJSON.makeDecoder().decode(CMCEnvelope<DecodedList<FiatEntry>>.self, from: Data(text.utf8))
        #expect(back == envelope)
    }

    @Test func diagnosticsRoundTrip() throws {
        let diagnostic = ItemDiagnostic(location: #"data["BTC"][1]"#, id: 5, message: "quote: bad")
        #expect(try roundTrip(diagnostic) == diagnostic)
        #expect(try encodedText(diagnostic) == #"{"id":5,"location":"data[\"BTC\"][1]","message":"quote: bad"}"#)
    }

    @Test func contractAddressCoinIdIsWrittenAsAnInteger() throws {
        let contract = CMCContractAddress(
            contractAddress: "0x1",
            platform: .init(name: "Ethereum", coin: .init(id: 1027, symbol: "ETH"))
        )
        let text = try encodedText(contract)
        #expect(text == #"{"contract_address":"0x1","platform":{"coin":{"id":1027,"symbol":"ETH"},"name":"Ethereum"}}"#)
        #expect(try roundTrip(contract) == contract)
    }
}
