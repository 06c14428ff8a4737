import CMCClient
import CMCEmulator
import CMCModels
import Foundation
import Testing

/// Rate limiting, credit accounting, paging and batching against the emulator.
@Suite struct BudgetTests {
    @Test func limiterAtTheEmulatorsLimitNeverProvokesA429() async throws {
        var configuration = smallUniverse(50)
        configuration.plan = .basic
        configuration.plan.rateLimitPerMinute = 4
        configuration.rateLimitWindow = .seconds(1)
        try await withEmulatorClient(
            configuration,
            configure: {
                $0.callsPerWindow = 4
                $0.rateWindow = .seconds(1)
                $0.maxConcurrentRequests = 8
            }
        ) { client, emulator in
            // 14 calls: more than three windows' worth, fired concurrently.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<14 { group.addTask { _ = try await client.listingsLatest(ListingsQuery(limit: 5)) } }
                try await group.waitForAll()
            }
            let stats = await emulator.stats()
            #expect(stats.rateLimited == 0)
            #expect(stats.byPathAndStatus["GET /v1/cryptocurrency/listings/latest 200"] == 14)
        }
    }

    @Test func listingAcrossThe5000BoundaryIsCompleteAndCreditMinimal() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 9000
        configuration.plan = .unlimited
        try await withEmulatorClient(configuration) { client, emulator in
            let snapshot = try await client.listingSnapshot(ListingsQuery(), maxRows: nil)
            #expect(snapshot.listings.count == 9000)
            #expect(Set(snapshot.listings.map(\.id)).count == 9000)
            #expect(snapshot.reconciliation.isConsistent)
            #expect(snapshot.reconciliation.totalCount == 9000)
            #expect(snapshot.pages.count == 2)
            // 25 credits for 5000 rows + 20 for 4000 rows.
            #expect(await emulator.stats().creditsUsed == 45)
            #expect(await client.ledger.used == 45)
        }
    }

    @Test func listingPagesSequenceUsesOneBasedStarts() async throws {
        try await withEmulatorClient(smallUniverse(250)) { client, _ in
            var starts: [String] = []
            var ids = Set<Int>()
            for try await page in client.listingPages(ListingsQuery(limit: 100), maxRows: nil) {
                starts.append(page.exchange.query)
                ids.formUnion(page.value.items.map(\.id))
            }
            #expect(starts.count == 3)
            #expect(starts[0].contains("start=1&"))
            #expect(starts[1].contains("start=101&"))
            #expect(starts[2].contains("start=201&"))
            #expect(ids.count == 250)
        }
    }

    @Test func infoBatchesSpendMinimalCredits() async throws {
        try await withEmulatorClient(smallUniverse(1300)) { client, emulator in
            let ids = try await client.listingSnapshot(ListingsQuery(), maxRows: 1234).listings.map(\.id)
            let before = await emulator.stats().creditsUsed
            let collected = Collected()
            let report = try await client.info(ids: ids, batchSize: 500) {
                await collected.add($0.value.allItems.count)
            }
            #expect(report.calls == 3)
            #expect(await collected.total == 1234)
            // ceil(500/100) + ceil(500/100) + ceil(234/100)
            #expect(await emulator.stats().creditsUsed - before == 13)
        }
    }

    @Test func aBatchTheServerFindsTooLongIsSplit() async throws {
        var configuration = smallUniverse(1000)
        configuration.maxIDsPerRequest = 200
        try await withEmulatorClient(configuration) { client, emulator in
            let ids = try await client.listingSnapshot(ListingsQuery(), maxRows: 800).listings.map(\.id)
            let collected = Collected()
            let report = try await client.info(ids: ids, batchSize: 800) {
                await collected.add($0.value.allItems.count)
            }
            #expect(await collected.total == 800)
            #expect(report.splits >= 2)
            #expect(await emulator.stats().byPathAndStatus["GET /v2/cryptocurrency/info 400"] == report.splits)
        }
    }

    @Test func aRequestLineTheServerFindsTooLongIsSplit() async throws {
        var configuration = smallUniverse(600)
        configuration.maxRequestTargetLength = 1500
        try await withEmulatorClient(configuration) { client, emulator in
            let ids = try await client.listingSnapshot(ListingsQuery(), maxRows: 600).listings.map(\.id)
            let collected = Collected()
            let report = try await client.info(ids: ids, batchSize: 600) {
                await collected.add($0.value.allItems.count)
            }
            #expect(await collected.total == 600)
            #expect(report.splits >= 1)
            #expect((await emulator.stats().byStatus["414"] ?? 0) == report.splits)
        }
    }

    @Test func anInvalidIDIsDroppedAndTheRestFetched() async throws {
        try await withEmulatorClient(smallUniverse()) { client, _ in
            let ids = try await client.listingsLatest(ListingsQuery(limit: 10)).value.items.map(\.id)
            let collected = Collected()
            let report = try await client.info(ids: ids + [99_999_999]) { await collected.add($0.value.allItems.count) }
            #expect(report.rejected == ["99999999"])
            #expect(await collected.total == 10)
        }
    }

    @Test func theBudgetRefusesACallBeforeItIsSent() async throws {
        try await withEmulatorClient(smallUniverse(), configure: { $0.creditBudget = 3 }) { client, emulator in
            _ = try await client.listingsLatest(ListingsQuery(limit: 300))  // 2 credits
            let error = try await #require(throws: CMCError.self) {
                try await client.listingsLatest(ListingsQuery(limit: 300))
            }
            #expect(error.code == .budget)
            #expect(await emulator.stats().apiRequests == 1)
        }
    }

    @Test func estimatesMatchWhatTheServerCharges() async throws {
        try await withEmulatorClient(smallUniverse(1000)) { client, _ in
            let ids = try await client.listingsLatest(ListingsQuery(limit: 1000)).value.items.map(\.id)
            let endpoints: [CMCEndpoint] = [
                ListingsQuery(limit: 1000).endpoint(),
                ListingsQuery(limit: 1, convert: ["USD", "EUR", "BTC"]).endpoint(),
                InfoQuery(coins: .ids(Array(ids.prefix(250)))).endpoint(),
                QuotesQuery(coins: .ids(Array(ids.prefix(101))), convert: ["USD", "EUR"]).endpoint(),
                MapQuery(limit: 1000).endpoint(),
            ]
            for endpoint in endpoints {
                let response = try await client.sendRaw(endpoint)
                #expect(response.status.creditCount == endpoint.estimatedCredits, "\(endpoint.pathAndQuery)")
            }
        }
    }
}

actor Collected {
    var total = 0
    func add(_ count: Int) { total += count }
}
