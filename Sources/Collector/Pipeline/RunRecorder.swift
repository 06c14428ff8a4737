import CMCClient
import CMCModels
import Foundation
import Synchronization

/// The shared, mutable bookkeeping of one run: files written, failures, raw bodies and diagnostics.
actor RunRecorder {
    private(set) var files: [String: FileRecord] = [:]
    private(set) var failures: [RunFailure] = []
    private(set) var diagnostics: [ItemDiagnostic] = []
    private(set) var stageSeconds: [String: Double] = [:]
    private var rawSequence: Int
    private var rawFileByExchange: [String: String] = [:]
    /// The manifest as this attempt started: the requests and credits of earlier attempts of the run.
    private let startManifest: RunManifest
    /// The client's exchange count and credits used when this attempt started (a client may serve several runs).
    private let exchangesBefore: Int
    private let creditsBefore: Int
    /// How many exchanges the last checkpoint wrote, so a late, older snapshot never replaces a newer one.
    private var checkpointedExchanges = -1

    /// The logo stage's tally, updated as each logo settles, so an interrupted run's manifest counts exactly
    /// the logos it holds.
    nonisolated let logos = Mutex(LogoTally())

    init(startManifest: RunManifest, exchangesBefore: Int, creditsBefore: Int, rawSequenceStart: Int = 0) {
        self.startManifest = startManifest
        self.exchangesBefore = exchangesBefore
        self.creditsBefore = creditsBefore
        self.rawSequence = rawSequenceStart
    }

    /// The requests of the run so far: those of earlier attempts (from the manifest this attempt started
    /// with), then this attempt's exchanges.
    func requests(_ allExchanges: [CMCExchange]) -> [RequestRecord] {
        startManifest.requests
            + allExchanges.dropFirst(exchangesBefore).map { exchange in
                RequestRecord(
                    endpoint: exchange.endpoint,
                    query: exchange.query,
                    httpStatus: exchange.httpStatus,
                    cmcErrorCode: exchange.cmcErrorCode,
                    creditCount: exchange.creditCount,
                    elapsedMilliseconds: exchange.elapsedMilliseconds,
                    attempts: exchange.attempts,
                    startedAt: exchange.startedAt,
                    rawFile: rawPath(for: exchange)
                )
            }
    }

    /// The credits this attempt has spent.
    func attemptCredits(ledgerUsed: Int) -> Int {
        ledgerUsed - creditsBefore
    }

    /// The credits of the run so far: earlier attempts' and this attempt's.
    func creditsUsed(ledgerUsed: Int) -> Int {
        startManifest.creditsUsed + attemptCredits(ledgerUsed: ledgerUsed)
    }

    /// Rewrites the `running` manifest with every request and credit so far, so a run killed outright
    /// (SIGKILL, a crash, a lost machine) is resumed knowing what it already spent.
    ///
    /// The write is atomic (temporary file and rename) but not fsynced: it survives the process, which is
    /// what resuming needs; the final manifest is durable.
    func checkpoint(allExchanges: [CMCExchange], ledgerUsed: Int, to folder: RunFolder) throws {
        guard allExchanges.count > checkpointedExchanges else { return }
        checkpointedExchanges = allExchanges.count
        var manifest = startManifest
        manifest.status = .running
        manifest.endedAt = nil
        manifest.requests = requests(allExchanges)
        manifest.creditsUsed = creditsUsed(ledgerUsed: ledgerUsed)
        _ = try folder.write(try manifest.encoded(), to: RunFolder.manifestFileName, durable: false)
    }

    func timeStage(_ stage: CollectStage, _ duration: Duration) {
        stageSeconds[stage.rawValue] = duration.seconds
    }

    func add(_ record: FileRecord) {
        files[record.path] = record
    }

    func fail(_ failure: RunFailure) {
        failures.append(failure)
    }

    func diagnose(_ items: [ItemDiagnostic], endpoint: String) {
        diagnostics += items
    }

    /// Reserves the next `raw/` file name for an answer of `endpoint`.
    func nextRawPath(endpoint: String, exchange: CMCExchange) -> String {
        rawSequence += 1
        let slug = endpoint.split(separator: "/").dropFirst().filter { $0 != "cryptocurrency" && !$0.hasPrefix("v") }
            .joined(separator: "-")
        let path = String(format: "raw/%04d-%@.json", rawSequence, slug.isEmpty ? "answer" : slug)
        rawFileByExchange[Self.key(exchange)] = path
        return path
    }

    /// The raw file an exchange's body was saved to.
    func rawPath(for exchange: CMCExchange) -> String? {
        rawFileByExchange[Self.key(exchange)]
    }

    private static func key(_ exchange: CMCExchange) -> String {
        "\(exchange.endpoint)?\(exchange.query)@\(exchange.startedAt.timeIntervalSince1970)"
    }
}

/// What the logo stage did, counted as each logo settles.
struct LogoTally: Sendable {
    /// Logos wanted (one per coin with metadata and a logo URL).
    var expected = 0
    /// Logos already in the run folder from an earlier attempt.
    var kept = 0
    /// Logos downloaded.
    var downloaded = 0
    /// Logos copied from the cache after a `304`.
    var cached = 0
    /// Logos that could not be fetched.
    var failed = 0
}

extension RunCounts {
    /// Takes the logo stage's figures.
    mutating func take(_ logos: LogoTally) {
        logosExpected = logos.expected
        logosKept = logos.kept
        logosDownloaded = logos.downloaded
        logosCached = logos.cached
        logosFailed = logos.failed
    }
}
