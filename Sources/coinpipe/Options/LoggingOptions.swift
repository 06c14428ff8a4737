import ArgumentParser
import Foundation
import Logging

/// `--log-level`, shared by every command.
struct LoggingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Log level: trace, debug, info, notice, warning, error or critical (default: env LOG_LEVEL, else info).",
            valueName: "level"
        )
    )
    var logLevel: String?

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError(
                "'\(logLevel)' is not a log level; use trace, debug, info, notice, warning, error or critical."
            )
        }
    }

    /// The resolved level.
    var level: Logger.Level {
        let text = logLevel ?? ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"
        return Logger.Level(rawValue: text.lowercased()) ?? .info
    }

    /// Logs go to stderr; stdout carries only results.
    func makeLogger(label: String) -> Logger {
        LoggingBootstrap.once()
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// Installs the stderr log handler once per process.
enum LoggingBootstrap {
    private static let done: Void = {
        LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
    }()

    static func once() { _ = done }
}
