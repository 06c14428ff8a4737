import AsyncHTTPClient
public import CMCClient
public import CMCModels
public import Foundation
public import Logging

/// Wires a complete `collect` invocation: one HTTP client for the API and the logos, the plan check,
/// the key's limits, then a new or resumed run.
public enum CollectRunner {
    /// Why a run was not started.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// What is wrong and what to do.
        public var description: String
        /// Whether it is the user's input (exit 2) rather than the API refusing (exit 1).
        public var isUsageError: Bool
    }

    /// Runs a collection.
    ///
    /// - Parameters:
    ///   - client: the API client configuration (base URL, key, limits).
    ///   - collect: what to collect.
    ///   - resume: a run to complete instead of starting a new one.
    ///   - runID: the id of a new run (ignored with `resume`); a caller that picks it knows the run folder
    ///     even when the run is interrupted.
    ///   - knownKeyInfo: the key's plan as just read by the caller (a scheduler's governor); the limiter is
    ///     set from it and `/v1/key/info` is not called again. `nil` reads it.
    ///   - logger: where to log.
    ///   - progress: where to report progress.
    ///   - environment: for proxy variables.
    /// - Throws: ``Refusal`` when the run is refused before it starts (credit budget, key refused, unknown
    ///   run id), ``RunFolderError`` for output problems, `CancellationError` when cancelled.
    public static func run(
        client clientConfiguration: CMCClient.Configuration,
        collect: CollectConfiguration,
        resume: RunID?,
        runID: RunID = RunID(),
        knownKeyInfo: KeyInfo? = nil,
        logger: Logger,
        progress: any CollectProgress,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> RunSummary {
        var clientConfiguration = clientConfiguration
        clientConfiguration.creditBudget = collect.maxCredits
        clientConfiguration.maxConcurrentRequests = max(clientConfiguration.maxConcurrentRequests, 8)
        let options = CMCClient.transportOptions(
            for: clientConfiguration,
            extraConnections: collect.concurrency,
            environment: environment
        )
        return try await AsyncHTTPClientTransport.withHTTPClient(AsyncHTTPClientTransport.makeHTTPClient(options)) {
            http in
            try await run(
                http: http,
                clientConfiguration: clientConfiguration,
                collect: collect,
                resume: resume,
                runID: runID,
                knownKeyInfo: knownKeyInfo,
                logger: logger,
                progress: progress
            )
        }
    }

    private static func run(
        http: HTTPClient,
        clientConfiguration: CMCClient.Configuration,
        collect: CollectConfiguration,
        resume: RunID?,
        runID: RunID,
        knownKeyInfo: KeyInfo?,
        logger: Logger,
        progress: any CollectProgress
    ) async throws -> RunSummary {
        let client = try CMCClient(
            configuration: clientConfiguration,
            transport: AsyncHTTPClientTransport(client: http),
            logger: logger
        )
        var collector = Collector(
            client: client,
            httpClient: http,
            configuration: collect,
            logger: logger,
            progress: progress
        )
        if let resume {
            let folder: RunFolder
            do {
                folder = try RunFolder.open(root: collect.outputRoot, runID: resume)
            } catch {
                throw Refusal(description: "cannot resume run \(resume): \(error)", isUsageError: true)
            }
            let manifest = try RunManifest.load(from: folder)
            collector = collector.adopting(manifest.parameters)
        }

        // The key's plan sets the client-side limiter (key/info costs no credit).
        var keyInfo = knownKeyInfo
        do {
            if let knownKeyInfo {
                await client.adoptPlanLimits(from: knownKeyInfo)
            } else {
                keyInfo =
                    try await clientConfiguration.callsPerWindow == nil
                    ? client.adoptPlanLimits() : client.keyInfo().value
            }
        } catch let error as CMCError where error.isKeyOrPlanProblem || error.code == .missingKey {
            throw Refusal(description: error.description, isUsageError: false)
        } catch let error as CMCError {
            logger.warning(
                "could not read the key's plan; continuing without its limits",
                metadata: ["error": "\(error)"]
            )
        }

        if let maxCredits = collect.maxCredits {
            let plan = CollectPlan.make(
                collector.configuration,
                listedCoins: previousListedCoins(in: collect.outputRoot),
                keyInfo: keyInfo,
                rules: clientConfiguration.creditRules
            )
            if plan.credits > maxCredits {
                throw Refusal(
                    description:
                        "this run would cost about \(plan.credits) credits, more than --max-credits \(maxCredits). Lower --limit or --info, or raise --max-credits.",
                    isUsageError: true
                )
            }
        }
        if let resume { return try await collector.resume(runID: resume) }
        return try await collector.collect(runID: runID)
    }

    /// The plan for a run, without spending a credit (key/info is free).
    public static func plan(
        client clientConfiguration: CMCClient.Configuration,
        collect: CollectConfiguration,
        logger: Logger
    ) async throws -> CollectPlan {
        var keyInfo: KeyInfo?
        if clientConfiguration.apiKey != nil {
            keyInfo = try await CMCClient.withClient(configuration: clientConfiguration, logger: logger) { client in
                try await client.keyInfo().value
            }
        }
        return CollectPlan.make(
            collect,
            listedCoins: previousListedCoins(in: collect.outputRoot),
            keyInfo: keyInfo,
            rules: clientConfiguration.creditRules
        )
    }

    /// The coin count of the newest complete `--limit all` run under `root`, if any (what ``plan(client:collect:logger:)``
    /// assumes for `--limit all`).
    public static func previousListedCoins(in root: URL) -> Int? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return nil }
        var best: (Date, Int)?
        for name in names {
            guard let runID = RunID(name), let folder = try? RunFolder.open(root: root, runID: runID),
                let manifest = try? RunManifest.load(from: folder), manifest.status == .complete,
                manifest.parameters.limit == "all", let ended = manifest.endedAt
            else { continue }
            if best.map({ ended > $0.0 }) ?? true { best = (ended, manifest.counts.coins) }
        }
        return best?.1
    }
}
