public import AsyncHTTPClient
public import CMCClient
import Foundation
public import Logging

/// Downloads coin logos safely into a run folder, many at a time, through a shared cache.
///
/// For every ``LogoJob`` the fetcher:
/// 1. checks the URL with the ``LogoHostPolicy`` (scheme, form, host) and the addresses its host resolves to;
/// 2. uses a fresh cache entry without any request, or revalidates a stale one (`If-None-Match`,
///    `If-Modified-Since`; a `304` reuses the cached body);
/// 3. otherwise downloads the body, following at most ``Configuration/maxRedirects`` redirects itself and
///    re-checking every `Location`, refusing a body over ``Configuration/maxBytes`` as soon as the cap is
///    passed (or up front from `Content-Length`), and refusing anything that is not a PNG, JPEG, GIF or
///    WebP by its magic bytes;
/// 4. retries transient failures (5xx, dropped connections, truncated bodies, timeouts) with the
///    ``Configuration/retry`` backoff, never 4xx;
/// 5. saves the logo as `Images/<coinID>.png`, named by the coin id and never by anything in the URL:
///    hard-linked from its verified cache object with ``RunFolder/linkIn(from:to:)`` when there is a cache,
///    written with ``RunFolder/write(_:to:durable:)`` otherwise.
///
/// A logo that fails is returned as ``LogoResult/Outcome/failed(_:)``; it never stops the others, and
/// nothing is written for it.
///
/// The `HTTPClient` must be created with redirects disabled (`redirectConfiguration: .disallow`) and
/// with `connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit` at least
/// ``Configuration/concurrency`` (AsyncHTTPClient's default is 8); ``withHTTPClient(concurrency:_:)``
/// makes such a client. A client that follows redirects on its own is detected from the response
/// history and its answers are refused.
///
/// ```swift
/// let results = try await LogoFetcher.withHTTPClient(concurrency: 16) { client in
///     let fetcher = LogoFetcher(
///         httpClient: client,
///         policy: LogoHostPolicy(apiBaseURL: baseURL),
///         cache: LogoCache(root: LogoCache.directory(inOutputRoot: outputRoot)),
///         logger: logger
///     )
///     return await fetcher.fetch(jobs, into: folder)
/// }
/// ```
public struct LogoFetcher: Sendable {
    /// How the fetcher downloads.
    public struct Configuration: Sendable {
        /// Downloads in flight at once (a sliding window, not batches).
        public var concurrency: Int
        /// The largest body accepted, in bytes (1 MiB by default).
        public var maxBytes: Int
        /// The most redirects followed for one logo.
        public var maxRedirects: Int
        /// The longest one attempt may take, redirects and the whole body included.
        public var timeout: Duration
        /// How transient failures are retried.
        public var retry: RetryPolicy
        /// Revalidate cached logos even while they are fresh.
        public var forceRevalidate: Bool

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - concurrency: Downloads in flight at once.
        ///   - maxBytes: The largest body accepted, in bytes.
        ///   - maxRedirects: The most redirects followed for one logo.
        ///   - timeout: The longest one attempt may take.
        ///   - retry: How transient failures are retried.
        ///   - forceRevalidate: Revalidate cached logos even while fresh.
        public init(
            concurrency: Int = 16,
            maxBytes: Int = 1 << 20,
            maxRedirects: Int = 3,
            timeout: Duration = .seconds(30),
            retry: RetryPolicy = .default,
            forceRevalidate: Bool = false
        ) {
            self.concurrency = concurrency
            self.maxBytes = maxBytes
            self.maxRedirects = maxRedirects
            self.timeout = timeout
            self.retry = retry
            self.forceRevalidate = forceRevalidate
        }
    }

    let httpClient: HTTPClient
    let policy: LogoHostPolicy
    let cache: LogoCache?
    let configuration: Configuration
    let logger: Logger
    /// A number in `0..<1` for backoff jitter.
    let random: @Sendable () -> Double
    /// The current time, for cache freshness.
    let now: @Sendable () -> Date

    /// Creates a fetcher.
    ///
    /// - Parameters:
    ///   - httpClient: The shared client; see the type's discussion for the configuration it needs.
    ///   - policy: Which URLs and addresses are allowed.
    ///   - cache: The logo cache, or `nil` to always download.
    ///   - configuration: Concurrency, limits, timeout and retries.
    ///   - logger: Where progress and failures are logged (metadata `coin_id`, `attempt`).
    public init(
        httpClient: HTTPClient,
        policy: LogoHostPolicy,
        cache: LogoCache?,
        configuration: Configuration = .init(),
        logger: Logger
    ) {
        self.init(
            httpClient: httpClient,
            policy: policy,
            cache: cache,
            configuration: configuration,
            logger: logger,
            random: { Double.random(in: 0..<1) },
            now: { Date() }
        )
    }

