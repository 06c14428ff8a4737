public import AsyncHTTPClient
public import CMCClient
import CMCModels
import Foundation
public import Logging
import Synchronization

/// Collects listings, metadata and logos into a run folder: CoinPipe's main job.
///
/// Stages run in order — listings (every page of one consistent snapshot), metadata in credit-minimal
/// batches, then logos, concurrently — and every file is written to a temporary name and renamed into
/// place. `manifest.json` is written first with status `running` (so an interrupted run can be resumed)
/// and last with the final status and the size and SHA-256 of every file.
///
/// ```swift
/// let collector = Collector(client: client, httpClient: http, configuration: .init(outputRoot: out), logger: logger)
/// let summary = try await collector.collect()
/// print(summary.status)   // complete, partial or failed
/// ```
public struct Collector: Sendable {
    /// The API client.
    public let client: CMCClient
    /// What to collect and where.
    public let configuration: CollectConfiguration
    let httpClient: HTTPClient
    let logger: Logger
    let progress: any CollectProgress

    /// Creates a collector.
    ///
    /// - Parameters:
    ///   - client: the API client (its base URL also decides which host logos may come from).
    ///   - httpClient: the HTTP client for logo downloads; create it with redirects disabled and at least
    ///     `configuration.concurrency` connections per host (``AsyncHTTPClientTransport/makeHTTPClient(_:)``).
    ///   - configuration: what to collect.
    ///   - logger: where to log.
    ///   - progress: where to report progress.
    public init(
        client: CMCClient,
        httpClient: HTTPClient,
        configuration: CollectConfiguration,
        logger: Logger,
        progress: any CollectProgress = SilentProgress()
    ) {
        self.client = client
        self.httpClient = httpClient
        self.configuration = configuration
        self.logger = logger
        self.progress = progress
    }

    /// Runs a new collection.
    ///
    /// API failures do not throw: they end the run as `partial` or `failed` with a manifest that says
    /// why.
    ///
    /// - Throws: ``RunFolderError`` when the run folder cannot be created or written, and
    ///   `CancellationError` when cancelled (the manifest then says `partial`).
    public func collect(runID: RunID = RunID()) async throws -> RunSummary {
        let folder = try RunFolder.create(root: configuration.outputRoot, runID: runID)
        let manifest = RunManifest(
            runID: runID,
            status: .running,
            startedAt: Date(),
            coinpipeVersion: CoinPipeVersion.current,
            baseURL: client.configuration.baseURL.absoluteString,
            parameters: parameters(resumedFromStatus: nil)
        )
        return try await run(in: folder, manifest: manifest, resuming: false)
    }

    /// Completes an interrupted or partial run without fetching again what is already on disk and sound.
    ///
    /// The run keeps the parameters it was started with (those in its manifest).
    ///
    /// - Throws: ``RunFolderError`` when the run folder or its manifest cannot be read or written.
    public func resume(runID: RunID) async throws -> RunSummary {
        let folder = try RunFolder.open(root: configuration.outputRoot, runID: runID)
        var manifest = try RunManifest.load(from: folder)
        manifest.parameters.resumedFromStatus = manifest.status.rawValue
        return try await run(in: folder, manifest: manifest, resuming: true)
    }

    /// The collector for a resumed run: the same collector with the run's own parameters.
    public func adopting(_ parameters: RunParameters) -> Collector {
        var configuration = self.configuration
        configuration.limit = CollectConfiguration.Limit(parameters.limit) ?? configuration.limit
        configuration.convert = parameters.convert
        configuration.info = CollectConfiguration.InfoSelection(parameters.info) ?? configuration.info
        configuration.logoSize = parameters.logoSize
        configuration.maxLogoBytes = parameters.maxLogoBytes
        configuration.batchSize = parameters.batchSize
        return Collector(
            client: client,
            httpClient: httpClient,
            configuration: configuration,
            logger: logger,
            progress: progress
        )
    }

    private func parameters(resumedFromStatus: String?) -> RunParameters {
        RunParameters(
            limit: configuration.limit.description,
            convert: configuration.convert,
            info: configuration.info.description,
            logoSize: configuration.logoSize,
            concurrency: configuration.concurrency,
            maxLogoBytes: configuration.maxLogoBytes,
            batchSize: configuration.batchSize,
            resumedFromStatus: resumedFromStatus
        )
    }

    // MARK: - The run

