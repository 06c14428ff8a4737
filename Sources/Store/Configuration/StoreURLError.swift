/// A `--store` value that cannot be used.
public struct StoreURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the value, in words a user can act on (never containing a password).
    public var message: String

    /// Creates an error.
    ///
    /// - Parameter message: What is wrong, without any secret.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
