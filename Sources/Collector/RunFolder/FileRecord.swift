/// One file of a run folder as the manifest lists it: where it is, how big it is, and its SHA-256.
public struct FileRecord: Codable, Sendable, Hashable {
    /// The path relative to the run folder, `/`-separated (for example `Images/1.png`).
    public var path: String
    /// The size in bytes.
    public var size: Int
    /// The SHA-256 of the contents, 64 lowercase hexadecimal digits.
    public var sha256: String

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - path: The path relative to the run folder.
    ///   - size: The size in bytes.
    ///   - sha256: The SHA-256 in lowercase hexadecimal.
    public init(path: String, size: Int, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case path
        case size
        case sha256
    }
}
