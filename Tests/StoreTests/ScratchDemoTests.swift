import CMCClient
import CMCEmulator
import Collector
import Foundation
import Testing
@testable import Store
@testable import coinpipe

@Suite(.enabled(if: ProcessInfo.processInfo.environment["STORE_DEMO"] != nil)) struct ScratchDemoTests {
    @Test func demo() async throws {
        let root = URL(fileURLWithPath: "/tmp/store-demo/raw_data")
        try? FileManager.default.removeItem(at: root)
        var emulator = EmulatorConfiguration()
        emulator.coins = 300
        emulator.plan = .standard
        emulator.dataRefreshInterval = .seconds(1)
        for _ in 0..<3 {
            _ = try await withEmulator(emulator, logger: testLogger) { running in
                let client = CMCClient.Configuration(baseURL: running.baseURL, apiKey: APIKey(running.apiKey)!)
                return try await CollectRunner.run(
                    client: client,
                    collect: CollectConfiguration(outputRoot: root, limit: .all, convert: ["USD"], info: .top(10)),
                    resume: nil, logger: testLogger, progress: SilentProgress())
            }
            try await Task.sleep(for: .seconds(1.2))
        }
        let out = ["--out", root.path]
        print("$ coinpipe load raw_data"); try await LoadCommand.parse(out).run()
        print("$ coinpipe runs"); try await RunsCommand.parse(out).run()
        print("$ coinpipe latest --top 5"); try await LatestCommand.parse(out + ["--top", "5"]).run()
        print("$ coinpipe history bitcoin"); try await HistoryCommand.parse(out + ["bitcoin"]).run()
        print("$ coinpipe latest --top 2 --format json"); try await LatestCommand.parse(out + ["--top", "2", "--format", "json"]).run()
    }
}
