/// A configuration value, fault specification or plan name the emulator cannot use.
public struct EmulatorConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words meant for a person.
    public let message: String

    /// Creates an error with a message.
    public init(message: String) {
        self.message = message
    }

    static func invalid(_ message: String) -> Self {
        Self(message: message)
    }

    /// The message.
    public var description: String { message }
}