    private func run(in folder: RunFolder, manifest: RunManifest, resuming: Bool) async throws -> RunSummary {
        do {
            return try await runStages(in: folder, manifest: manifest, resuming: resuming)
        } catch let error as RunFolderError where error.code == .io {
            // The disk filled up or a permission changed mid-run: the folder holds what was written so far.
            throw RunFolderError(
                .io,
                path: error.path,
                message: error.message + "; run \(folder.runID) is incomplete: free space (or fix the cause), then "
                    + "finish it with `coinpipe collect --resume \(folder.runID)`"
            )
        }
    }

    private func runStages(in folder: RunFolder, manifest: RunManifest, resuming: Bool) async throws -> RunSummary {
        let started = ContinuousClock.now
        var manifest = manifest
        var logger = self.logger
        logger[metadataKey: "run_id"] = "\(folder.runID)"
        manifest.status = .running
        manifest.endedAt = nil
        try writeManifest(manifest, to: folder)

        let existingRaw = resuming ? Self.existingFiles(in: folder, under: RunFolder.rawDirectory).count : 0
        let recorder = RunRecorder(
            startManifest: manifest,
            exchangesBefore: await client.exchanges.all.count,
            creditsBefore: await client.ledger.used,
            rawSequenceStart: existingRaw
        )
        if resuming { try Self.removeLeftoverTemporaryFiles(in: folder) }

        var counts = RunCounts()
        do {
            // Stage 1: listings.
            var stageStart = ContinuousClock.now
            let ids = try await listingsStage(folder, recorder, &counts, resuming: resuming, logger: logger)
            await recorder.timeStage(.listings, ContinuousClock.now - stageStart)
            guard let ids else {
                return try await finish(folder, &manifest, recorder, counts, started, failed: true)
            }
            // Stages 2 and 3 overlap: each metadata batch hands its logos to the fetcher at once, so the
            // downloads start while the next batches are still on their way.
            let (logoJobs, logoJobSink) = AsyncStream.makeStream(of: LogoJob.self)
            let wanted = configuration.infoIDs(from: ids)
            async let logoCounts = logoStage(
                folder,
                recorder,
                jobs: logoJobs,
                expected: wanted.count,
                resuming: resuming,
                logger: logger
            )
            stageStart = ContinuousClock.now
            do {
                counts.info = try await infoStage(folder, recorder, wanted: wanted, resuming: resuming, logger: logger)
                {
                    logoJobSink.yield($0)
                }
                logoJobSink.finish()
            } catch {
                logoJobSink.finish()
                _ = try? await logoCounts
                throw error
            }
            await recorder.timeStage(.info, ContinuousClock.now - stageStart)
            counts.take(try await logoCounts)
        } catch is CancellationError {
            await recorder.fail(RunFailure(stage: "run", coinID: nil, url: nil, reason: "interrupted"))
            // The logos settled before the interruption, as the tally counted them.
            counts.take(recorder.logos.withLock { $0 })
            _ = try await finish(
                folder,
                &manifest,
                recorder,
                counts,
                started,
                failed: false,
                interrupted: true
            )
            throw CancellationError()
        }
        return try await finish(folder, &manifest, recorder, counts, started, failed: false)
    }

