/// What happened to one ``LogoJob``.
public struct LogoResult: Sendable, Hashable {
    /// How the logo ended up.
    public enum Outcome: Sendable, Hashable {
        /// Downloaded in this run and saved.
        case downloaded(FileRecord)
        /// Saved from the cache: fresh (`revalidated: false`, no request at all) or confirmed by a
        /// `304 Not Modified` (`revalidated: true`).
        case cached(FileRecord, revalidated: Bool)
        /// Not saved; nothing was written for it.
        case failed(LogoFailure)
    }

    /// The coin.
    public var coinID: Int
    /// The URL as the API sent it.
    public var url: String
    /// How the logo ended up.
    public var outcome: Outcome
    /// HTTP attempts made (0 when the cache answered or the URL was refused before sending).
    public var attempts: Int
    /// Response body bytes received over all attempts and redirects.
    public var bytesDownloaded: Int

    /// Creates a result.
    public init(coinID: Int, url: String, outcome: Outcome, attempts: Int, bytesDownloaded: Int) {
        self.coinID = coinID
        self.url = url
        self.outcome = outcome
        self.attempts = attempts
        self.bytesDownloaded = bytesDownloaded
    }

    /// The saved file's record, unless the logo failed.
    public var file: FileRecord? {
        switch outcome {
        case .downloaded(let record), .cached(let record, _): record
        case .failed: nil
        }
    }

    /// The failure, if the logo failed.
    public var failure: LogoFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}
