import CoreMetrics
import Foundation

/// The client's metrics: answers by endpoint and HTTP status, retries and waits by reason, credits charged.
///
/// Every metric is created through the configured factory (``CMCClient/Configuration/metricsFactory``, or
/// swift-metrics' global one), so a program that never bootstraps a metrics backend pays nothing, and a test
/// can pass a factory of its own. The names are listed in the README's "Metrics" section.
struct ClientMetrics: Sendable {
    let factory: any MetricsFactory

    /// An HTTP answer (or none, for a transport failure) to one attempt.
    func answered(endpoint: String, httpStatus: Int?) {
        Counter(
            label: "coinpipe_requests_total",
            dimensions: [("endpoint", endpoint), ("status", httpStatus.map(String.init) ?? "none")],
            factory: factory
        ).increment()
    }

    /// An attempt that failed and is about to be retried.
    func retrying(endpoint: String, reason: String) {
        Counter(
            label: "coinpipe_retries_total",
            dimensions: [("endpoint", endpoint), ("reason", reason)],
            factory: factory
        ).increment()
    }

    /// A pause before a call: backoff, a rate window, `Retry-After` or the client-side limiter.
    func waited(reason: String, _ duration: Duration) {
        Counter(label: "coinpipe_waits_total", dimensions: [("reason", reason)], factory: factory).increment()
        let parts = duration.components
        FloatingPointCounter(label: "coinpipe_wait_seconds_total", dimensions: [("reason", reason)], factory: factory)
            .increment(by: Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    /// Credits the server charged for a successful call.
    func charged(endpoint: String, credits: Int) {
        Counter(label: "coinpipe_credits_used_total", dimensions: [("endpoint", endpoint)], factory: factory)
            .increment(by: Int64(max(0, credits)))
    }

    /// A metric label for the class of a retried failure: `transport_error`, `http_error`, `api_error`…
    static func reason(_ error: CMCError) -> String {
        error.code.description.lowercased().replacingOccurrences(of: " ", with: "_")
    }
}
