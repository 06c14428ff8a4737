import Foundation

/// The result of a run, as printed by `coinpipe collect` (one JSON object with `--json`).
public struct RunSummary: Sendable, Hashable, Codable {
    /// The run id.
    public var runID: String
    /// The run folder.
    public var path: String
    /// The final status.
    public var status: RunStatus
    /// Counts of coins, metadata and logos.
    public var counts: RunCounts
    /// Credits spent by this invocation.
    public var creditsUsed: Int
    /// Wall time of this invocation in seconds.
    public var durationSeconds: Double
    /// Wall time of each stage this invocation ran, in seconds, keyed by stage name.
    public var stageSeconds: [String: Double]
    /// Failures recorded in the manifest.
    public var failures: [RunFailure]
    /// The CMC `error_code`s the run's requests met (for example 1009 or 1010, a credit limit reached), so a
    /// caller need not read the manifest back. Not part of the printed summary.
    public var cmcErrorCodes: Set<Int> = []

    enum CodingKeys: String, CodingKey {
        case path, status, counts, failures
        case runID = "run_id"
        case creditsUsed = "credits_used"
        case durationSeconds = "duration_s"
        case stageSeconds = "stage_s"
    }

    /// A few lines for people.
    public var text: String {
        var lines = [
            "run \(runID): \(status.rawValue)",
            "  folder   \(path)",
            "  coins    \(counts.coins)",
            "  info     \(counts.info)",
            "  logos    \(counts.logosDownloaded) downloaded, \(counts.logosCached) from cache, \(counts.logosFailed) failed",
            "  credits  \(creditsUsed)",
            "  time     \(String(format: "%.1f", durationSeconds)) s",
        ]
        if !failures.isEmpty {
            lines.append("  \(failures.count) failure(s), listed in manifest.json; first: \(failures[0].reason)")
        }
        return lines.joined(separator: "\n")
    }
}
