public import Logging

/// A database of runs: the one seam between CoinPipe and a storage engine.
///
/// Implemented by ``SQLiteRunStore`` (GRDB, the default) and ``PostgresRunStore`` (postgres-nio). Both create
/// and upgrade the same logical schema with versioned migrations when opened for loading, and refuse a store
/// at another version when opened read-only, so a store is always at ``StoreSchema/currentVersion`` once you
/// hold it. Open one with ``withRunStore(_:logger:access:_:)``.
public protocol RunStore: Sendable, CustomStringConvertible {
    /// Writes a run in one transaction: its `runs` row, coin identities, quotes, metadata and logos.
    ///
    /// Idempotent: quotes already stored (same coin, convert and `last_updated`) are not stored again, and
    /// reloading a run updates its `runs` row in place.
    ///
    /// - Parameters:
    ///   - run: The run, from ``RunLoader/prepare(folder:)``.
    ///   - logger: Receives debug lines about the batches.
    /// - Returns: What the load did (``LoadReport/seconds`` is the caller's to fill in).
    /// - Throws: ``StoreError`` with ``StoreError/Code/database`` when the database fails (nothing is written
    ///   then), and ``StoreError/Code/readOnly`` when the store was opened ``StoreAccess/readOnly``.
    func load(_ run: PreparedRun, logger: Logger) async throws -> LoadReport

    /// The stored runs, newest first.
    ///
    /// - Parameter limit: At most this many, or `nil` for all.
    /// - Returns: The runs.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func runs(limit: Int?) async throws -> [StoredRun]

    /// The newest snapshot in `convert`, by CMC rank: the quotes of the newest run that has quotes in
    /// `convert`.
    ///
    /// - Parameters:
    ///   - convert: The convert currency, e.g. `USD`.
    ///   - top: At most this many coins, or `nil` for all.
    /// - Returns: The rows, rank 1 first (coins without a rank last).
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func latest(convert: String, top: Int?) async throws -> [QuoteRow]

    /// The coins a query names, with their latest market cap in `convert`, largest first.
    ///
    /// An id matches that coin; text matches a slug (any time), else a current symbol (case-insensitive),
    /// else a former symbol.
    ///
    /// - Parameters:
    ///   - query: An id, slug or symbol.
    ///   - convert: The currency of the market caps.
    /// - Returns: The matching coins; empty when none.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func coins(matching query: CoinQuery, convert: String) async throws -> [CoinCandidate]

    /// One coin's stored quotes in `convert`, oldest first.
    ///
    /// - Parameters:
    ///   - coinID: The CMC id.
    ///   - convert: The convert currency.
    ///   - range: The window of `last_updated` times.
    /// - Returns: The series.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func history(coinID: Int, convert: String, range: TimeRange) async throws -> [QuoteRow]

    /// The coins whose current symbol is `symbol` (case-insensitive), with their latest market cap in
    /// `convert`, largest first: the other coins a coin page lists when its symbol collides.
    ///
    /// Unlike ``coins(matching:convert:)`` this never matches a slug or a former symbol.
    ///
    /// - Parameters:
    ///   - symbol: The symbol.
    ///   - convert: The currency of the market caps.
    /// - Returns: The coins; empty when none.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func coins(withSymbol symbol: String, convert: String) async throws -> [CoinCandidate]

    /// A coin's stored metadata (description, links, tags, platform), from the newest run that fetched it.
    ///
    /// - Parameter coinID: The CMC id.
    /// - Returns: The metadata, or `nil` when no loaded run fetched the coin's info.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func coinMetadata(coinID: Int) async throws -> CoinMetadata?

    /// The ids of the runs that stored a version of a coin's logo (`<run-id>/Images/<id>.png` under the output
    /// root), newest run first.
    ///
    /// Each distinct logo file is recorded once, with the run that first stored it; later runs that
    /// downloaded the same bytes are not listed.
    ///
    /// - Parameter coinID: The CMC id.
    /// - Returns: The run ids; empty when no loaded run stored a logo of the coin.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func logoRunIDs(coinID: Int) async throws -> [String]

    /// The stored prices of several coins in one query (for sparklines): each coin's non-null prices in
    /// `convert` inside `range`, oldest first.
    ///
    /// - Parameters:
    ///   - coinIDs: The CMC ids (at most a page of them; an empty list answers an empty dictionary).
    ///   - convert: The convert currency.
    ///   - range: The window of `last_updated` times.
    /// - Returns: The series by coin id; a coin without prices in the window is absent.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func prices(coinIDs: [Int], convert: String, range: TimeRange) async throws -> [Int: [PricePoint]]

    /// Like ``prices(coinIDs:convert:range:)``, but at most `samples` points a coin: `range` (both ends set) is
    /// cut into `samples` equal slices and each slice gives its newest price, found with one index probe. It
    /// costs the same after months of five-minute runs as after a few (for sparklines).
    ///
    /// - Parameters:
    ///   - coinIDs: The CMC ids (at most a page of them).
    ///   - convert: The convert currency.
    ///   - range: The window; a range without both ends answers an empty dictionary.
    ///   - samples: The number of slices (1 or more).
    /// - Returns: The series by coin id, oldest first; a coin without prices in the window is absent.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func sampledPrices(
        coinIDs: [Int],
        convert: String,
        range: TimeRange,
        samples: Int
    ) async throws
        -> [Int: [PricePoint]]

    /// Streams quotes to `body` in chunks, without holding the whole selection in memory.
    ///
    /// - Parameters:
    ///   - selection: A run's quotes, or the quotes in a time range.
    ///   - convert: Only this convert currency, or `nil` for all.
    ///   - chunkSize: Rows per call of `body`.
    ///   - body: Receives each chunk, in a stable order; throwing stops the export.
    /// - Returns: The number of rows exported.
    /// - Throws: ``StoreError`` with ``StoreError/Code/runNotFound`` for an unknown run,
    ///   ``StoreError/Code/database``, or what `body` throws.
    func export(
        _ selection: ExportSelection,
        convert: String?,
        chunkSize: Int,
        _ body: ([QuoteRow]) async throws -> Void
    ) async throws -> Int

    /// The schema version the store is at (the number of migrations applied).
    ///
    /// - Returns: The version.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func schemaVersion() async throws -> Int

    /// The database's size on disk, in bytes.
    ///
    /// - Returns: The size.
    /// - Throws: ``StoreError`` with ``StoreError/Code/database``.
    func sizeInBytes() async throws -> Int64
}
