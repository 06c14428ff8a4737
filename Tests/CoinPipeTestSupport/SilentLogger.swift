public import Logging

/// A logger that records nothing, for tests whose subject logs.
public func silentLogger() -> Logger {
    var logger = Logger(label: "silent", factory: { _ in SwiftLogNoOpLogHandler() })
    logger.logLevel = .critical
    return logger
}
