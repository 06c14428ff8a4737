/// A store operation that failed: a folder that is not a run, an ambiguous coin, a schema problem, a database
/// error.
///
/// Match on ``code``; read ``description`` for a message that names what to do. Messages never contain a
/// database password.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The class of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Base: String, Sendable, Hashable {
            case noStore
            case emptyStore
            case notAStore
            case notARunFolder
            case unreadableRun
            case runInProgress
            case damagedRun
            case coinNotFound
            case ambiguousCoin
            case runNotFound
            case schemaTooNew
            case schemaTooOld
            case migrationChanged
            case invalidArgument
            case readOnly
            case unwritableStore
            case database
        }

        let base: Base

        /// No store: `--store none` was given where a store is needed, or a read-only command found no SQLite
        /// file (it never creates one).
        public static let noStore = Code(base: .noStore)
        /// The store holds no CoinPipe schema yet (an empty SQLite file or PostgreSQL database): load runs first.
        public static let emptyStore = Code(base: .emptyStore)
        /// The store holds something else than a CoinPipe store (another application's tables, or a file that
        /// is not an SQLite database).
        public static let notAStore = Code(base: .notAStore)
        /// A path holds neither `data.json` nor `manifest.json`.
        public static let notARunFolder = Code(base: .notARunFolder)
        /// A run folder's `data.json`, `info.json` or `manifest.json` could not be read.
        public static let unreadableRun = Code(base: .unreadableRun)
        /// A run folder whose manifest still says `running`: resume or finish it first.
        public static let runInProgress = Code(base: .runInProgress)
        /// A run folder that does not match its manifest (a file missing, changed or unlisted, a path outside
        /// the folder, a manifest of another run): nothing of it is loaded.
        public static let damagedRun = Code(base: .damagedRun)
        /// No stored coin has this id, slug or symbol.
        public static let coinNotFound = Code(base: .coinNotFound)
        /// A symbol names several coins; ``StoreError/candidates`` lists them.
        public static let ambiguousCoin = Code(base: .ambiguousCoin)
        /// No stored run has this id.
        public static let runNotFound = Code(base: .runNotFound)
        /// The store was migrated by a newer CoinPipe.
        public static let schemaTooNew = Code(base: .schemaTooNew)
        /// A read-only command found the store at an older schema version; a loader (`coinpipe load`) migrates
        /// it.
        public static let schemaTooOld = Code(base: .schemaTooOld)
        /// An applied migration's SQL differs from this CoinPipe's (migrations are append-only).
        public static let migrationChanged = Code(base: .migrationChanged)
        /// An argument is out of range (for example a negative `--top`).
        public static let invalidArgument = Code(base: .invalidArgument)
        /// A write was asked of a store opened ``StoreAccess/readOnly``.
        public static let readOnly = Code(base: .readOnly)
        /// A store to load into that this user cannot write, or whose folder is on a read-only file system
        /// or not writable: nothing was written; give another `--store`.
        public static let unwritableStore = Code(base: .unwritableStore)
        /// The database reported an error.
        public static let database = Code(base: .database)

        public var description: String { base.rawValue }
    }

    /// The class of failure.
    public var code: Code
    /// What happened and what to do.
    public var message: String
    /// For ``Code/ambiguousCoin``: every coin the symbol names, largest market cap first.
    public var candidates: [CoinCandidate]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The class of failure.
    ///   - message: What happened and what to do.
    ///   - candidates: The coins an ambiguous symbol names.
    public init(_ code: Code, _ message: String, candidates: [CoinCandidate] = []) {
        self.code = code
        self.message = message
        self.candidates = candidates
    }

    public var description: String {
        guard !candidates.isEmpty else { return message }
        let lines = candidates.map { "  " + $0.description }
        return ([message] + lines).joined(separator: "\n")
    }
}