    /// Creates a fetcher with injected randomness and time, for tests.
    init(
        httpClient: HTTPClient,
        policy: LogoHostPolicy,
        cache: LogoCache?,
        configuration: Configuration,
        logger: Logger,
        random: @escaping @Sendable () -> Double,
        now: @escaping @Sendable () -> Date
    ) {
        self.httpClient = httpClient
        self.policy = policy
        self.cache = cache
        self.configuration = configuration
        self.logger = logger
        self.random = random
        self.now = now
    }

    /// Fetches logos into a run folder.
    ///
    /// - Parameters:
    ///   - jobs: The logos to fetch.
    ///   - folder: The run folder; logos go to `Images/<coinID>.png`.
    ///   - onResult: Called once per finished logo, in completion order, for progress reporting.
    /// - Returns: One result per job that finished, in job order. It never throws: a bad logo is a
    ///   ``LogoResult/Outcome/failed(_:)`` result. When the task is cancelled, no new download starts, the
    ///   ones in flight are abandoned, and only the results finished before are returned.
    public func fetch(
        _ jobs: [LogoJob],
        into folder: RunFolder,
        onResult: @Sendable (LogoResult) -> Void = { _ in }
    ) async -> [LogoResult] {
        let (stream, continuation) = AsyncStream.makeStream(of: LogoJob.self)
        for job in jobs { continuation.yield(job) }
        continuation.finish()
        return await fetch(stream, into: folder, onResult: onResult)
    }

    /// Fetches logos into a run folder as their jobs arrive, so downloads can start while the jobs are
    /// still being produced (the collector feeds it from each metadata batch).
    ///
    /// At most ``Configuration/concurrency`` downloads are in flight at once: a sliding window, refilled
    /// from `jobs` as downloads finish.
    ///
    /// - Parameters:
    ///   - jobs: The logos to fetch; the fetch ends when the sequence ends.
    ///   - folder: The run folder; logos go to `Images/<coinID>.png`.
    ///   - onResult: Called once per finished logo, in completion order, for progress reporting.
    /// - Returns: One result per job that finished, in the order the jobs arrived. It never throws: a bad
    ///   logo is a ``LogoResult/Outcome/failed(_:)`` result. When the task is cancelled, no new download
    ///   starts, the ones in flight are abandoned, and only the results finished before are returned.
    public func fetch<Jobs: AsyncSequence & Sendable>(
        _ jobs: Jobs,
        into folder: RunFolder,
        onResult: @Sendable (LogoResult) -> Void = { _ in }
    ) async -> [LogoResult] where Jobs.Element == LogoJob, Jobs.Failure == Never {
        let resolver = HostResolver()
        var results: [Int: LogoResult] = [:]
        let width = max(1, configuration.concurrency)
        // A download holds one of `width` slots only while it talks to the network: its disk work (cache,
        // hashing, linking) runs as a separate task, so the next download starts at once.
        await withTaskGroup(of: (Int, Step?).self) { group in
            var iterator = jobs.makeAsyncIterator()
            var arrived = 0
            // Downloads holding a slot (saves run in the group too, without one).
            var inFlight = 0
            var exhausted = false
            while true {
                if !exhausted, inFlight < width, !Task.isCancelled {
                    // A free slot: take the next job (waiting for one to arrive if need be).
                    if let job = await iterator.next(isolation: nil) {
                        let index = arrived
                        arrived += 1
                        inFlight += 1
                        group.addTask { (index, await self.process(job, into: folder, resolver: resolver)) }
                        continue
                    }
                    exhausted = true
                }
                guard let (index, step) = await group.next() else { break }
                switch step {
                case .save(let work):
                    inFlight -= 1
                    group.addTask { (index, .saved(work())) }
                    continue
                case .done(let result):
                    inFlight -= 1
                    results[index] = result
                    onResult(result)
                case .saved(let result):
                    results[index] = result
                    onResult(result)
                case nil:
                    inFlight -= 1
                }
                if Task.isCancelled { exhausted = true }
            }
        }
        return results.sorted { $0.key < $1.key }.map(\.value)
    }

    // MARK: - One logo

    /// Where one logo stands when its download slot is given back.
    private enum Step: Sendable {
        /// Finished (failed, or served from a fresh cache entry).
        case done(LogoResult)
        /// Downloaded or revalidated: the disk work that remains (cache, run folder), run off the slot.
        case save(@Sendable () -> LogoResult)
        /// The disk work is done.
        case saved(LogoResult)
    }

