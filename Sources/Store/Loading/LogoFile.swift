/// A logo stored with a run: `Images/<id>.png`.
public struct LogoFile: Sendable, Hashable {
    /// The coin's CMC id.
    public var coinID: Int
    /// The edge in pixels (the run's `logo_size`; 64 for the original script).
    public var size: Int
    /// The SHA-256 of the file, lowercase hex.
    public var sha256: String
    /// The file's length in bytes.
    public var bytes: Int
    /// `<run-id>/Images/<id>.png`, relative to the output root.
    public var path: String

    /// Creates a logo record.
    ///
    /// - Parameters:
    ///   - coinID: The coin's CMC id.
    ///   - size: The edge in pixels.
    ///   - sha256: The file's SHA-256, lowercase hex.
    ///   - bytes: The file's length.
    ///   - path: The path relative to the output root.
    public init(coinID: Int, size: Int, sha256: String, bytes: Int, path: String) {
        self.coinID = coinID
        self.size = size
        self.sha256 = sha256
        self.bytes = bytes
        self.path = path
    }
}
