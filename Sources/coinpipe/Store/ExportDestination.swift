import ArgumentParser
import Foundation

/// Where `export` writes: stdout, or a file written under a temporary name and renamed when complete.
final class ExportDestination {
    private let handle: FileHandle
    private let path: String?
    private let partialPath: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            partialPath = nil
            return
        }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil) else {
            throw ValidationError("cannot create \(partial).")
        }
        guard let handle = FileHandle(forWritingAtPath: partial) else {
            throw ValidationError("cannot open \(partial) for writing.")
        }
        self.handle = handle
        partialPath = partial
    }

    func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Closes the file and renames it into place.
    func finish() throws {
        guard let path, let partialPath else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
        try FileManager.default.moveItem(atPath: partialPath, toPath: path)
    }

    /// Removes a half-written file.
    func abandon() {
        guard let partialPath else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partialPath)
    }
}
