import Collector
public import Foundation
public import Logging
import PostgresNIO

/// The store benchmark: loading a large run into SQLite and PostgreSQL, `history` over many runs, and the
/// database size per run. Not a test: `coinpipe bench` runs it and `docs/BENCHMARKS.md` records it.
///
/// ```swift
/// let results = try await StoreBenchmark.run(StoreBenchmark.Configuration(postgres: settings), logger: logger)
/// print(StoreBenchmark.markdown(results))
/// ```
///
/// For each engine, three times on a fresh database (the figures are the medians): run A (`coins` coins,
/// one USD quote each) is read from its folder and loaded in one transaction, creating every coin; run B, the
/// same coins five minutes later, is loaded the way a collector's next run is (rows/s counts quote rows); the
/// database's growth from B is the size per run; run A is loaded again (idempotent, 0 new rows). Then a fresh
/// database gets `historyRuns` runs of `historyCoins` coins generated in SQL, and `history` of one coin is
/// timed over them (the median of five).
public enum StoreBenchmark {
    /// What to measure.
    public struct Configuration: Sendable {
        /// Coins in the large run.
        public var coins: Int
        /// Runs in the history database.
        public var historyRuns: Int
        /// Coins per run in the history database.
        public var historyCoins: Int
        /// The PostgreSQL server to measure (its role needs `CREATEDB`; the scratch databases are dropped after),
        /// or `nil` for SQLite only.
        public var postgres: PostgresSettings?
        /// Where a scratch folder of its own (removed after) is made, or `nil` for the temporary directory; this folder itself is never removed.
        public var directory: URL?

        /// Creates a configuration; the defaults are the issue's: 9000 coins, 10,000 runs.
        ///
        /// - Parameters:
        ///   - coins: Coins in the large run.
        ///   - historyRuns: Runs in the history database.
        ///   - historyCoins: Coins per run in the history database.
        ///   - postgres: The PostgreSQL server, or `nil`.
        ///   - directory: The scratch directory, or `nil`.
        public init(
            coins: Int = 9000,
            historyRuns: Int = 10_000,
            historyCoins: Int = 100,
            postgres: PostgresSettings? = nil,
            directory: URL? = nil
        ) {
            self.coins = coins
            self.historyRuns = historyRuns
            self.historyCoins = historyCoins
            self.postgres = postgres
            self.directory = directory
        }
    }

    /// One engine's figures.
    public struct Result: Sendable, Hashable {
        /// `SQLite` or `PostgreSQL`.
        public var engine: String
        /// Quote rows in the large run.
        public var rows: Int
        /// Reading and decoding the run folder, in seconds.
        public var prepareSeconds: Double
        /// Writing the first run into an empty store (one transaction, every coin new), in seconds.
        public var firstLoadSeconds: Double
        /// Writing the next run (coins known, quotes new), in seconds.
        public var loadSeconds: Double
        /// Loading the same run again (no new rows), in seconds.
        public var reloadSeconds: Double
        /// Growth of the database for one more run of the same coins, in bytes.
        public var bytesPerRun: Int64
        /// Runs in the history database.
        public var historyRuns: Int
        /// Rows `history` returned.
        public var historyRows: Int
        /// Median time of `history` for one coin, in milliseconds.
        public var historyMilliseconds: Double
        /// Size of the history database divided by its runs, in bytes.
        public var historyBytesPerRun: Int64

        /// Quote rows written per second by the next run's load.
        public var rowsPerSecond: Double { loadSeconds > 0 ? Double(rows) / loadSeconds : 0 }

        /// Quote rows written per second by the first load (which also creates every coin).
        public var firstRowsPerSecond: Double { firstLoadSeconds > 0 ? Double(rows) / firstLoadSeconds : 0 }

        /// The issue's target for this engine, in rows per second (50,000 SQLite, 20,000 PostgreSQL).
        public var targetRowsPerSecond: Double { engine == "SQLite" ? 50_000 : 20_000 }
    }

