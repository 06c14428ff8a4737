/// A run folder operation that could not be done, with the path involved and how to fix it.
public struct RunFolderError: Error, Sendable, CustomStringConvertible, Hashable {
    /// What went wrong, as a stable, extensible code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidPath = "invalid path"
            case outsideRunFolder = "outside the run folder"
            case alreadyExists = "already exists"
            case notFound = "not found"
            case io = "I/O failure"
            case unusableOutputRoot = "unusable output root"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The relative path is empty, absolute, has `.` or `..` components or characters outside
        /// `[A-Za-z0-9._-]`.
        public static let invalidPath = Code(.invalidPath)
        /// The path, once symbolic links are resolved, leads outside the run folder.
        public static let outsideRunFolder = Code(.outsideRunFolder)
        /// The run folder (or another item that must be new) already exists.
        public static let alreadyExists = Code(.alreadyExists)
        /// The run folder or file does not exist, or is not the kind of item expected.
        public static let notFound = Code(.notFound)
        /// The operating system refused a read, write, rename or directory creation.
        public static let io = Code(.io)
        /// The output root (or a new run folder in it) cannot be created: a file is in the way, the file
        /// system is read-only or full, or permission is denied. Nothing was collected; choose another `--out`.
        public static let unusableOutputRoot = Code(.unusableOutputRoot)

        /// A short, stable text for logs.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The path involved: relative to the run folder when there is one, else absolute.
    public var path: String
    /// A sentence naming the path, the cause and the fix.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The path involved.
    ///   - message: A sentence naming the path, the cause and the fix.
    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
