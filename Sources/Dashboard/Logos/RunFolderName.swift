import Foundation

/// Run ids that may become a path component under the output root.
enum RunFolderName {
    /// The canonical (lower-case) form of a UUID run id, or `nil` when `text` is not a UUID.
    static func uuid(_ text: String) -> String? {
        UUID(uuidString: text).map { $0.uuidString.lowercased() }
    }

    /// Whether a run id read from the store is a safe single path component: 1–128 ASCII letters, digits,
    /// `-`, `_` or `.`, not starting with a dot (so never `..`, never a separator).
    static func isSafe(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && !id.hasPrefix(".")
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            }
    }
}