    /// Fetches (or, when resuming, reuses) the listing and writes `data.json`.
    ///
    /// - Returns: the coin ids in rank order, or `nil` when the listing could not be fetched.
    private func listingsStage(
        _ folder: RunFolder,
        _ recorder: RunRecorder,
        _ counts: inout RunCounts,
        resuming: Bool,
        logger: Logger
    ) async throws -> [Int]? {
        if resuming, let data = Self.completeJSON(folder, RunFolder.dataFileName) {
            let decoded = try? CMCJSON.makeDecoder().decode(DecodedList<Listing>.self, from: data)
            if let decoded {
                counts.coins = decoded.items.count + decoded.diagnostics.count
                await recorder.add(try folder.record(for: RunFolder.dataFileName))
                logger.info(
                    "resuming: data.json is complete; listings are not fetched again",
                    metadata: ["coins": "\(counts.coins)"]
                )
                return decoded.items.map(\.id)
            }
        }
        progress.started(.listings, total: configuration.limit.rows)
        let snapshot: ListingSnapshot
        do {
            snapshot = try await client.listingSnapshot(configuration.listingsQuery, maxRows: configuration.limit.rows)
            {
                listings in progress.advanced(.listings, by: listings.count, failed: 0)
            }
        } catch let error as CMCError {
            progress.finished(.listings, summary: "failed: \(error)")
            logger.error("the listing could not be fetched", metadata: ["error": "\(error)"])
            await recorder.fail(RunFailure(stage: "listings", coinID: nil, url: nil, reason: error.description))
            return nil
        }
        for page in snapshot.supersededPages + snapshot.pages {
            try await saveRaw(page.body, exchange: page.exchange, folder, recorder)
        }
        let merged: (json: Data, count: Int)
        do {
            merged = try RawJSONMerge.mergeDataArrays(snapshot.pages.map(\.body))
        } catch {
            await recorder.fail(
                RunFailure(stage: "listings", coinID: nil, url: nil, reason: "cannot merge pages: \(error)")
            )
            return nil
        }
        await recorder.add(try folder.write(merged.json, to: RunFolder.dataFileName))
        counts.coins = merged.count
        await recorder.diagnose(snapshot.diagnostics, endpoint: CMCEndpoint.Path.listingsLatest)
        let reconciliation = snapshot.reconciliation
        if !reconciliation.isConsistent {
            await recorder.fail(
                RunFailure(
                    stage: "listings",
                    coinID: nil,
                    url: nil,
                    reason:
                        "pages do not add up: \(reconciliation.duplicateIDs.count) duplicate and \(reconciliation.missing) missing ids against total_count \(reconciliation.totalCount.map(String.init) ?? "unknown")"
                )
            )
        }
        progress.finished(
            .listings,
            summary: "\(merged.count) coins in \(snapshot.pages.count) page(s)"
                + (snapshot.diagnostics.isEmpty
                    ? "" : ", \(snapshot.diagnostics.count) malformed item(s) kept as diagnostics")
        )
        return snapshot.listings.map(\.id)
    }

    /// Fetches (or reuses) metadata for the `wanted` coins (rank order) and writes `info.json`.
    ///
    /// Each coin's logo job goes to `logo` as soon as its metadata has arrived; a coin without metadata or
    /// without a logo URL is recorded as a failure at the end.
    ///
    /// - Returns: the number of coins with metadata.
    private func infoStage(
        _ folder: RunFolder,
        _ recorder: RunRecorder,
        wanted: [Int],
        resuming: Bool,
        logger: Logger,
        logo: @escaping @Sendable (LogoJob) -> Void
    ) async throws -> Int {
        guard !wanted.isEmpty else { return 0 }
        let wantedSet = Set(wanted)
        let logoSize = configuration.logoSize
        /// The logo job of a coin with metadata, or `nil` when the metadata has no logo URL.
        @Sendable func job(for info: CoinInfo) -> LogoJob? {
            guard let url = info.logo, !url.isEmpty else { return nil }
            return LogoJob(coinID: info.id, url: LogoURL.resized(url, to: logoSize))
        }
        var infos: [Int: CoinInfo] = [:]
        if resuming, let data = Self.completeJSON(folder, RunFolder.infoFileName),
            let decoded = try? CMCJSON.makeDecoder().decode(DecodedMap<CoinInfo>.self, from: data),
            Set(decoded.allItems.map(\.id)).isSuperset(of: wanted)
        {
            for item in decoded.allItems { infos[item.id] = item }
            await recorder.add(try folder.record(for: RunFolder.infoFileName))
            for id in wanted { if let item = infos[id], let job = job(for: item) { logo(job) } }
            logger.info("resuming: info.json is complete; metadata is not fetched again")
        } else {
            progress.started(.info, total: wanted.count)
            let bodies = BodyCollector()
            do {
                let report = try await client.info(ids: wanted, batchSize: configuration.batchSize) { response in
                    try await saveRaw(response.body, exchange: response.exchange, folder, recorder)
                    let items = response.value.allItems
                    let fresh = await bodies.add(response.body, items: items)
                    for item in fresh where wantedSet.contains(item.id) {
                        if let job = job(for: item) { logo(job) }
                    }
                    await recorder.diagnose(response.value.diagnostics, endpoint: CMCEndpoint.Path.info)
                    progress.advanced(.info, by: response.value.allItems.count, failed: 0)
                }
                for value in report.rejected {
                    await recorder.fail(
                        RunFailure(
                            stage: "info",
                            coinID: Int(value),
                            url: nil,
                            reason: "the API refused this id as invalid"
                        )
                    )
                }
            } catch let error as CMCError {
                logger.error("metadata could not be fetched completely", metadata: ["error": "\(error)"])
                await recorder.fail(RunFailure(stage: "info", coinID: nil, url: nil, reason: error.description))
            }
            let collected = await bodies.bodies
            if !collected.isEmpty {
                let merged = try RawJSONMerge.mergeDataObjects(collected)
                await recorder.add(try folder.write(merged.json, to: RunFolder.infoFileName))
            }
            for item in await bodies.items { infos[item.id] = item }
            progress.finished(.info, summary: "\(infos.count) of \(wanted.count) coins")
        }
        for id in wanted {
            guard let info = infos[id] else {
                await recorder.fail(RunFailure(stage: "info", coinID: id, url: nil, reason: "no metadata was returned"))
                continue
            }
            guard let logo = info.logo, !logo.isEmpty else {
                await recorder.fail(
                    RunFailure(stage: "logos", coinID: id, url: nil, reason: "the metadata has no logo URL")
                )
                continue
            }
        }
        return infos.count
    }

