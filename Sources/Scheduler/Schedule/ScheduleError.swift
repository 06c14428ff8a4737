/// Why a schedule could not start.
public struct ScheduleError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do; never contains the API key.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
