import CMCModels
import Foundation
import Testing

/// Every recorded response decodes with its endpoint's payload type, without a single diagnostic.
@Suite struct FixtureDecodingTests {
    @Test func tableCoversEveryFixtureInTheFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.directory().path)
        let onDisk = Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
        #expect(onDisk == Set(Fixture.names))
        #expect(onDisk.count == 19)
    }

    @Test(arguments: Fixture.names(of: .listings))
    func listingsDecodeCompletely(name: String) throws {
        let envelope = try Fixture.listings(name)
        let page = try #require(envelope.data)
        #expect(envelope.status.errorCode == 0)
        #expect(envelope.status.isSuccess)
        #expect(page.diagnostics == [])
        #expect(!page.items.isEmpty)
        for listing in page.items {
            #expect(listing.name != nil && listing.symbol != nil && listing.slug != nil)
            #expect(listing.quote["USD"]?.price != nil, "\(listing.id) has no USD price")
        }
    }

    @Test(arguments: Fixture.names(of: .quotes))
    func quotesDecodeCompletely(name: String) throws {
        let envelope = try Fixture.quotes(name)
        let map = try #require(envelope.data)
        #expect(envelope.status.isSuccess)
        #expect(map.diagnostics == [])
        #expect(map.entries.count == 1)
        #expect(map.allItems.count == 1)
        #expect(map.allItems.first?.quote.isEmpty == false)
    }

    @Test(arguments: Fixture.names(of: .info))
    func infoDecodesCompletely(name: String) throws {
        let envelope = try Fixture.info(name)
        let map = try #require(envelope.data)
        #expect(envelope.status.isSuccess)
        #expect(map.diagnostics == [])
        #expect(!map.entries.isEmpty)
        for (key, coins) in map.entries {
            #expect(coins.count == 1)
            #expect(coins.first.map { String($0.id) } == key, "info by id is keyed by the id string")
            #expect(coins.first?.logo?.hasSuffix("/64x64/\(key).png") == true)
        }
    }

    @Test(arguments: Fixture.names(of: .keyInfo))
    func keyInfoDecodes(name: String) throws {
        let envelope = try Fixture.decode(CMCEnvelope<KeyInfo>.self, name)
        let info = try #require(envelope.data)
        #expect(envelope.status.isSuccess)
        #expect(envelope.status.creditCount == 0)
        #expect(info.plan.creditLimitMonthly == 10000)
        #expect(info.plan.rateLimitMinute == 30)
        #expect(info.usage.currentMinute?.requestsMade != nil)
        #expect(info.usage.currentMonth?.creditsLeft != nil)
    }

    @Test(arguments: Fixture.names(of: .error))
    func errorBodiesHaveOnlyAStatus(name: String) throws {
        // The payload type does not matter: there is no `data` key.
        let asListings = try Fixture.listings(name)
        let asKeyInfo = try Fixture.decode(CMCEnvelope<KeyInfo>.self, name)
        #expect(asListings.data == nil)
        #expect(asKeyInfo.data == nil)
        #expect(asListings.status == asKeyInfo.status)
        #expect(asListings.status.errorCode == 1001)
        #expect(!asListings.status.isSuccess)
        #expect(asListings.status.errorMessage == "This API Key is invalid.")
        #expect(asListings.status.creditCount == 0)
        #expect(asListings.status.elapsed == 0)
        #expect(asListings.status.notice == nil)
        #expect(asListings.status.totalCount == nil)
    }

    @Test func statusTimestampsMatchTheFileNames() throws {
        for name in Fixture.names {
            let status = try Fixture.decode(StatusOnly.self, name).status
            let date = String(name.split(separator: ".").last ?? "")
            #expect(status.timestamp?.hasPrefix(date) == true, "\(name): \(status.timestamp ?? "nil")")
        }
    }
}

/// Only the `status` of any body, to look at it whatever the payload is.
private struct StatusOnly: Decodable {
    var status: CMCStatus
}
