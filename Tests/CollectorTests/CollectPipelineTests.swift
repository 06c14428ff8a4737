import CMCClient
import CMCEmulator
import CMCModels
import CoinPipeTestSupport
import Collector
import Foundation
import InMemoryLogging
import Logging
import Testing

/// The whole collection pipeline against the emulator over loopback.
@Suite struct CollectPipelineTests {
    @Test func aCleanFullRunCollectsEveryCoinAndLogoAndVerifies() async throws {
        try await withCollection(coins: 9000, limit: .all, info: .all) { summary, out, emulator in
            #expect(summary.status == .complete)
            #expect(summary.counts.coins == 9000)
            #expect(summary.counts.info == 9000)
            #expect(summary.counts.logosDownloaded == 9000)
            #expect(summary.failures.isEmpty)
            let folder = try RunFolder.open(root: out, runID: try #require(RunID(summary.runID)))
            let report = RunVerifier.verify(folder)
            #expect(report.isClean, "\(report)")

            // data.json is the merged array, with the numbers exactly as the API sent them.
            let data = try Data(contentsOf: folder.url.appendingPathComponent("data.json"))
            let decoded = try CMCJSON.makeDecoder().decode(DecodedList<Listing>.self, from: data)
            #expect(decoded.items.count == 9000)
            #expect(Set(decoded.items.map(\.id)).count == 9000)
            let rawPages = try FileManager.default.contentsOfDirectory(
                atPath: folder.url.appendingPathComponent("raw").path
            )
            .filter { $0.contains("listings") }
            #expect(rawPages.count == 2)
            let firstPage = try Data(contentsOf: folder.url.appendingPathComponent("raw/\(rawPages.sorted()[0])"))
            let pageRange = try RawJSON.valueRange(ofTopLevelKey: "data", in: firstPage)
            let firstElement = try #require(try RawJSON.elementRanges(ofArrayAt: pageRange, in: firstPage).first)
            let dataRange = try #require(try RawJSON.elementRanges(ofArrayAt: 0..<data.count, in: data).first)
            #expect(data[dataRange] == firstPage[firstElement])

            let info = try Data(contentsOf: folder.url.appendingPathComponent("info.json"))
            #expect(try CMCJSON.makeDecoder().decode(DecodedMap<CoinInfo>.self, from: info).allItems.count == 9000)

            let manifest = try RunManifest.load(from: folder)
            #expect(manifest.status == .complete)
            #expect(manifest.creditsUsed == 45 + 90)
            #expect(manifest.creditsUsed == (await emulator.stats().creditsUsed))
            #expect(manifest.requests.allSatisfy { $0.rawFile != nil || $0.endpoint == "/v1/key/info" })
            #expect(manifest.files.contains { $0.path == "Images/1.png" })
            let stats = await emulator.stats()
            #expect(stats.rateLimited == 0)
            #expect(stats.connections < 100)
        }
    }

    @Test func theOriginalDefaultsTakeTheTop5000AndLogosForTheTop50() async throws {
        try await withCollection(coins: 6000, limit: .count(5000), info: .top(50)) { summary, out, emulator in
            #expect(summary.status == .complete)
            #expect(summary.counts.coins == 5000)
            #expect(summary.counts.info == 50)
            let images = try FileManager.default.contentsOfDirectory(
                atPath: out.appendingPathComponent("\(summary.runID)/Images").path
            )
            #expect(images.count == 50)
            // 25 credits for the listing, 1 for 50 coins of info.
            #expect(await emulator.stats().creditsUsed == 26)
        }
    }

    @Test func everyHostileLogoIsRefusedRecordedAndNothingEscapes() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 120
        emulator.plan = .unlimited
        emulator.hostileLogos = HostileLogoKind.allCases
        try await withCollection(emulator: emulator, limit: .all, info: .top(40)) { summary, out, running in
            #expect(summary.status == .partial)
            let hostile = running.hostileLogoCoins
            #expect(hostile.count == HostileLogoKind.allCases.count)
            let failedIDs = Set(summary.failures.filter { $0.stage == "logos" }.compactMap(\.coinID))
            #expect(failedIDs == Set(hostile.keys))
            let images = try FileManager.default.contentsOfDirectory(
                atPath: out.appendingPathComponent("\(summary.runID)/Images").path
            )
            for id in hostile.keys { #expect(!images.contains("\(id).png")) }
            #expect(images.count == 40 - hostile.count)
            // Nothing was written outside the output root.
            let parent = out.deletingLastPathComponent()
            let outside = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter {
                $0 != out.lastPathComponent
            }
            #expect(outside.isEmpty, "\(outside)")
            let folder = try RunFolder.open(root: out, runID: try #require(RunID(summary.runID)))
            #expect(RunVerifier.verify(folder).isClean)
        }
    }

    @Test func theRunSurvivesAPIFaultsWithCompleteData() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 1200
        emulator.plan = .unlimited
        emulator.stallDuration = .seconds(10)
        emulator.rateLimitWindow = .seconds(1)
        emulator.faults = [
            FaultRule(kind: .serverError, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 1),
            FaultRule(kind: .drop, pathPrefix: "/v2/cryptocurrency/info", count: 1),
            FaultRule(kind: .truncate, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 1),
            FaultRule(kind: .truncateJSON, pathPrefix: "/v2/cryptocurrency/info", count: 1),
            FaultRule(kind: .stall, pathPrefix: "/v2/cryptocurrency/info", count: 1),
            FaultRule(kind: .rateLimit, pathPrefix: "/v2/cryptocurrency/info", count: 1),
            FaultRule(kind: .serverError, pathPrefix: "/static", count: 5),
            FaultRule(kind: .drop, pathPrefix: "/static", count: 3),
        ]
        try await withCollection(
            emulator: emulator,
            limit: .all,
            info: .all,
            client: {
                $0.requestTimeout = .seconds(2)
                $0.rateWindow = .seconds(1)
            }
        ) { summary, _, running in
            #expect(summary.status == .complete, "\(summary.failures)")
            #expect(summary.counts.coins == 1200)
            #expect(summary.counts.info == 1200)
            #expect(summary.counts.logosDownloaded == 1200)
            #expect(await running.stats().faultsInjected.values.reduce(0, +) == 14)
        }
    }

    @Test func aSecondRunIsServedFromTheLogoCache() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 300
        emulator.plan = .unlimited
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryRoot()
            defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
            let first = try await collect(running, out: out, limit: .all, info: .all)
            let afterFirst = await running.stats()
            let second = try await collect(running, out: out, limit: .all, info: .all)
            let afterSecond = await running.stats()
            #expect(first.counts.logosDownloaded == 300)
            #expect(second.status == .complete)
            #expect(second.counts.logosCached == 300)
            #expect(second.counts.logosDownloaded == 0)
            #expect(afterSecond.logoBodyBytes == afterFirst.logoBodyBytes)
            #expect(first.runID != second.runID)
        }
    }

    @Test func theKeyAppearsInNoFileAndNoLogLine() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 200
        emulator.plan = .unlimited
        let secret = "key-\(UUID().uuidString)"
        emulator.apiKey = secret
        emulator.faults = [FaultRule(kind: .serverError, pathPrefix: "/v2/cryptocurrency/info", count: 1)]
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test", factory: { _ in handler })
        logger.logLevel = .trace
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryRoot()
            defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
            let summary = try await collect(running, out: out, limit: .all, info: .all, logger: logger)
            #expect(summary.status == .complete)
            let enumerator = try #require(FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil))
            var files = 0
            for case let url as URL in enumerator {
                guard let data = try? Data(contentsOf: url) else { continue }
                files += 1
                #expect(data.range(of: Data(secret.utf8)) == nil, "\(url.path) holds the key")
            }
            #expect(files > 200)
        }
        #expect(handler.entries.count > 10)
        for entry in handler.entries {
            #expect(!"\(entry.message) \(entry.metadata)".contains(secret))
        }
    }

    @Test func aFailedListingEndsAsAFailedRunWithAManifest() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 50
        emulator.plan = .unlimited
        emulator.faults = [FaultRule(kind: .serverError, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 100)]
        try await withCollection(emulator: emulator, limit: .all, info: .all) { summary, out, _ in
            #expect(summary.status == .failed)
            let folder = try RunFolder.open(root: out, runID: try #require(RunID(summary.runID)))
            #expect(try RunManifest.load(from: folder).status == .failed)
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("data.json").path))
            #expect(RunVerifier.verify(folder).isClean)
        }
    }

    @Test func maxCreditsRefusesAnExpensiveRunBeforeSpending() async throws {
        var emulator = EmulatorConfiguration()
        emulator.coins = 3000
        emulator.plan = .unlimited
        try await withEmulator(emulator, logger: silentLogger()) { running in
            let out = try temporaryRoot()
            defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
            var configuration = CollectConfiguration(outputRoot: out, limit: .all, info: .all)
            configuration.maxCredits = 10
            await #expect(throws: CollectRunner.Refusal.self) {
                _ = try await CollectRunner.run(
                    client: clientConfiguration(running),
                    collect: configuration,
                    resume: nil,
                    logger: silentLogger(),
                    progress: SilentProgress(),
                    environment: [:]
                )
            }
            #expect(await running.stats().creditsUsed == 0)
        }
    }

    @Test func planCostsNoCredit() async throws {
        try await withEmulator(smallEmulator(500), logger: silentLogger()) { running in
            let plan = try await CollectRunner.plan(
                client: clientConfiguration(running),
                collect: CollectConfiguration(outputRoot: try temporaryRoot(), limit: .count(5000), info: .all),
                logger: silentLogger()
            )
            #expect(plan.credits == 25 + 50)
            #expect(plan.monthlyCreditsLeft != nil)
            #expect(await running.stats().creditsUsed == 0)
        }
    }
}