    /// Downloads the logos as their jobs arrive (skipping, when resuming, those already on disk).
    ///
    /// The stage's time is measured from its first job, so it does not include waiting for metadata.
    private func logoStage(
        _ folder: RunFolder,
        _ recorder: RunRecorder,
        jobs: AsyncStream<LogoJob>,
        expected: Int,
        resuming: Bool,
        logger: Logger
    ) async throws -> LogoTally {
        guard expected > 0 else {
            for await _ in jobs {}
            return recorder.logos.withLock { $0 }
        }
        let fetcher = LogoFetcher(
            httpClient: httpClient,
            policy: LogoHostPolicy(
                apiBaseURL: client.configuration.baseURL,
                staticHosts: configuration.staticLogoHosts
            ),
            cache: LogoCache(root: configuration.outputRoot.appendingPathComponent(".cache/logos")),
            configuration: LogoFetcher.Configuration(
                concurrency: configuration.concurrency,
                maxBytes: configuration.maxLogoBytes,
                forceRevalidate: configuration.forceRevalidateLogos
            ),
            logger: logger
        )
        let progress = self.progress
        let (pending, pendingSink) = AsyncStream.makeStream(of: LogoJob.self)
        async let fetched = fetcher.fetch(pending, into: folder) { result in
            switch result.outcome {
            case .downloaded:
                recorder.logos.withLock { $0.downloaded += 1 }
                progress.advanced(.logos, by: 1, failed: 0)
            case .cached:
                recorder.logos.withLock { $0.cached += 1 }
                progress.advanced(.logos, by: 1, failed: 0)
            case .failed:
                recorder.logos.withLock { $0.failed += 1 }
                progress.advanced(.logos, by: 1, failed: 1)
            }
        }
        var firstJob: ContinuousClock.Instant?
        for await job in jobs {
            if firstJob == nil {
                firstJob = ContinuousClock.now
                progress.started(.logos, total: expected)
            }
            recorder.logos.withLock { $0.expected += 1 }
            let path = "\(RunFolder.imagesDirectory)/\(job.coinID).png"
            if resuming, let record = try? folder.record(for: path), Self.holdsImage(folder, path) {
                await recorder.add(record)
                recorder.logos.withLock { $0.kept += 1 }
                progress.advanced(.logos, by: 1, failed: 0)
                continue
            }
            pendingSink.yield(job)
        }
        pendingSink.finish()
        let results = await fetched
        for result in results {
            switch result.outcome {
            case .downloaded(let record), .cached(let record, _):
                await recorder.add(record)
            case .failed(let failure):
                await recorder.fail(
                    RunFailure(stage: "logos", coinID: result.coinID, url: result.url, reason: failure.description)
                )
            }
        }
        if let firstJob { await recorder.timeStage(.logos, ContinuousClock.now - firstJob) }
        try Task.checkCancellation()
        let counts = recorder.logos.withLock { $0 }
        progress.finished(
            .logos,
            summary: "\(counts.downloaded) downloaded, \(counts.cached) from cache"
                + (counts.kept > 0 ? ", \(counts.kept) already on disk" : "")
                + ", \(counts.failed) failed"
        )
        return counts
    }

    // MARK: - Files

    private func saveRaw(_ body: Data, exchange: CMCExchange, _ folder: RunFolder, _ recorder: RunRecorder) async throws
    {
        let path = await recorder.nextRawPath(endpoint: exchange.endpoint, exchange: exchange)
        await recorder.add(try folder.write(body, to: path))
        try await recorder.checkpoint(
            allExchanges: await client.exchanges.all,
            ledgerUsed: await client.ledger.used,
            to: folder
        )
    }

