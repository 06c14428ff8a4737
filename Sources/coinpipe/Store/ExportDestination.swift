import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `export` writes: stdout, or a file written under a temporary name beside it and renamed over it when
/// complete.
///
/// Nothing is ever deleted: an existing directory is refused, an existing file (or symbolic link) is replaced
/// atomically by `rename(2)` only once the new file is whole, and the temporary file is created exclusively, so
/// no file the user has is ever overwritten by it.
final class ExportDestination {
    private let handle: FileHandle
    private let path: String?
    private let partialPath: String?

    /// Opens the destination.
    ///
    /// - Parameter path: The file to write, or `nil` for standard output.
    /// - Throws: `ValidationError` (exit 2) naming the problem and the fix: the path is a directory, its folder
    ///   does not exist, or the temporary file cannot be created there.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            partialPath = nil
            return
        }
        guard !path.isEmpty else { throw ValidationError("--output needs a file name.") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError(
                "--output \(path) is a directory; export writes one file. Name a file, e.g. --output \(path)/quotes.csv."
            )
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw ValidationError("--output \(path): the folder \(folder) does not exist; create it first.")
        }
        let partial = folder + "/." + url.lastPathComponent + ".coinpipe-" + UUID().uuidString + ".partial"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ValidationError(
                "--output \(path): cannot create a file in \(folder) (\(reason)); choose a writable folder."
            )
        }
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        partialPath = partial
    }

    /// Appends text to the file.
    ///
    /// - Throws: ``ExportWriteError`` naming the file and the system's reason (a full disk, a removed folder).
    func write(_ text: String) throws(ExportWriteError) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ExportWriteError(
                message: "cannot write the export to \(path ?? "standard output"): \(Self.reason(error)); "
                    + "free space or choose another --output (nothing was replaced)"
            )
        }
    }

    /// The system's reason for a failed write, from the `errno` Foundation wraps.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if let cocoa = error as? CocoaError, cocoa.code == .fileWriteOutOfSpace {
            return String(cString: strerror(ENOSPC))
        }
        return nsError.localizedDescription
    }

    /// Flushes and closes the file and renames it over the destination in one step.
    func finish() throws {
        guard let path, let partialPath else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(partialPath)
            throw ExportWriteError(
                message: "cannot write the export to \(path): \(Self.reason(error)); free space or choose another "
                    + "--output (nothing was replaced)"
            )
        }
        guard rename(partialPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(partialPath)
            throw ExportWriteError(message: "cannot move the export into place at \(path): \(reason)")
        }
    }

    /// Removes the half-written temporary file (never the destination).
    func abandon() {
        guard let partialPath else { return }
        try? handle.close()
        unlink(partialPath)
    }
}

/// Writing the export failed after it started (disk full, the folder went away…).
struct ExportWriteError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