// MARK: - Helpers

func temporaryRoot() throws -> URL {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("coinpipe-test-\(UUID().uuidString)")
    let out = base.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    return out
}

func smallEmulator(_ coins: Int) -> EmulatorConfiguration {
    var configuration = EmulatorConfiguration()
    configuration.coins = coins
    configuration.plan = .unlimited
    return configuration
}

func clientConfiguration(_ running: RunningEmulator) -> CMCClient.Configuration {
    CMCClient.Configuration(
        baseURL: running.baseURL,
        apiKey: APIKey(running.apiKey),
        requestTimeout: .seconds(5),
        retry: RetryPolicy(
            maxAttempts: 5,
            initialBackoff: .milliseconds(10),
            maxBackoff: .milliseconds(100),
            maxTotalWait: .seconds(20)
        )
    )
}

func collect(
    _ running: RunningEmulator,
    out: URL,
    limit: CollectConfiguration.Limit,
    info: CollectConfiguration.InfoSelection,
    logger: Logger = silentLogger(),
    client configure: (inout CMCClient.Configuration) -> Void = { _ in }
) async throws -> RunSummary {
    var client = clientConfiguration(running)
    configure(&client)
    return try await CollectRunner.run(
        client: client,
        collect: CollectConfiguration(outputRoot: out, limit: limit, info: info),
        resume: nil,
        logger: logger,
        progress: SilentProgress(),
        environment: [:]
    )
}

func withCollection(
    coins: Int? = nil,
    emulator: EmulatorConfiguration? = nil,
    limit: CollectConfiguration.Limit,
    info: CollectConfiguration.InfoSelection,
    client: (inout CMCClient.Configuration) -> Void = { _ in },
    _ body: (RunSummary, URL, RunningEmulator) async throws -> Void
) async throws {
    let configuration = emulator ?? smallEmulator(coins ?? 300)
    try await withEmulator(configuration, logger: silentLogger()) { running in
        let out = try temporaryRoot()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let summary = try await collect(running, out: out, limit: limit, info: info, client: client)
        try await body(summary, out, running)
    }
}
