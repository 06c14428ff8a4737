import ArgumentParser
import Foundation
import Store

/// `--since` or `--from`/`--to`: a window of CMC `last_updated` times.
struct TimeWindowOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Only quotes from this long ago on: 90m, 12h, 7d, 2w, or a date (UTC).", valueName: "age")
    )
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only quotes from this time on (ISO 8601, UTC).", valueName: "time"))
    var from: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Only quotes before this time (a bare date includes that day).", valueName: "time")
    )
    var to: String?

    func validate() throws {
        if since != nil, from != nil || to != nil {
            throw ValidationError("--since cannot be combined with --from or --to; use one or the other.")
        }
        _ = try range(now: EpochMillis(Date()))
    }

    /// Whether any bound was given.
    var isSet: Bool { since != nil || from != nil || to != nil }

    /// The window, relative to `now`.
    ///
    /// - Throws: `ValidationError` for a bound that cannot be read.
    func range(now: EpochMillis) throws -> TimeRange {
        do {
            if let since {
                return try TimeRange.since(since, now: now)
            }
            return try TimeRange.between(from: from, to: to, now: now)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
