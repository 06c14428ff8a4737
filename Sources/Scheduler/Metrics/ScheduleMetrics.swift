import Collector
import CoreMetrics
import Foundation

/// The schedule's metrics: runs by status, stage durations, logo cache hits and misses, credits left,
/// the last successful run and the interval in force. The names are listed in the README's "Metrics" section.
struct ScheduleMetrics: Sendable {
    let factory: any MetricsFactory

    /// A finished run (a listings-only run records no metadata or logo stage).
    func ran(_ outcome: ScheduledRunOutcome, withInfo: Bool, endedAt: Date) {
        Counter(label: "coinpipe_runs_total", dimensions: [("status", outcome.status.rawValue)], factory: factory)
            .increment()
        if outcome.storeFailed {
            Counter(label: "coinpipe_store_load_failures_total", factory: factory).increment()
        }
        if outcome.isUsable {
            Gauge(label: "coinpipe_last_success_timestamp_seconds", factory: factory)
                .record(endedAt.timeIntervalSince1970.rounded(.down))
        }
        guard let summary = outcome.summary else { return }
        for (stage, seconds) in summary.stageSeconds.sorted(by: { $0.key < $1.key })
        where withInfo || stage == "listings" {
            CoreMetrics.Timer(
                label: "coinpipe_stage_duration_seconds",
                dimensions: [("stage", stage)],
                factory: factory
            )
            .recordNanoseconds(Int64((seconds * 1e9).rounded()))
        }
        if summary.counts.logosExpected > 0 {
            Counter(label: "coinpipe_logo_cache_hits_total", factory: factory)
                .increment(by: Int64(summary.counts.logosCached))
            Counter(label: "coinpipe_logo_cache_misses_total", factory: factory)
                .increment(by: Int64(summary.counts.logosDownloaded))
        }
    }

    /// Ticks that came while a run was still going.
    func skipped(_ count: Int) {
        Counter(label: "coinpipe_ticks_skipped_total", factory: factory).increment(by: Int64(count))
    }

    /// The interval in force.
    func interval(_ interval: ScheduleInterval) {
        Gauge(label: "coinpipe_schedule_interval_seconds", factory: factory).record(Double(interval.seconds))
    }

    /// Credits left, from key/info.
    func creditsLeft(_ decision: CreditGovernor.Decision) {
        if let left = decision.monthlyCreditsLeft {
            Gauge(label: "coinpipe_credits_left", dimensions: [("period", "month")], factory: factory)
                .record(Double(left))
        }
        if let left = decision.dailyCreditsLeft {
            Gauge(label: "coinpipe_credits_left", dimensions: [("period", "day")], factory: factory)
                .record(Double(left))
        }
    }
}