    /// Fetches one logo; `nil` when the task was cancelled before it finished.
    private func process(_ job: LogoJob, into folder: RunFolder, resolver: HostResolver) async -> Step? {
        guard !Task.isCancelled else { return nil }
        var logger = self.logger
        logger[metadataKey: "coin_id"] = "\(job.coinID)"
        let coinLogger = logger
        let target = "\(RunFolder.imagesDirectory)/\(job.coinID).png"

        @Sendable func finish(_ outcome: LogoResult.Outcome, attempts: Int, bytes: Int) -> LogoResult {
            if case .failed(let failure) = outcome {
                coinLogger.info(
                    "logo not saved",
                    metadata: ["url": "\(job.url)", "reason": "\(failure)", "attempts": "\(attempts)"]
                )
            }
            return LogoResult(
                coinID: job.coinID,
                url: job.url,
                outcome: outcome,
                attempts: attempts,
                bytesDownloaded: bytes
            )
        }

        /// Saves a verified body: hard-linked from its cache object when there is one, written otherwise.
        @Sendable func save(
            _ body: Data,
            object: LogoCacheEntry?,
            attempts: Int,
            bytes: Int,
            cached: Bool?
        ) -> LogoResult {
            do {
                var record: FileRecord?
                if let cache, let object {
                    let linked = try folder.linkIn(from: cache.objectURL(sha256: object.sha256), to: target)
                    // The object changed since it was verified: fall back to the verified bytes.
                    record = linked.sha256 == object.sha256 ? linked : nil
                }
                let saved: FileRecord
                if let record {
                    saved = record
                } else {
                    saved = try folder.write(body, to: target)
                }
                let outcome: LogoResult.Outcome = cached.map { .cached(saved, revalidated: $0) } ?? .downloaded(saved)
                return finish(outcome, attempts: attempts, bytes: bytes)
            } catch {
                return finish(.failed(LogoFailure(.storage, error.message)), attempts: attempts, bytes: bytes)
            }
        }

        guard let url = URL(string: job.url) else {
            return .done(finish(.failed(LogoFailure(.invalidURL, "\(job.url) is not a URL")), attempts: 0, bytes: 0))
        }
        do {
            try policy.check(url)
        } catch {
            return .done(finish(.failed(error), attempts: 0, bytes: 0))
        }

        var stored: (entry: LogoCacheEntry, body: Data)?
        if let cache, let entry = cache.entry(for: job.url) {
            if let body = cache.object(for: entry) {
                if !configuration.forceRevalidate, entry.isFresh(at: now()) {
                    return .done(save(body, object: entry, attempts: 0, bytes: 0, cached: false))
                }
                stored = (entry, body)
            } else {
                logger.notice("cached logo did not match its hash; discarded", metadata: ["url": "\(job.url)"])
            }
        }

        var attempts = 0
        var bytes = 0
        var waited = Duration.zero
        while true {
            attempts += 1
            logger[metadataKey: "attempt"] = "\(attempts)"
            let (outcome, received) = await attempt(url, validators: stored?.entry, resolver: resolver, logger: logger)
            bytes += received
            switch outcome {
            case .success(.image(let body, let headers)):
                let fetchedAt = now()
                return .save { [cache, attempts, bytes] in
                    var object: LogoCacheEntry?
                    if let cache,
                        let entry = LogoCacheEntry(url: job.url, headers: headers, body: body, fetchedAt: fetchedAt)
                    {
                        do {
                            object = try cache.store(body, as: entry)
                        } catch {
                            coinLogger.warning(
                                "cannot cache a logo",
                                metadata: ["url": "\(job.url)", "error": "\(error)"]
                            )
                        }
                    }
                    return save(body, object: object, attempts: attempts, bytes: bytes, cached: nil)
                }
            case .success(.notModified(let headers)):
                guard let stored else {
                    let failure = LogoFailure(
                        .httpStatus,
                        "HTTP 304 from \(url.absoluteString) to an unconditional request"
                    )
                    return .done(finish(.failed(failure), attempts: attempts, bytes: bytes))
                }
                let revalidatedAt = now()
                return .save { [cache, attempts, bytes] in
                    if let cache {
                        do {
                            try cache.save(stored.entry.revalidated(with: headers, at: revalidatedAt))
                        } catch {
                            coinLogger.warning(
                                "cannot update a cache entry",
                                metadata: ["url": "\(job.url)", "error": "\(error)"]
                            )
                        }
                    }
                    return save(stored.body, object: stored.entry, attempts: attempts, bytes: bytes, cached: true)
                }
            case .failure(let error):
                if Task.isCancelled { return nil }
                if error.transient, attempts < configuration.retry.maxAttempts {
                    let wait = configuration.retry.backoff(afterAttempt: attempts, random: random())
                    if waited + wait <= configuration.retry.maxTotalWait {
                        logger.debug("logo attempt failed; retrying", metadata: ["reason": "\(error.failure)"])
                        do {
                            try await Task.sleep(for: wait)
                        } catch {
                            return nil
                        }
                        waited += wait
                        continue
                    }
                }
                return .done(finish(.failed(error.failure), attempts: attempts, bytes: bytes))
            }
        }
    }
}
