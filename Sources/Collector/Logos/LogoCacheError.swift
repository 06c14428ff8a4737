/// The logo cache could not store an entry.
///
/// The cache is an optimization: ``LogoFetcher`` logs this error and still saves the logo.
public struct LogoCacheError: Error, Sendable, CustomStringConvertible, Hashable {
    /// A sentence naming the cache path and the cause.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameter message: A sentence naming the cache path and the cause.
    public init(message: String) {
        self.message = message
    }

    public var description: String { "logo cache: \(message)" }
}
