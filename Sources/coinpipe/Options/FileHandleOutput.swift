import Foundation

/// Writes user-facing messages to stderr (errors, progress), keeping stdout for results.
enum FileHandleOutput {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