    /// Runs the benchmark.
    ///
    /// - Parameters:
    ///   - configuration: What to measure.
    ///   - logger: Receives progress.
    /// - Returns: SQLite's result, then PostgreSQL's when configured.
    /// - Throws: ``StoreError`` when a database fails.
    public static func run(_ configuration: Configuration, logger: Logger) async throws -> [Result] {
        // A folder of its own, inside the one configured (which is never deleted) or the temporary directory.
        let directory = (configuration.directory ?? FileManager.default.temporaryDirectory)
            .appending(path: "coinpipe-store-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let start = EpochMillis(iso8601: "2024-05-01T12:00:00Z") ?? EpochMillis(0)
        let later = EpochMillis(start.value + 300_000)
        let folderA = try SyntheticRun.writeFolder(
            root: directory,
            runID: RunID(),
            listings: SyntheticRun.listings(count: configuration.coins, time: start, seed: 1),
            startedAt: start
        )
        let folderB = try SyntheticRun.writeFolder(
            root: directory,
            runID: RunID(),
            listings: SyntheticRun.listings(count: configuration.coins, time: later, seed: 2),
            startedAt: later
        )

        var results: [Result] = []
        logger.info("store benchmark: SQLite")
        let sqliteLoad = try await medianLoads { attempt in
            try await measureLoads(
                url: .sqlite(path: directory.appending(path: "load-\(attempt).sqlite").path(percentEncoded: false)),
                folderA: folderA,
                folderB: folderB,
                logger: logger
            )
        }
        let historyPath = directory.appending(path: "history.sqlite").path(percentEncoded: false)
        let sqliteHistory = try await withRunStore(.sqlite(path: historyPath), logger: logger) { store in
            guard let sqlite = store as? SQLiteRunStore else { throw StoreError(.database, "not an SQLite store") }
            try await sqlite.generateHistory(runs: configuration.historyRuns, coins: configuration.historyCoins)
            return try await measureHistory(store, runs: configuration.historyRuns)
        }
        results.append(result("SQLite", sqliteLoad, sqliteHistory, configuration))

        if let server = configuration.postgres {
            logger.info("store benchmark: PostgreSQL")
            let postgresLoad = try await medianLoads { _ in
                try await withScratchDatabase(server, logger: logger) { settings in
                    try await measureLoads(url: .postgres(settings), folderA: folderA, folderB: folderB, logger: logger)
                }
            }
            let postgresHistory = try await withScratchDatabase(server, logger: logger) { settings in
                try await withRunStore(.postgres(settings), logger: logger) { store in
                    guard let postgres = store as? PostgresRunStore else {
                        throw StoreError(.database, "not a PostgreSQL store")
                    }
                    try await postgres.generateHistory(
                        runs: configuration.historyRuns,
                        coins: configuration.historyCoins
                    )
                    return try await measureHistory(store, runs: configuration.historyRuns)
                }
            }
            results.append(result("PostgreSQL", postgresLoad, postgresHistory, configuration))
        }
        return results
    }

    /// The results as a Markdown table, with the targets.
    ///
    /// - Parameter results: What ``run(_:logger:)`` returned.
    /// - Returns: The table.
    public static func markdown(_ results: [Result]) -> String {
        var lines = [
            "| engine | quote rows | read folder | first load (new coins) | next run's load | rows/s (target) "
                + "| reload (0 new) | size per run | history (target < 50 ms) | history DB per run |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for result in results {
            let rate = String(format: "%.0f", result.rowsPerSecond)
            let firstRate = String(format: "%.0f", result.firstRowsPerSecond)
            let target = String(format: "%.0f", result.targetRowsPerSecond)
            lines.append(
                "| \(result.engine) | \(result.rows) | \(milliseconds(result.prepareSeconds)) | "
                    + "\(milliseconds(result.firstLoadSeconds)) (\(firstRate)/s) | \(milliseconds(result.loadSeconds)) | "
                    + "\(rate) (≥ \(target)) | \(milliseconds(result.reloadSeconds)) | \(kibibytes(result.bytesPerRun)) | "
                    + "\(String(format: "%.1f ms", result.historyMilliseconds)): \(result.historyRows) quotes, "
                    + "\(result.historyRuns) runs | \(kibibytes(result.historyBytesPerRun)) |"
            )
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Measurements

    private struct LoadFigures {
        var rows: Int
        var prepareSeconds: Double
        var firstLoadSeconds: Double
        var loadSeconds: Double
        var reloadSeconds: Double
        var bytesPerRun: Int64
    }

    private struct HistoryFigures {
        var rows: Int
        var milliseconds: Double
        var bytesPerRun: Int64
    }

    private static func measureLoads(
        url: StoreURL,
        folderA: URL,
        folderB: URL,
        logger: Logger
    ) async throws
        -> LoadFigures
    {
        try await withRunStore(url, logger: logger) { store in
            let clock = ContinuousClock()
            var prepared: PreparedRun?
            let prepareTime = try clock.measure { prepared = try RunLoader.prepare(folder: folderA) }
            guard let runA = prepared else { throw StoreError(.unreadableRun, "benchmark run A was not read") }
            let runB = try RunLoader.prepare(folder: folderB)
            var report: LoadReport?
            let firstTime = try await clock.measure { report = try await store.load(runA, logger: logger) }
            let sizeAfterA = try await store.sizeInBytes()
            let nextTime = try await clock.measure { _ = try await store.load(runB, logger: logger) }
            let sizeAfterB = try await store.sizeInBytes()
            let reloadTime = try await clock.measure { _ = try await store.load(runA, logger: logger) }
            return LoadFigures(
                rows: report?.quotesInserted ?? 0,
                prepareSeconds: prepareTime.seconds,
                firstLoadSeconds: firstTime.seconds,
                loadSeconds: nextTime.seconds,
                reloadSeconds: reloadTime.seconds,
                bytesPerRun: sizeAfterB - sizeAfterA
            )
        }
    }

    /// The medians of three measurements, each on a fresh store.
    private static func medianLoads(
        _ measure: (Int) async throws -> LoadFigures
    ) async throws -> LoadFigures {
        var figures: [LoadFigures] = []
        for attempt in 0..<3 {
            figures.append(try await measure(attempt))
        }
        func median(_ value: (LoadFigures) -> Double) -> Double { figures.map(value).sorted()[1] }
        return LoadFigures(
            rows: figures[0].rows,
            prepareSeconds: median(\.prepareSeconds),
            firstLoadSeconds: median(\.firstLoadSeconds),
            loadSeconds: median(\.loadSeconds),
            reloadSeconds: median(\.reloadSeconds),
            bytesPerRun: figures.map(\.bytesPerRun).sorted()[1]
        )
    }

    private static func measureHistory(_ store: any RunStore, runs: Int) async throws -> HistoryFigures {
        let clock = ContinuousClock()
        var rows = 0
        var times: [Double] = []
        // One warm-up, then five timed queries of coin 7 (its quotes are spread over the whole table).
        for attempt in 0..<6 {
            let elapsed = try await clock.measure {
                rows = try await store.history(coinID: 7, convert: "USD", range: .all).count
            }
            if attempt > 0 { times.append(elapsed.seconds * 1000) }
        }
        let size = try await store.sizeInBytes()
        return HistoryFigures(
            rows: rows,
            milliseconds: times.sorted()[times.count / 2],
            bytesPerRun: size / Int64(max(1, runs))
        )
    }

    private static func result(
        _ engine: String,
        _ load: LoadFigures,
        _ history: HistoryFigures,
        _ configuration: Configuration
    ) -> Result {
        Result(
            engine: engine,
            rows: load.rows,
            prepareSeconds: load.prepareSeconds,
            firstLoadSeconds: load.firstLoadSeconds,
            loadSeconds: load.loadSeconds,
            reloadSeconds: load.reloadSeconds,
            bytesPerRun: load.bytesPerRun,
            historyRuns: configuration.historyRuns,
            historyRows: history.rows,
            historyMilliseconds: history.milliseconds,
            historyBytesPerRun: history.bytesPerRun
        )
    }

    /// A fresh database on `server` for `body`, dropped afterwards.
    private static func withScratchDatabase<Result>(
        _ server: PostgresSettings,
        logger: Logger,
        _ body: (PostgresSettings) async throws -> Result
    ) async throws -> Result {
        let name = "coinpipe_bench_\(UUID().uuidString.lowercased().replacing("-", with: ""))"
        func admin(_ sql: String) async throws {
            try await withPostgresRunStore(server, logger: logger) { store in
                _ = try await store.client.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            }
        }
        try await admin("CREATE DATABASE \(name)")
        var settings = server
        settings.database = name
        do {
            let result = try await body(settings)
            try await admin("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    private static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.0f ms", seconds * 1000)
    }

    private static func kibibytes(_ bytes: Int64) -> String {
        String(format: "%.0f KiB", Double(bytes) / 1024)
    }
}
