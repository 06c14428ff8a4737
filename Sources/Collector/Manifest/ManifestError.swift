/// A manifest that could not be read or written.
public struct ManifestError: Error, Sendable, CustomStringConvertible, Hashable {
    /// What went wrong, as a stable, extensible code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case missing = "missing manifest"
            case unreadable = "unreadable manifest"
            case invalid = "invalid manifest"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The run folder has no `manifest.json` (the run never finished writing it).
        public static let missing = Code(.missing)
        /// `manifest.json` exists but cannot be read or encoded.
        public static let unreadable = Code(.unreadable)
        /// `manifest.json` is not a valid manifest (bad JSON, a missing key, another run's id).
        public static let invalid = Code(.invalid)

        /// A short, stable text for logs.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence naming the run folder, the cause and the fix.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: A sentence naming the run folder, the cause and the fix.
    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
