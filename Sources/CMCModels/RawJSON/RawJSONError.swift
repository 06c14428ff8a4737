/// A JSON syntax problem found by ``RawJSON``: where (a byte offset) and what.
public struct RawJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset of the problem, counted from the first byte of the scanned collection.
    ///
    /// For truncated input this is the collection's length.
    public var offset: Int

    /// What was wrong, e.g. `unexpected end of input inside a string that starts at byte 120`.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - offset: The byte offset of the problem.
    ///   - message: What was wrong.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `invalid JSON at byte <offset>: <message>`.
    public var description: String {
        "invalid JSON at byte \(offset): \(message)"
    }
}
