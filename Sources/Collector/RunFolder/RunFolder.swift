public import Foundation

/// One run's folder, `<root>/<run-id>/`, and the only way CoinPipe writes into it.
///
/// Every path given to a run folder is relative, `/`-separated, made of non-empty components of
/// `[A-Za-z0-9._-]` other than `.` and `..`, and must still lead inside the run folder once symbolic
/// links are resolved; anything else throws before a byte is written. Files are written to a temporary
/// name (prefix `.tmp-`) in the same directory and renamed into place, so a reader sees either the old
/// file or the whole new one. Only ``write(_:to:durable:)`` with `durable: true` (the manifest) pays
/// for an fsync.
///
/// ```swift
/// let folder = try RunFolder.create(root: outputRoot, runID: RunID())
/// let record = try folder.write(listingsJSON, to: "data.json")
/// ```
public struct RunFolder: Sendable {
    /// The directory for logos, `Images`.
    public static let imagesDirectory = "Images"
    /// The directory for raw API bodies, `raw`.
    public static let rawDirectory = "raw"
    /// The manifest's file name, `manifest.json`.
    public static let manifestFileName = "manifest.json"
    /// The listings file, `data.json` (the original script's name and shape).
    public static let dataFileName = "data.json"
    /// The metadata file, `info.json`.
    public static let infoFileName = "info.json"
    /// Per-item decoding diagnostics, `diagnostics.jsonl`.
    public static let diagnosticsFileName = "diagnostics.jsonl"

