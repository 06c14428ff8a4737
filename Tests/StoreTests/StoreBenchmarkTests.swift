import Foundation
import Testing

@testable import Store

/// The benchmark's code, at a small size (the full 9000-coin, 10,000-run benchmark is `coinpipe bench`; set
/// `COINPIPE_STORE_BENCHMARK=1` to run it here too and print its table).
@Suite struct StoreBenchmarkTests {
    @Test func smallBenchmarkMeasuresEveryFigure() async throws {
        let postgres = PostgresTestServer.isConfigured ? try PostgresTestServer.settings() : nil
        let configuration = StoreBenchmark.Configuration(
            coins: 300,
            historyRuns: 40,
            historyCoins: 12,
            postgres: postgres
        )
        let results = try await StoreBenchmark.run(configuration, logger: testLogger)
        #expect(results.map(\.engine) == (postgres == nil ? ["SQLite"] : ["SQLite", "PostgreSQL"]))
        for result in results {
            #expect(result.rows == 300)
            #expect(result.historyRows == 40)
            #expect(result.loadSeconds > 0)
            #expect(result.bytesPerRun > 0)
            #expect(result.historyBytesPerRun > 0)
        }
        #expect(StoreBenchmark.markdown(results).split(separator: "\n").count == 2 + results.count)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["COINPIPE_STORE_BENCHMARK"] != nil))
    func fullBenchmark() async throws {
        let postgres = PostgresTestServer.isConfigured ? try PostgresTestServer.settings() : nil
        let results = try await StoreBenchmark.run(StoreBenchmark.Configuration(postgres: postgres), logger: testLogger)
        print(StoreBenchmark.markdown(results))
        #expect(results.allSatisfy { $0.rows == 9000 && $0.historyRows == 10_000 })
    }
}
