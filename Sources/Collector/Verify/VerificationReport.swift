public import Foundation

/// What checking one run folder against its manifest found.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// A file whose size or SHA-256 differs from the manifest's record.
    public struct TornFile: Sendable, Hashable, Codable {
        /// The path relative to the run folder.
        public var path: String
        /// What the manifest lists.
        public var expected: FileRecord
        /// What is on disk.
        public var actual: FileRecord

        /// Creates a torn-file entry.
        public init(path: String, expected: FileRecord, actual: FileRecord) {
            self.path = path
            self.expected = expected
            self.actual = actual
        }
    }

    /// The run checked.
    public var runID: RunID
    /// The run folder checked.
    public var folder: URL
    /// The status the manifest records, or `nil` without a readable manifest.
    public var status: RunStatus?
    /// Files the manifest lists that are absent, sorted.
    public var missing: [String]
    /// Files whose size or SHA-256 differs from the manifest, sorted by path.
    public var torn: [TornFile]
    /// Files present but not listed (leftover `.tmp-` files included; `manifest.json` is expected), sorted.
    public var unexpected: [String]
    /// Why the manifest could not be used, if it could not.
    public var manifestError: String?

    /// Creates a report.
    public init(
        runID: RunID,
        folder: URL,
        status: RunStatus? = nil,
        missing: [String] = [],
        torn: [TornFile] = [],
        unexpected: [String] = [],
        manifestError: String? = nil
    ) {
        self.runID = runID
        self.folder = folder
        self.status = status
        self.missing = missing
        self.torn = torn
        self.unexpected = unexpected
        self.manifestError = manifestError
    }

    /// Whether the folder matches its manifest exactly: a readable manifest, nothing missing, torn or
    /// unexpected.
    public var isClean: Bool {
        manifestError == nil && missing.isEmpty && torn.isEmpty && unexpected.isEmpty
    }

    /// Whether the manifest still says `running`: the run is collecting now, or it stopped before it could
    /// write its final manifest (killed, a full disk). Such a run is not finished, however clean its files.
    public var isUnfinished: Bool { status == .running }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case folder
        case status
        case missing
        case torn
        case unexpected
        case manifestError = "manifest_error"
    }
}