    private func finish(
        _ folder: RunFolder,
        _ manifest: inout RunManifest,
        _ recorder: RunRecorder,
        _ counts: RunCounts,
        _ started: ContinuousClock.Instant,
        failed: Bool,
        interrupted: Bool = false
    ) async throws -> RunSummary {
        var counts = counts
        let diagnostics = await recorder.diagnostics
        counts.diagnostics = diagnostics.count
        if !diagnostics.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var lines = Data()
            for diagnostic in diagnostics {
                lines.append(try encoder.encode(diagnostic))
                lines.append(0x0A)
            }
            await recorder.add(try folder.write(lines, to: RunFolder.diagnosticsFileName))
        }
        // Files already on disk from an earlier attempt of this run (when resuming) are recorded too.
        var files = await recorder.files
        for path in Self.existingFiles(in: folder, under: nil)
        where files[path] == nil && path != RunFolder.manifestFileName {
            files[path] = try folder.record(for: path)
        }
        if interrupted {
            // A logo written in the instant before the interruption was not tallied: the counts follow the
            // files the manifest lists.
            let logosListed = files.keys.filter { $0.hasPrefix(RunFolder.imagesDirectory + "/") }.count
            let tallied = counts.logosDownloaded + counts.logosCached + counts.logosKept
            if logosListed > tallied { counts.logosDownloaded += logosListed - tallied }
            counts.logosExpected = max(counts.logosExpected, logosListed + counts.logosFailed)
        }
        let failures = await recorder.failures
        // Requests and credits of earlier attempts, then this invocation's.
        let ledgerUsed = await client.ledger.used
        manifest.requests = await recorder.requests(await client.exchanges.all)
        manifest.creditsUsed = await recorder.creditsUsed(ledgerUsed: ledgerUsed)
        manifest.counts = counts
        manifest.failures = failures
        manifest.files = files.values.sorted { $0.path < $1.path }
        manifest.endedAt = Date()
        manifest.status = failed ? .failed : (failures.isEmpty ? .complete : .partial)
        try writeManifest(manifest, to: folder)
        var summary = RunSummary(
            runID: folder.runID.description,
            path: folder.url.path,
            status: manifest.status,
            counts: counts,
            creditsUsed: await recorder.attemptCredits(ledgerUsed: ledgerUsed),
            durationSeconds: (ContinuousClock.now - started).seconds,
            stageSeconds: await recorder.stageSeconds,
            failures: failures
        )
        summary.cmcErrorCodes = Set(manifest.requests.compactMap(\.cmcErrorCode))
        return summary
    }

    private func writeManifest(_ manifest: RunManifest, to folder: RunFolder) throws {
        _ = try folder.write(try manifest.encoded(), to: RunFolder.manifestFileName, durable: true)
    }

    /// The bytes of a file when it holds one complete JSON document.
    private static func completeJSON(_ folder: RunFolder, _ path: String) -> Data? {
        guard let url = try? folder.fileURL(path), let data = try? Data(contentsOf: url), RawJSON.isComplete(data)
        else { return nil }
        return data
    }

    /// Relative paths of the files in the run folder (or one of its subfolders), temporary files left out.
    static func existingFiles(in folder: RunFolder, under subfolder: String?) -> [String] {
        let prefix = subfolder.map { $0 + "/" } ?? ""
        return ((try? folder.listFiles()) ?? []).filter { path in
            path.hasPrefix(prefix) && !path.split(separator: "/").contains { $0.hasPrefix(RunFolder.temporaryPrefix) }
        }
    }

    /// Whether a file in the run folder starts with an image format's magic bytes.
    private static func holdsImage(_ folder: RunFolder, _ path: String) -> Bool {
        guard let url = try? folder.fileURL(path), let handle = try? FileHandle(forReadingFrom: url) else {
            return false
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        return ImageFormat.sniff(head) != nil
    }

    /// Deletes temporary files an interrupted run left behind (inside the run folder only).
    static func removeLeftoverTemporaryFiles(in folder: RunFolder) throws {
        guard let enumerator = FileManager.default.enumerator(at: folder.url, includingPropertiesForKeys: nil) else {
            return
        }
        for case let url as URL in enumerator where url.lastPathComponent.hasPrefix(RunFolder.temporaryPrefix) {
            try FileManager.default.removeItem(at: url)
        }
    }
}

/// Bodies and items of the info batches, gathered as they arrive.
private actor BodyCollector {
    var bodies: [Data] = []
    var items: [CoinInfo] = []
    private var seen: Set<Int> = []

    /// Keeps a batch; returns its items whose ids no earlier batch had.
    func add(_ body: Data, items: [CoinInfo]) -> [CoinInfo] {
        bodies.append(body)
        self.items += items
        return items.filter { seen.insert($0.id).inserted }
    }
}
