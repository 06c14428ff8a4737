public import Foundation

/// A content-addressed logo cache inside the output root, shared by every run.
///
/// Layout, below ``root`` (normally `<out>/.cache/logos`):
/// - `objects/<sha256>`: logo bodies, named by their SHA-256;
/// - `meta/<sha256-of-url>.json`: one ``LogoCacheEntry`` per URL.
///
/// Files are written to a temporary name and renamed, without fsync: an object is verified against its
/// hash every time it is used, and a mismatch discards it (``object(for:)``), so a torn write can only
/// cost a download. The cache is safe to delete at any time.
public struct LogoCache: Sendable {
    /// The cache directory.
    public let root: URL

    /// The largest object the cache reads back.
    private static let maxObjectBytes = 64 << 20

    /// Creates a cache rooted at `root` (created on first store).
    ///
    /// - Parameter root: The cache directory, normally ``directory(inOutputRoot:)``.
    public init(root: URL) {
        self.root = root
    }

    /// `<out>/.cache/logos`.
    ///
    /// - Parameter outputRoot: The output root that holds run folders.
    /// - Returns: The cache directory.
    public static func directory(inOutputRoot outputRoot: URL) -> URL {
        outputRoot.appending(path: ".cache", directoryHint: .isDirectory)
            .appending(path: "logos", directoryHint: .isDirectory)
    }

    private var rootPath: String { root.standardizedFileURL.path }
    private var objectsPath: String { rootPath + "/objects" }
    private var metaPath: String { rootPath + "/meta" }

    /// The object file for a SHA-256.
    ///
    /// - Parameter sha256: Lowercase hexadecimal SHA-256.
    /// - Returns: Its location (which may not exist).
    public func objectURL(sha256: String) -> URL {
        URL(fileURLWithPath: objectsPath + "/" + sha256)
    }

    private func metaFile(for url: String) -> String {
        metaPath + "/" + FileIO.sha256(Data(url.utf8)) + ".json"
    }

    // MARK: - Reading

    /// The entry for a URL.
    ///
    /// - Parameter url: The URL exactly as requested.
    /// - Returns: The entry, or `nil` when there is none or it cannot be read (a broken entry is a miss).
    public func entry(for url: String) -> LogoCacheEntry? {
        // A missing or unreadable meta file is a miss.
        guard let data = try? FileIO.readFile(at: metaFile(for: url), limit: 1 << 20) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ManifestTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad date \(text)")
            }
            return date
        }
        guard let entry = try? decoder.decode(LogoCacheEntry.self, from: data), entry.url == url else { return nil }
        return entry
    }

    /// The body an entry points to, verified against its SHA-256 and size.
    ///
    /// An object that is missing, the wrong size or the wrong hash is removed together with the entry, so
    /// the caller fetches the logo again.
    ///
    /// - Parameter entry: The entry.
    /// - Returns: The body, or `nil` when the object is not usable.
    public func object(for entry: LogoCacheEntry) -> Data? {
        let path = objectsPath + "/" + entry.sha256
        guard entry.sha256.utf8.count == 64, entry.sha256.utf8.allSatisfy(Self.isLowercaseHex),
            let data = try? FileIO.readFile(at: path, limit: Self.maxObjectBytes),
            data.count == entry.size, FileIO.sha256(data) == entry.sha256
        else {
            discard(entry)
            return nil
        }
        return data
    }

    // MARK: - Writing

    /// Stores a body and its entry.
    ///
    /// - Parameters:
    ///   - body: The body.
    ///   - entry: The entry, whose ``LogoCacheEntry/sha256`` and ``LogoCacheEntry/size`` are replaced by the
    ///     body's.
    /// - Returns: The stored entry.
    /// - Throws: ``LogoCacheError`` when a directory or file cannot be written.
    @discardableResult
    public func store(_ body: Data, as entry: LogoCacheEntry) throws(LogoCacheError) -> LogoCacheEntry {
        var entry = entry
        entry.sha256 = FileIO.sha256(body)
        entry.size = body.count
        try makeDirectories()
        let objectPath = objectsPath + "/" + entry.sha256
        // An existing object is kept only if it really holds these bytes.
        let existing =
            FileIO.kind(at: objectPath) == .file(size: body.count) ? try? FileIO.digest(ofFileAt: objectPath) : nil
        if existing?.sha256 != entry.sha256 {
            do {
                try FileIO.writeAtomically(body, to: objectPath, durable: false)
            } catch {
                throw LogoCacheError(message: error.message)
            }
        }
        try save(entry)
        return entry
    }

    /// Writes an entry (after a revalidation, for example) without touching its object.
    ///
    /// - Parameter entry: The entry.
    /// - Throws: ``LogoCacheError`` when the file cannot be written.
    public func save(_ entry: LogoCacheEntry) throws(LogoCacheError) {
        try makeDirectories()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ManifestTimestamp.format(date))
        }
        do {
            let data = try encoder.encode(entry)
            try FileIO.writeAtomically(data, to: metaFile(for: entry.url), durable: false)
        } catch let failure as FileIO.Failure {
            throw LogoCacheError(message: failure.message)
        } catch {
            throw LogoCacheError(message: "cannot encode the entry for \(entry.url): \(error)")
        }
    }

    /// Removes an entry and its object.
    ///
    /// - Parameter entry: The entry.
    public func discard(_ entry: LogoCacheEntry) {
        try? FileManager.default.removeItem(atPath: metaFile(for: entry.url))
        if entry.sha256.utf8.count == 64, entry.sha256.utf8.allSatisfy(Self.isLowercaseHex) {
            try? FileManager.default.removeItem(atPath: objectsPath + "/" + entry.sha256)
        }
    }

    private func makeDirectories() throws(LogoCacheError) {
        do {
            try FileManager.default.createDirectory(atPath: objectsPath, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: metaPath, withIntermediateDirectories: true)
        } catch {
            throw LogoCacheError(message: "cannot create \(rootPath): \(error.localizedDescription)")
        }
    }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
