import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain POSIX file operations shared by run folders and the logo cache.
///
/// `Data.write(to:)` fsyncs every file (BUILD-NOTES trap 5), so files are written with `open`/`write`
/// and made visible with `rename(2)`; an fsync happens only where a caller asks for durability.
enum FileIO {
    /// The prefix of every temporary file, so that leftovers are recognizable.
    static let temporaryPrefix = ".tmp-"

    /// The size of the buffer used to stream files.
    private static let chunkSize = 64 << 10

    /// A failed system call.
    struct Failure: Error, Sendable {
        /// What was being done, with the path.
        var operation: String
        /// The `errno` value.
        var number: Int32

        init(_ operation: String, _ number: Int32 = errno) {
            self.operation = operation
            self.number = number
        }

        /// Whether the item to create already existed.
        var isAlreadyExists: Bool { number == EEXIST }

        /// The fix for a directory that cannot be created or written, by cause.
        var outputRootAdvice: String {
            switch number {
            case ENOTDIR, EEXIST: return "a file is in the way (it is not a directory); choose a directory for --out"
            case EROFS: return "the file system is read-only; choose a writable output directory"
            case EACCES, EPERM: return "permission denied; choose a writable output directory"
            case ENOSPC, EDQUOT: return "the disk is full; free space or choose another output directory"
            default: return "choose a writable output directory"
            }
        }

        /// `operation: reason`.
        var message: String { "\(operation) failed: \(String(cString: strerror(number)))" }
    }

    /// The size and SHA-256 of some bytes.
    struct Digest: Sendable, Hashable {
        var size: Int
        var sha256: String
    }

    // MARK: - Writing

    /// Writes `data` to a temporary file next to `path`, then renames it over `path`.
    ///
    /// - Parameter durable: fsync the file before the rename and the directory after it.
    static func writeAtomically(_ data: Data, to path: String, durable: Bool) throws(Failure) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure("creating \(temporary)") }
        do {
            try writeAll(data, to: descriptor, path: temporary)
            try finish(descriptor: descriptor, temporary: temporary, path: path, durable: durable)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Copies `source` to a temporary file next to `path` while hashing it, then renames it over `path`.
    ///
    /// - Returns: The size and SHA-256 of what was copied.
    static func copyAtomically(from source: String, to path: String) throws(Failure) -> Digest {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure("opening \(source)") }
        defer { close(input) }
        let temporary = temporaryPath(for: path)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard output >= 0 else { throw Failure("creating \(temporary)") }
        do {
            var hasher = SHA256()
            var size = 0
            var buffer = [UInt8](repeating: 0, count: chunkSize)
            while true {
                let count = try readChunk(input, into: &buffer, path: source)
                if count == 0 { break }
                let chunk = Data(buffer[0..<count])
                hasher.update(data: chunk)
                try writeAll(chunk, to: output, path: temporary)
                size += count
            }
            try finish(descriptor: output, temporary: temporary, path: path, durable: false)
            return Digest(size: size, sha256: hex(hasher.finalize()))
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Hard-links `source` to `path`; when `path` exists, through a temporary name renamed over it.
    ///
    /// - Returns: `false` when the link cannot be made (another file system, too many links, a file system
    ///   without hard links); nothing was changed then, and the caller copies instead.
    static func linkAtomically(from source: String, to path: String) throws(Failure) -> Bool {
        // A new name appears complete at once: link it directly (the common case, one call); only an
        // existing file needs the temporary name and rename that replace it atomically.
        if link(source, path) == 0 { return true }
        guard errno == EEXIST else { return false }
        let temporary = temporaryPath(for: path)
        guard link(source, temporary) == 0 else { return false }
        guard rename(temporary, path) == 0 else {
            let failure = Failure("renaming \(temporary) to \(path)")
            unlink(temporary)
            throw failure
        }
        return true
    }

    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "\(directory)/\(temporaryPrefix)\(token)-\(name)"
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(Failure) {
        let failure: Failure? = data.withUnsafeBytes { raw -> Failure? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Failure("writing \(path)")
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    private static func finish(descriptor: Int32, temporary: String, path: String, durable: Bool) throws(Failure) {
        if durable, fsync(descriptor) != 0 {
            let failure = Failure("syncing \(temporary)")
            close(descriptor)
            throw failure
        }
        guard close(descriptor) == 0 else { throw Failure("closing \(temporary)") }
        guard rename(temporary, path) == 0 else { throw Failure("renaming \(temporary) to \(path)") }
        if durable {
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { String(path[..<$0]) } ?? "."
            let handle = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard handle >= 0 else { throw Failure("opening directory \(directory)") }
            defer { close(handle) }
            guard fsync(handle) == 0 else { throw Failure("syncing directory \(directory)") }
        }
    }

    // MARK: - Reading

    /// Streams a file through SHA-256 without loading it whole.
    static func digest(ofFileAt path: String) throws(Failure) -> Digest {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure("opening \(path)") }
        defer { close(descriptor) }
        var hasher = SHA256()
        var size = 0
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try readChunk(descriptor, into: &buffer, path: path)
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            size += count
        }
        return Digest(size: size, sha256: hex(hasher.finalize()))
    }

    /// Reads a whole file, refusing one larger than `limit` bytes.
    static func readFile(at path: String, limit: Int) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure("opening \(path)") }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try readChunk(descriptor, into: &buffer, path: path)
            if count == 0 { break }
            guard data.count + count <= limit else {
                throw Failure("reading \(path) (larger than \(limit) bytes)", EFBIG)
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    private static func readChunk(_ descriptor: Int32, into buffer: inout [UInt8], path: String) throws(Failure) -> Int
    {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw Failure("reading \(path)")
        }
    }

    // MARK: - Directories and kinds

    /// What is at a path, without following a final symbolic link.
    enum Kind: Sendable, Equatable {
        case missing
        case file(size: Int)
        case directory
        case symbolicLink
        case other
    }

    /// The kind of item at `path` (`lstat`).
    static func kind(at path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Creates a directory; succeeds when one already exists.
    static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 { return }
        let number = errno
        if number == EEXIST, kind(at: path) == .directory { return }
        throw Failure("creating directory \(path)", number)
    }

    /// Creates a directory and any missing parents (`mkdir -p`), reporting the `errno` of the step that failed.
    static func makeDirectories(_ path: String) throws(Failure) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) == 0 { continue }
            let number = errno
            if number == EEXIST {
                var info = stat()
                // An existing directory, or a link to one, is fine; anything else is in the way.
                if stat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                throw Failure("creating directory \(current)", ENOTDIR)
            }
            throw Failure("creating directory \(current)", number)
        }
    }

    /// Creates a directory that must not exist yet.
    static func makeNewDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 else { throw Failure("creating directory \(path)") }
    }

    /// The absolute path with every symbolic link resolved, or `nil` when it does not exist.
    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in a directory, `.` and `..` excluded.
    static func contents(ofDirectory path: String) throws(Failure) -> [String] {
        guard let stream = opendir(path) else { throw Failure("listing \(path)") }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            // Read the name in place: a directory record can be shorter than `struct dirent`, so the struct
            // must not be copied whole.
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) { tuple in
                UnsafeRawPointer(tuple).withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    // MARK: - Hashing

    /// The SHA-256 of some bytes in lowercase hexadecimal.
    static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lowercase hexadecimal of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
