public import Foundation

/// A fresh directory under the system temporary directory for `body`, removed with everything in it when
/// `body` returns or throws, so a test never leaves files behind and never shares a directory.
///
/// - Parameter body: Uses the directory.
/// - Returns: What `body` returns.
public func withTemporaryDirectory<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let url = FileManager.default.temporaryDirectory.appending(path: "coinpipe-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