    /// Whether a run folder's name read from elsewhere (a store row; the original script's folders may be
    /// named anything) is a safe single path component: 1–128 ASCII letters, digits, `-`, `_` or `.`, not
    /// starting with a dot (so never `..`, never a separator).
    ///
    /// - Parameter name: The folder name.
    /// - Returns: `true` when it may be appended to an output root.
    public static func isSafeName(_ name: String) -> Bool {
        (1...128).contains(name.utf8.count) && !name.hasPrefix(".")
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            }
    }
    /// The prefix of temporary files; a file with it that outlives a write is a leftover.
    public static let temporaryPrefix = FileIO.temporaryPrefix

    /// The output root that holds run folders (and `.cache`).
    public let root: URL
    /// The run this folder belongs to.
    public let runID: RunID
    /// The run folder's own path with symbolic links resolved, used for containment checks.
    private let resolvedPath: String

    /// The run folder: `root/<run-id>/`.
    public var url: URL { root.appending(path: runID.description, directoryHint: .isDirectory) }

    private init(root: URL, runID: RunID, resolvedPath: String) {
        self.root = root
        self.runID = runID
        self.resolvedPath = resolvedPath
    }

    // MARK: - Creating and opening

    /// Creates a new run folder with its `Images/` and `raw/` directories.
    ///
    /// The output root is created if needed.
    ///
    /// - Parameters:
    ///   - root: The output root.
    ///   - runID: The new run's id.
    /// - Returns: The new folder.
    /// - Throws: ``RunFolderError`` with code `alreadyExists` when the run folder exists, `io` when a
    ///   directory cannot be created, `outsideRunFolder` when the run folder resolves outside the root.
    public static func create(root: URL, runID: RunID) throws(RunFolderError) -> RunFolder {
        let rootPath = root.standardizedFileURL.path
        do {
            try FileIO.makeDirectories(rootPath)
        } catch {
            throw RunFolderError(
                .unusableOutputRoot,
                path: rootPath,
                message: "cannot use the output root \(rootPath) (\(error.message)): \(error.outputRootAdvice)"
            )
        }
        let runPath = rootPath + "/" + runID.description
        do {
            try FileIO.makeNewDirectory(runPath)
        } catch  where error.isAlreadyExists {
            throw RunFolderError(
                .alreadyExists,
                path: runPath,
                message: "the run folder \(runPath) already exists; use a new run id or resume that run"
            )
        } catch {
            throw RunFolderError(
                .unusableOutputRoot,
                path: runPath,
                message: "cannot create the run folder \(runPath) (\(error.message)): \(error.outputRootAdvice)"
            )
        }
        let folder = try open(root: root, runID: runID)
        for directory in [imagesDirectory, rawDirectory] {
            do {
                try FileIO.makeDirectory(runPath + "/" + directory)
            } catch {
                throw RunFolderError(
                    .io,
                    path: directory,
                    message: error.message + "; check the output root's permissions"
                )
            }
        }
        return folder
    }

    /// Opens an existing run folder.
    ///
    /// - Parameters:
    ///   - root: The output root.
    ///   - runID: The run's id.
    /// - Returns: The folder.
    /// - Throws: ``RunFolderError`` with code `notFound` when `root/<run-id>` is not a directory, or
    ///   `outsideRunFolder` when it is a symbolic link that leads out of the output root.
    public static func open(root: URL, runID: RunID) throws(RunFolderError) -> RunFolder {
        let rootPath = root.standardizedFileURL.path
        let runPath = rootPath + "/" + runID.description
        guard let resolvedRoot = FileIO.resolvedPath(rootPath), let resolvedRun = FileIO.resolvedPath(runPath),
            FileIO.kind(at: resolvedRun) == .directory
        else {
            throw RunFolderError(
                .notFound,
                path: runPath,
                message: "no run folder at \(runPath); check the output root and the run id"
            )
        }
        guard resolvedRun != resolvedRoot, isInside(resolvedRun, resolvedRoot) else {
            throw RunFolderError(
                .outsideRunFolder,
                path: runPath,
                message: "the run folder \(runPath) resolves to \(resolvedRun), outside the output root "
                    + "\(resolvedRoot); replace the symbolic link with a real directory"
            )
        }
        return RunFolder(root: root, runID: runID, resolvedPath: resolvedRun)
    }

    // MARK: - Writing

    /// Writes `data` atomically to a path inside the run folder, creating missing parent directories.
    ///
    /// - Parameters:
    ///   - data: The whole contents.
    ///   - relativePath: Where, relative to the run folder.
    ///   - durable: fsync the file and its directory (for the manifest); other files skip the fsync.
    /// - Returns: The file's record (size and SHA-256 of `data`).
    /// - Throws: ``RunFolderError`` with code `invalidPath`, `outsideRunFolder` or `io`.
    @discardableResult
    public func write(
        _ data: Data,
        to relativePath: String,
        durable: Bool = false
    ) throws(RunFolderError)
        -> FileRecord
    {
        let path = try preparedPath(for: relativePath)
        do {
            try FileIO.writeAtomically(data, to: path, durable: durable)
        } catch {
            throw ioError(error, relativePath)
        }
        return FileRecord(path: relativePath, size: data.count, sha256: FileIO.sha256(data))
    }

    /// Copies a file (for example a cached logo) atomically to a path inside the run folder.
    ///
    /// - Parameters:
    ///   - source: The file to copy; it may be outside the run folder.
    ///   - relativePath: Where, relative to the run folder.
    /// - Returns: The record of the copy, hashed while copying.
    /// - Throws: ``RunFolderError`` with code `notFound` when `source` is not a regular file, or
    ///   `invalidPath`, `outsideRunFolder`, `io`.
    @discardableResult
    public func copyIn(from source: URL, to relativePath: String) throws(RunFolderError) -> FileRecord {
        let sourcePath = source.standardizedFileURL.path
        guard let resolvedSource = FileIO.resolvedPath(sourcePath), case .file = FileIO.kind(at: resolvedSource) else {
            throw RunFolderError(
                .notFound,
                path: sourcePath,
                message: "cannot copy \(sourcePath) into \(relativePath): it is not a regular file"
            )
        }
        let path = try preparedPath(for: relativePath)
        do {
            let digest = try FileIO.copyAtomically(from: resolvedSource, to: path)
            return FileRecord(path: relativePath, size: digest.size, sha256: digest.sha256)
        } catch {
            throw ioError(error, relativePath)
        }
    }

    /// Puts an immutable file (a verified cache object) into the run folder, by hard link when possible.
    ///
    /// A hard link costs no copy and no new inode: on slow file systems it is many times faster than
    /// writing. Sharing the inode is safe because CoinPipe never changes a file in place (every write
    /// is a new file renamed into place), and ``RunVerifier`` would notice if anything else did. When the
    /// link cannot be made (another file system, too many links), the file is copied instead.
    ///
    /// - Parameters:
    ///   - source: The file to link or copy; it may be outside the run folder.
    ///   - relativePath: Where, relative to the run folder.
    /// - Returns: The record of the file, hashed from `source`.
    /// - Throws: ``RunFolderError`` with code `notFound` when `source` is not a regular file, or
    ///   `invalidPath`, `outsideRunFolder`, `io`.
    @discardableResult
    public func linkIn(from source: URL, to relativePath: String) throws(RunFolderError) -> FileRecord {
        let sourcePath = source.standardizedFileURL.path
        guard let resolvedSource = FileIO.resolvedPath(sourcePath), case .file = FileIO.kind(at: resolvedSource) else {
            throw RunFolderError(
                .notFound,
                path: sourcePath,
                message: "cannot link \(sourcePath) into \(relativePath): it is not a regular file"
            )
        }
        let path = try preparedPath(for: relativePath)
        do {
            let digest = try FileIO.digest(ofFileAt: resolvedSource)
            if try FileIO.linkAtomically(from: resolvedSource, to: path) {
                return FileRecord(path: relativePath, size: digest.size, sha256: digest.sha256)
            }
            let copied = try FileIO.copyAtomically(from: resolvedSource, to: path)
            return FileRecord(path: relativePath, size: copied.size, sha256: copied.sha256)
        } catch {
            throw ioError(error, relativePath)
        }
    }

    // MARK: - Reading

    /// The size and SHA-256 of an existing file, hashed in 64 KiB chunks.
    ///
    /// - Parameter relativePath: The file, relative to the run folder.
    /// - Returns: Its record.
    /// - Throws: ``RunFolderError`` with code `notFound` when it is missing or not a regular file, or
    ///   `invalidPath`, `outsideRunFolder`, `io`.
    public func record(for relativePath: String) throws(RunFolderError) -> FileRecord {
        let path = try existingPath(for: relativePath)
        guard case .file = FileIO.kind(at: path) else {
            throw RunFolderError(
                .notFound,
                path: relativePath,
                message: "\(relativePath) in run \(runID) is not a regular file"
            )
        }
        do {
            let digest = try FileIO.digest(ofFileAt: path)
            return FileRecord(path: relativePath, size: digest.size, sha256: digest.sha256)
        } catch {
            throw ioError(error, relativePath)
        }
    }

    /// The size of a regular file in the run folder, without reading it.
    ///
    /// - Parameter relativePath: The path, relative to the run folder.
    /// - Returns: Its size in bytes.
    /// - Throws: ``RunFolderError`` with code `notFound` when it is missing or not a regular file,
    ///   `invalidPath` or `outsideRunFolder` for a path that does not stay inside.
    public func size(of relativePath: String) throws(RunFolderError) -> Int {
        let path = try existingPath(for: relativePath)
        guard case .file(let size) = FileIO.kind(at: path) else {
            throw RunFolderError(
                .notFound,
                path: relativePath,
                message: "\(relativePath) in run \(runID) is not a regular file"
            )
        }
        return size
    }

    /// The location of a path inside the run folder, which need not exist yet.
    ///
    /// - Parameter relativePath: The path, relative to the run folder.
    /// - Returns: Its absolute file URL.
    /// - Throws: ``RunFolderError`` with code `invalidPath` or `outsideRunFolder`.
    public func fileURL(_ relativePath: String) throws(RunFolderError) -> URL {
        let components = try Self.validate(relativePath)
        // Resolve as much of the path as exists and check that it stays inside.
        var current = resolvedPath
        for component in components {
            let next = current + "/" + component
            guard FileIO.kind(at: next) != .missing else { break }
            guard let resolved = FileIO.resolvedPath(next), Self.isInside(resolved, resolvedPath) else {
                throw escapeError(relativePath)
            }
            current = resolved
        }
        return URL(fileURLWithPath: resolvedPath + "/" + components.joined(separator: "/"))
    }

    /// Every file and symbolic link below the run folder, as sorted relative paths.
    ///
    /// Directories are walked, never followed through symbolic links; temporary leftovers are included.
    ///
    /// - Throws: ``RunFolderError`` with code `io` when a directory cannot be listed.
    public func listFiles() throws(RunFolderError) -> [String] {
        var found: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? resolvedPath : resolvedPath + "/" + relative
            let names: [String]
            do {
                names = try FileIO.contents(ofDirectory: directory)
            } catch {
                throw ioError(error, relative.isEmpty ? "." : relative)
            }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                if FileIO.kind(at: resolvedPath + "/" + child) == .directory {
                    pending.append(child)
                } else {
                    found.append(child)
                }
            }
        }
        return found.sorted()
    }

    // MARK: - Path checks

    /// Splits and checks a relative path.
    ///
    /// - Throws: ``RunFolderError`` with code `invalidPath`.
    static func validate(_ relativePath: String) throws(RunFolderError) -> [String] {
        func invalid(_ reason: String) -> RunFolderError {
            RunFolderError(
                .invalidPath,
                path: relativePath,
                message: "\"\(relativePath)\" is not a valid run folder path: \(reason); use a relative path of "
                    + "components made of A-Z a-z 0-9 . _ - such as Images/1.png"
            )
        }
        guard !relativePath.isEmpty else { throw invalid("it is empty") }
        guard !relativePath.hasPrefix("/") else { throw invalid("it is absolute") }
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for component in components {
            guard !component.isEmpty else { throw invalid("it has an empty component") }
            guard component != "." && component != ".." else { throw invalid("it has a \"\(component)\" component") }
            guard component.utf8.count <= 255 else { throw invalid("a component is longer than 255 bytes") }
            guard component.utf8.allSatisfy(isAllowed) else {
                throw invalid("\"\(component)\" has a character outside A-Z a-z 0-9 . _ -")
            }
        }
        return components
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    static func isInside(_ path: String, _ directory: String) -> Bool {
        path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// Validates a path for writing, creates its missing parent directories and checks containment.
    ///
    /// The run folder's own path is resolved once, when the folder is opened; below it, a component that is
    /// a real directory (not a symbolic link) cannot lead outside, so only symbolic links are resolved.
    ///
    /// - Returns: The absolute path to write, whose parent is inside the run folder.
    private func preparedPath(for relativePath: String) throws(RunFolderError) -> String {
        let components = try Self.validate(relativePath)
        var parent = resolvedPath
        for component in components.dropLast() {
            let next = parent + "/" + component
            switch FileIO.kind(at: next) {
            case .directory:
                parent = next
            case .missing:
                do {
                    try FileIO.makeDirectory(next)
                } catch {
                    throw ioError(error, relativePath)
                }
                parent = next
            case .symbolicLink:
                guard let resolved = FileIO.resolvedPath(next), Self.isInside(resolved, resolvedPath),
                    FileIO.kind(at: resolved) == .directory
                else {
                    throw escapeError(relativePath)
                }
                parent = resolved
            case .file, .other:
                throw RunFolderError(
                    .alreadyExists,
                    path: relativePath,
                    message: "\(relativePath) in run \(runID) needs \(component) to be a directory, but it is a file; "
                        + "choose another path"
                )
            }
        }
        return parent + "/" + components[components.count - 1]
    }

    /// Validates a path for reading and resolves it completely.
    private func existingPath(for relativePath: String) throws(RunFolderError) -> String {
        _ = try Self.validate(relativePath)
        let joined = resolvedPath + "/" + relativePath
        guard FileIO.kind(at: joined) != .missing, let resolved = FileIO.resolvedPath(joined) else {
            throw RunFolderError(
                .notFound,
                path: relativePath,
                message: "\(relativePath) does not exist in run \(runID) (\(resolvedPath))"
            )
        }
        guard Self.isInside(resolved, resolvedPath) else { throw escapeError(relativePath) }
        return resolved
    }

    private func escapeError(_ relativePath: String) -> RunFolderError {
        RunFolderError(
            .outsideRunFolder,
            path: relativePath,
            message: "\(relativePath) leads outside the run folder \(resolvedPath) through a symbolic link; "
                + "remove the link"
        )
    }

    private func ioError(_ failure: FileIO.Failure, _ relativePath: String) -> RunFolderError {
        RunFolderError(
            .io,
            path: relativePath,
            message: "\(failure.message) (\(relativePath) in run \(runID)); check free space and permissions"
        )
    }
}
