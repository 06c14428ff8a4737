import AsyncHTTPClient
import CMCClient
import CMCEmulator
import Collector
import Foundation
import InMemoryLogging
import Logging
import Testing

@Suite struct LogoFetcherTests {
    static let quickRetry = RetryPolicy(
        maxAttempts: 6,
        initialBackoff: .milliseconds(5),
        maxBackoff: .milliseconds(40),
        maxTotalWait: .seconds(5)
    )

    /// The failure each hostile kind must end with.
    static let expectedFailure: [HostileLogoKind: LogoFailure.Code] = [
        .notFound: .httpStatus,
        .htmlBody: .notAnImage,
        .endlessBody: .tooLarge,
        .hugeBody: .tooLarge,
        .traversalName: .invalidURL,
        .queryAndFragment: .invalidURL,
        .redirectLoop: .tooManyRedirects,
        .redirectToLinkLocal: .disallowedAddress,
        .redirectToOtherHost: .disallowedHost,
        // The policy refuses the host before any DNS query; see aHostThatDoesNotResolveIsReported for the lookup.
        .unresolvableHost: .disallowedHost,
        .unsupportedScheme: .unsupportedScheme,
    ]

    static let pngMagic: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Each coin's `logo` from the emulator's real v2 info endpoint.
    static func infoLogos(_ emulator: RunningEmulator, transport: AsyncHTTPClientTransport) async throws -> [LogoJob] {
        let ids = emulator.coinIDs
        let query = ids.map(String.init).joined(separator: ",")
        let url = try #require(URL(string: emulator.baseURL.absoluteString + "/v2/cryptocurrency/info?id=" + query))
        let response = try await transport.send(
            HTTPRequest(url: url, headers: [("X-CMC_PRO_API_KEY", emulator.apiKey)])
        )
        try #require(response.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let data = try #require(object["data"] as? [String: Any])
        return try ids.map { id in
            let coin = try #require(data[String(id)] as? [String: Any], "no info for \(id)")
            return LogoJob(coinID: id, url: try #require(coin["logo"] as? String))
        }
    }

    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A fetcher allowed to fetch from the emulator's host.
    static func fetcher(
        _ client: HTTPClient,
        _ emulator: RunningEmulator,
        cache: LogoCache? = nil,
        configuration: LogoFetcher.Configuration,
        logger: Logger = quiet
    ) -> LogoFetcher {
        LogoFetcher(
            httpClient: client,
            policy: LogoHostPolicy(apiBaseURL: emulator.baseURL),
            cache: cache,
            configuration: configuration,
            logger: logger
        )
    }

    static func cache(_ root: URL) -> LogoCache {
        LogoCache(root: LogoCache.directory(inOutputRoot: root))
    }

    // MARK: - Unit

    @Test func magicBytesRecognizeImagesOnly() {
        #expect(ImageFormat.sniff(Self.pngMagic + [0, 0, 0, 13]) == .png)
        #expect(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1]) == .jpeg)
        #expect(ImageFormat.sniff(Array("GIF89a\u{1}\u{0}\u{1}\u{0}\u{0}\u{0}".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("GIF87a".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.sniff(Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WAVEfmt ".utf8)) == nil)
        #expect(ImageFormat.sniff(Array("<!DOCTYPE html><html>".utf8)) == nil)
        #expect(ImageFormat.sniff(Array(#"{"status":{"error_code":0}}"#.utf8)) == nil)
        #expect(ImageFormat.sniff(Array(Self.pngMagic.prefix(7))) == nil)
        #expect(ImageFormat.sniff([UInt8]()) == nil)
    }

    @Test func resizedReplacesOnlyTheSizeSegment() {
        let url = "https://s2.coinmarketcap.com/static/img/coins/64x64/1.png"
        #expect(LogoURL.resized(url, to: 128) == "https://s2.coinmarketcap.com/static/img/coins/128x128/1.png")
        #expect(LogoURL.resized(url, to: 16) == "https://s2.coinmarketcap.com/static/img/coins/16x16/1.png")
        #expect(LogoURL.resized(url, to: 64) == url)
        #expect(
            LogoURL.resized("https://s2.coinmarketcap.com/static/img/coins/64x64/64x64.png", to: 200)
                == "https://s2.coinmarketcap.com/static/img/coins/200x200/64x64.png"
        )
        #expect(
            LogoURL.resized("https://s2.coinmarketcap.com/static/img/coins/x64x64/1.png", to: 32)
                == "https://s2.coinmarketcap.com/static/img/coins/x64x64/1.png"
        )
        #expect(
            LogoURL.resized("http://127.0.0.1:8080/static/img/coins/64x64/1.png?x=/64x64/", to: 32)
                == "http://127.0.0.1:8080/static/img/coins/32x32/1.png?x=/64x64/"
        )
        #expect(LogoURL.resized("file:///etc/passwd", to: 32) == "file:///etc/passwd")
    }

    // MARK: - Against the emulator

    @Test func goodLogosAreSavedByIDAndHostileOnesRefused() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 40
        configuration.hostileLogos = HostileLogoKind.allCases
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 8) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let folder = try RunFolder.create(root: root, runID: RunID())
                    let logs = InMemoryLogHandler()
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        cache: Self.cache(root),
                        configuration: .init(concurrency: 8, timeout: .seconds(10), retry: Self.quickRetry),
                        logger: Logger(label: "test", factory: { _ in logs })
                    )
                    let reported = Counter()
                    let start = ContinuousClock.now
                    let results = await fetcher.fetch(jobs, into: folder) { _ in reported.increment() }
                    let elapsed = start.duration(to: .now)

                    #expect(reported.value == jobs.count)
                    #expect(elapsed < .seconds(10))
                    try await Self.checkHostileRun(
                        results,
                        jobs: jobs,
                        folder: folder,
                        root: root,
                        emulator: emulator,
                        logs: logs
                    )
                }
            }
        }
    }

    /// Checks a fetch of every hostile kind: good logos saved by id, each hostile one refused for its reason.
    static func checkHostileRun(
        _ results: [LogoResult],
        jobs: [LogoJob],
        folder: RunFolder,
        root: URL,
        emulator: RunningEmulator,
        logs: InMemoryLogHandler
    ) async throws {
        #expect(results.map(\.coinID) == jobs.map(\.coinID))
        var good: [Int] = []
        for result in results {
            let image = folder.url.appending(path: "Images/\(result.coinID).png")
            if let kind = emulator.hostileLogoCoins[result.coinID] {
                #expect(result.failure?.code == Self.expectedFailure[kind], "\(kind): \(result.outcome)")
                #expect(!FileManager.default.fileExists(atPath: image.path), "\(kind) wrote a file")
                if kind == .notFound { #expect(result.attempts == 1, "a 404 must not be retried") }
            } else {
                good.append(result.coinID)
                guard case .downloaded(let record) = result.outcome else {
                    Issue.record("coin \(result.coinID): \(result.outcome)")
                    continue
                }
                let data = try Data(contentsOf: image)
                #expect(record.path == "Images/\(result.coinID).png")
                #expect(Array(data.prefix(8)) == Self.pngMagic)
                #expect(record.sha256 == ScratchDirectory.sha256Hex(data))
            }
        }
        #expect(good.count == jobs.count - HostileLogoKind.allCases.count)
        #expect(try folder.listFiles() == good.map { "Images/\($0).png" }.sorted())
        // Nothing anywhere but the run folder and the cache.
        let everything = ScratchDirectory.allFiles(under: root)
        for file in everything {
            #expect(file.hasPrefix("\(folder.runID)/Images/") || file.hasPrefix(".cache/logos/"), "\(file)")
        }
        #expect(!everything.contains { file in file.contains("escape") || file.contains("passwd") })
        let stats = await emulator.stats()
        #expect(stats.hostileLogoHits["redirectLoop"] == 4, "the first request and 3 followed redirects")
        #expect(stats.hostileLogoHits["traversalName"] == nil, "a percent-escaped name is never requested")
        #expect(stats.hostileLogoHits["queryAndFragment"] == nil, "a URL with a query is never requested")
        #expect(stats.hostileLogoHits["endlessBody"] == 1)
        let refusals = logs.entries.filter { entry in entry.message.description == "logo not saved" }
        #expect(refusals.count == HostileLogoKind.allCases.count)
        #expect(refusals.allSatisfy { entry in entry.metadata["coin_id"] != nil && entry.metadata["reason"] != nil })
    }

    @Test func aHostThatDoesNotResolveOrResolvesPrivatelyIsRefused() async throws {
        try await ScratchDirectory.with { root in
            try await LogoFetcher.withHTTPClient(concurrency: 2) { client in
                let folder = try RunFolder.create(root: root, runID: RunID())
                let fetcher = LogoFetcher(
                    httpClient: client,
                    policy: LogoHostPolicy(
                        apiBaseURL: URL(string: "https://pro-api.coinmarketcap.com")!,
                        staticHosts: ["logos.invalid", "localhost"]
                    ),
                    cache: nil,
                    configuration: .init(retry: Self.quickRetry),
                    logger: Self.quiet
                )
                // Ten concurrent lookups of the same name: all wait for one answer, and all are refused.
                let local = (2...11).map {
                    LogoJob(coinID: $0, url: "https://localhost/static/img/coins/64x64/\($0).png")
                }
                let results = await fetcher.fetch(
                    [LogoJob(coinID: 1, url: "https://logos.invalid/static/img/coins/64x64/1.png")] + local,
                    into: folder
                )
                #expect(results.first?.failure?.code == .unresolvableHost)
                #expect(results.dropFirst().allSatisfy { result in result.failure?.code == .disallowedAddress })
                #expect(
                    results.dropFirst().allSatisfy { result in result.failure?.detail.contains("loopback") == true }
                )
                #expect(results.allSatisfy { result in result.attempts == 1 })
                #expect(try folder.listFiles().isEmpty)
            }
        }
    }

    @Test func transientFailuresAreRetriedToSuccess() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 30
        configuration.faults = [
            FaultRule(kind: .serverError, pathPrefix: "/static", count: 4),
            FaultRule(kind: .drop, pathPrefix: "/static", count: 3),
            FaultRule(kind: .truncate, pathPrefix: "/static", count: 3),
        ]
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 8) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let folder = try RunFolder.create(root: root, runID: RunID())
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        configuration: .init(concurrency: 8, timeout: .seconds(10), retry: Self.quickRetry)
                    )
                    let results = await fetcher.fetch(jobs, into: folder)
                    #expect(results.allSatisfy { result in result.kind == .downloaded })
                    #expect(results.map(\.attempts).reduce(0, +) == jobs.count + 10)
                    #expect(results.contains { result in result.attempts > 1 })
                    let stats = await emulator.stats()
                    #expect(stats.faultsInjected == ["serverError": 4, "drop": 3, "truncate": 3])
                    #expect(stats.logoRequests == jobs.count + 10)
                    #expect(try folder.listFiles().count == jobs.count)
                }
            }
        }
    }

    @Test func aStalledDownloadTimesOutAndIsRetried() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 3
        configuration.stallDuration = .seconds(3)
        configuration.faults = [FaultRule(kind: .stall, pathPrefix: "/static", count: 1)]
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 4) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let folder = try RunFolder.create(root: root, runID: RunID())
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        configuration: .init(concurrency: 4, timeout: .seconds(1), retry: Self.quickRetry)
                    )
                    let start = ContinuousClock.now
                    let results = await fetcher.fetch(jobs, into: folder)
                    // The stall lasts 3 s: only the 1 s attempt timeout and a retry can finish sooner.
                    #expect(start.duration(to: .now) < .milliseconds(2900), "the attempt timeout must end the stall")
                    #expect(results.allSatisfy { result in result.file != nil })
                    #expect(results.map(\.attempts).reduce(0, +) >= jobs.count + 1)
                    #expect(await emulator.stats().faultsInjected["stall"] == 1)
                }
            }
        }
    }

    @Test func oversizedBodiesStopAtTheCap() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 3
        configuration.hostileLogos = [.endlessBody, .hugeBody]
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 4) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let folder = try RunFolder.create(root: root, runID: RunID())
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        configuration: .init(maxBytes: 64 << 10, timeout: .seconds(10), retry: Self.quickRetry)
                    )
                    let start = ContinuousClock.now
                    let results = await fetcher.fetch(jobs, into: folder)
                    #expect(start.duration(to: .now) < .seconds(3))
                    let byKind = Dictionary(
                        uniqueKeysWithValues: results.map { (emulator.hostileLogoCoins[$0.coinID], $0) }
                    )
                    let endless = try #require(byKind[.endlessBody])
                    #expect(endless.failure?.code == .tooLarge)
                    #expect(
                        endless.bytesDownloaded <= (64 << 10) + (64 << 10),
                        "reading stopped within a chunk of the cap"
                    )
                    let huge = try #require(byKind[.hugeBody])
                    #expect(huge.failure?.code == .tooLarge)
                    #expect(huge.bytesDownloaded == 0, "refused from Content-Length before reading")
                    #expect(huge.failure?.detail.contains("50000000") == true)
                    #expect(byKind[nil]?.file != nil)
                    #expect(try folder.listFiles().count == 1)
                    // The server noticed the hang-up long before its 1 GiB bound (it may have queued a lot on
                    // loopback before noticing, hence the generous margin).
                    #expect(await emulator.stats().logoBodyBytes < 1 << 29)
                }
            }
        }
    }

    @Test func aWarmCacheDownloadsNothingAndAStaleOneRevalidates() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 200
        configuration.logoLatency = .milliseconds(40)
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 16) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        cache: Self.cache(root),
                        configuration: .init(timeout: .seconds(10), retry: Self.quickRetry)
                    )
                    var forcedConfiguration = LogoFetcher.Configuration(timeout: .seconds(10), retry: Self.quickRetry)
                    forcedConfiguration.forceRevalidate = true
                    let forced = Self.fetcher(
                        client,
                        emulator,
                        cache: Self.cache(root),
                        configuration: forcedConfiguration
                    )
                    try await Self.coldThenWarm(fetcher, jobs: jobs, root: root, emulator: emulator)
                    try await Self.forcedRevalidation(forced, jobs: jobs, root: root, emulator: emulator)
                    try await Self.staleAndCorruptEntries(fetcher, jobs: jobs, root: root, emulator: emulator)
                }
            }
        }
    }

    /// A cold fetch downloads everything over few connections; a warm one sends no request and is ≥ 10× faster.
    static func coldThenWarm(_ fetcher: LogoFetcher, jobs: [LogoJob], root: URL, emulator: RunningEmulator) async throws
    {
        let cold = try RunFolder.create(root: root, runID: RunID())
        let coldStart = ContinuousClock.now
        let first = await fetcher.fetch(jobs, into: cold)
        let coldTime = coldStart.duration(to: .now)
        #expect(first.allSatisfy { result in result.kind == .downloaded })
        let afterCold = await emulator.stats()
        #expect(afterCold.logoRequests == jobs.count)
        #expect(afterCold.connections <= 16 + 1, "connections are reused: \(afterCold.connections)")

        let warm = try RunFolder.create(root: root, runID: RunID())
        let warmStart = ContinuousClock.now
        let second = await fetcher.fetch(jobs, into: warm)
        let warmTime = warmStart.duration(to: .now)
        #expect(
            second.allSatisfy { result in result.kind == .fresh && result.file?.path == "Images/\(result.coinID).png" }
        )
        #expect(second.allSatisfy { result in result.attempts == 0 && result.bytesDownloaded == 0 })
        let afterWarm = await emulator.stats()
        #expect(afterWarm.logoRequests == afterCold.logoRequests)
        #expect(afterWarm.logoBodyBytes == afterCold.logoBodyBytes)
        #expect(warmTime * 10 <= coldTime, "warm \(warmTime) vs cold \(coldTime)")
        #expect(try warm.listFiles() == cold.listFiles())
        for job in jobs {
            let path = "Images/\(job.coinID).png"
            #expect(try warm.record(for: path).sha256 == cold.record(for: path).sha256)
        }
    }

    /// `forceRevalidate` asks the server about every logo and gets 304s, with no body.
    static func forcedRevalidation(
        _ forced: LogoFetcher,
        jobs: [LogoJob],
        root: URL,
        emulator: RunningEmulator
    )
        async throws
    {
        let before = await emulator.stats()
        let third = await forced.fetch(jobs, into: try RunFolder.create(root: root, runID: RunID()))
        #expect(third.allSatisfy { result in result.kind == .revalidated && result.attempts == 1 })
        let after = await emulator.stats()
        #expect(after.notModified == before.notModified + jobs.count)
        #expect(after.logoRequests == before.logoRequests + jobs.count)
        #expect(after.logoBodyBytes == before.logoBodyBytes)
    }

    /// One entry made stale by editing its meta file gets a 304; one corrupted object is downloaded again.
    static func staleAndCorruptEntries(
        _ fetcher: LogoFetcher,
        jobs: [LogoJob],
        root: URL,
        emulator: RunningEmulator
    )
        async throws
    {
        let staleJob = jobs[3]
        let meta = root.appending(path: ".cache/logos/meta/\(ScratchDirectory.sha256Hex(Data(staleJob.url.utf8))).json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: meta)) as? [String: Any])
        #expect(object["max_age"] as? Int == 2_592_000)
        #expect(object["etag"] is String && object["last_modified"] is String)
        object["max_age"] = 0
        try JSONSerialization.data(withJSONObject: object).write(to: meta)

        let corruptJob = jobs[5]
        let cache = Self.cache(root)
        let corruptEntry = try #require(cache.entry(for: corruptJob.url))
        // Replaced, not rewritten in place: earlier runs hard-link the same object.
        try Data("not the logo".utf8).write(to: cache.objectURL(sha256: corruptEntry.sha256), options: .atomic)

        let before = await emulator.stats()
        let fourth = await fetcher.fetch(jobs, into: try RunFolder.create(root: root, runID: RunID()))
        let kinds = Dictionary(uniqueKeysWithValues: fourth.map { result in (result.coinID, result.kind) })
        #expect(kinds[staleJob.coinID] == .revalidated)
        #expect(kinds[corruptJob.coinID] == .downloaded)
        #expect(kinds.values.filter { kind in kind == .fresh }.count == jobs.count - 2)
        let after = await emulator.stats()
        #expect(after.notModified == before.notModified + 1)
        #expect(after.logoRequests == before.logoRequests + 2)
        #expect(after.logoBodyBytes > before.logoBodyBytes)
        #expect(cache.entry(for: staleJob.url)?.maxAge == 2_592_000, "the 304's Cache-Control refreshed the entry")
    }

    @Test func concurrencyIsBoundedAndConnectionsReused() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 24
        configuration.logoLatency = .milliseconds(100)
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 16) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let folder = try RunFolder.create(root: root, runID: RunID())
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        configuration: .init(concurrency: 4, timeout: .seconds(10), retry: Self.quickRetry)
                    )
                    let start = ContinuousClock.now
                    let results = await fetcher.fetch(jobs, into: folder)
                    let elapsed = start.duration(to: .now)
                    #expect(results.allSatisfy { result in result.file != nil })
                    // 24 logos, 4 at a time, 100 ms each: at least 6 rounds, and far less than one at a time.
                    #expect(elapsed >= .milliseconds(540), "\(elapsed)")
                    #expect(elapsed < .milliseconds(2300), "\(elapsed)")
                    // The client may open 16 connections; only 4 downloads were ever in flight (+1 for info).
                    #expect(await emulator.stats().connections <= 5)
                }
            }
        }
    }

    @Test func cancellationStopsPromptly() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 40
        configuration.logoLatency = .seconds(1)
        try await ScratchDirectory.with { root in
            try await withEmulator(configuration) { emulator in
                try await LogoFetcher.withHTTPClient(concurrency: 4) { client in
                    let jobs = try await Self.infoLogos(emulator, transport: AsyncHTTPClientTransport(client: client))
                    let folder = try RunFolder.create(root: root, runID: RunID())
                    let fetcher = Self.fetcher(
                        client,
                        emulator,
                        configuration: .init(concurrency: 4, timeout: .seconds(10), retry: Self.quickRetry)
                    )
                    let (fourDone, signal) = AsyncStream.makeStream(of: Void.self)
                    let finished = Counter()
                    let (results, stopTime) = await Self.cancelled(after: fourDone) {
                        await fetcher.fetch(jobs, into: folder) { _ in
                            finished.increment()
                            if finished.value == 4 { signal.yield() }
                        }
                    }
                    // The next window of 4 was in flight with a second to go: it was abandoned, not awaited.
                    #expect(stopTime < .milliseconds(900), "\(stopTime)")
                    #expect(results.count >= 4 && results.count <= 8, "\(results.count) finished")
                    #expect(results.allSatisfy { result in result.file != nil })
                    #expect(try folder.listFiles().count == results.count)
                }
            }
        }
    }

    /// Runs `work`, cancels it when `trigger` yields, and returns its result and how long it took to stop.
    static func cancelled(
        after trigger: AsyncStream<Void>,
        _ work: @escaping @Sendable () async -> [LogoResult]
    ) async -> ([LogoResult], Duration) {
        await withTaskGroup(of: [LogoResult]?.self) { group in
            group.addTask { await work() }
            var iterator = trigger.makeAsyncIterator()
            _ = await iterator.next()
            let cancelledAt = ContinuousClock.now
            group.cancelAll()
            for await case let value? in group {
                return (value, cancelledAt.duration(to: .now))
            }
            return ([], cancelledAt.duration(to: .now))
        }
    }
}

/// A thread-safe counter for `onResult` callbacks.
// @unchecked: `count` is only read or written while holding `lock`.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.withLock { count += 1 }
    }

    var value: Int { lock.withLock { count } }
}

extension LogoResult {
    /// How a logo ended up, without its payload, for compact checks.
    enum Kind: Equatable {
        case downloaded, fresh, revalidated, failed
    }

    var kind: Kind {
        switch outcome {
        case .downloaded: .downloaded
        case .cached(_, let revalidated): revalidated ? .revalidated : .fresh
        case .failed: .failed
        }
    }
}
