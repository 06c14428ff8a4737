import CMCEmulator
import Testing

@Suite struct PagingTests {
    @Test func nineThousandCoinsPageIntoExactlyNineThousandUniqueIDs() async throws {
        var configuration = EmulatorConfiguration()
        configuration.plan = .standard
        #expect(configuration.coins == 9000)
        try await withEmulatorAndClient(configuration) { emulator, http in
            let first = try await http.json("/v1/cryptocurrency/listings/latest?start=1&limit=5000")
            let second = try await http.json("/v1/cryptocurrency/listings/latest?start=5001&limit=5000")
            let firstIDs = try #require(first.objects("data")).compactMap { $0.int("id") }
            let secondIDs = try #require(second.objects("data")).compactMap { $0.int("id") }
            #expect(firstIDs.count == 5000)
            #expect(secondIDs.count == 4000)
            #expect(Set(firstIDs + secondIDs).count == 9000)
            #expect(first.status.int("total_count") == 9000)
            #expect(second.status.int("total_count") == 9000)
            #expect(first.status.int("credit_count") == 25)
            #expect(second.status.int("credit_count") == 20)
            #expect(firstIDs + secondIDs == emulator.coinIDs)
            #expect(Array(emulator.coinIDs.prefix(8)) == [1, 1027, 825, 1839, 5426, 3408, 52, 74])
            #expect(emulator.coinIDs.max() ?? 0 <= 40_000)
            let tokens = emulator.coins.filter { $0.platformID != nil }.count
            #expect(Double(tokens) / 9000 > 0.5 && Double(tokens) / 9000 < 0.7)
            let symbols = Dictionary(grouping: emulator.coins, by: \.symbol).filter { $0.value.count > 1 }
            #expect(symbols.count > 50, "a few % of coins share a symbol")
        }
    }
}
