import ArgumentParser

/// The documented exit codes.
extension ExitCode {
    /// The run failed: nothing usable was collected, or the API refused the key or plan.
    static let runFailed = ExitCode(1)
    /// A usage or configuration error: bad flags, no key, a refused base URL.
    static let usage = ExitCode(2)
    /// Partial: the run folder was written, and its manifest lists what failed.
    static let partial = ExitCode(3)
    /// The run folder was written, but loading it into the store failed (`coinpipe load` can load it later).
    static let storeFailed = ExitCode(4)
    /// The store's schema version is not this CoinPipe's: a newer CoinPipe migrated it (upgrade CoinPipe), a
    /// query found an older one (`coinpipe load` migrates it), or its migrations differ from this build's.
    static let storeSchema = ExitCode(5)
    /// Interrupted by SIGINT or SIGTERM: the run folder holds a partial manifest; `collect --resume` finishes it.
    static let interrupted = ExitCode(130)
}
