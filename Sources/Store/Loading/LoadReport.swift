/// What loading one run folder did.
public struct LoadReport: Sendable, Hashable {
    /// The run id.
    public var runID: String
    /// `coinpipe` or `original script`.
    public var source: String
    /// The run's status.
    public var status: String
    /// Quote rows in the run (coins × convert currencies).
    public var quotesSeen: Int
    /// Quote rows this load stored for the first time (0 when reloading, or when another run saw the same
    /// snapshot).
    public var quotesInserted: Int
    /// Coins whose symbol, name, slug or platform history changed.
    public var coinsChanged: Int
    /// `coin_info` rows written (new or newer metadata).
    public var infoWritten: Int
    /// Logos stored for the first time.
    public var logosInserted: Int
    /// Problems found while reading the folder, one line each.
    public var diagnostics: [String]
    /// Wall time of the load, in seconds (reading the folder and writing the store).
    public var seconds: Double

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - runID: The run id.
    ///   - source: `coinpipe` or `original script`.
    ///   - status: The run's status.
    ///   - quotesSeen: Quote rows in the run.
    ///   - quotesInserted: Quote rows stored for the first time.
    ///   - coinsChanged: Coins whose identity history changed.
    ///   - infoWritten: `coin_info` rows written.
    ///   - logosInserted: Logos stored for the first time.
    ///   - diagnostics: Problems found while reading.
    ///   - seconds: Wall time.
    public init(
        runID: String,
        source: String,
        status: String,
        quotesSeen: Int = 0,
        quotesInserted: Int = 0,
        coinsChanged: Int = 0,
        infoWritten: Int = 0,
        logosInserted: Int = 0,
        diagnostics: [String] = [],
        seconds: Double = 0
    ) {
        self.runID = runID
        self.source = source
        self.status = status
        self.quotesSeen = quotesSeen
        self.quotesInserted = quotesInserted
        self.coinsChanged = coinsChanged
        self.infoWritten = infoWritten
        self.logosInserted = logosInserted
        self.diagnostics = diagnostics
        self.seconds = seconds
    }

    /// Quote rows per second of ``seconds``.
    public var rowsPerSecond: Double {
        seconds > 0 ? Double(quotesSeen) / seconds : 0
    }
}
