/// How many times, and how patiently, a failed request is tried again.
///
/// Transient failures (HTTP 5xx, timeouts, dropped or truncated responses) back off exponentially with
/// full jitter: the n-th wait is a random duration between half and all of
/// `min(maxBackoff, initialBackoff × 2^(n-1))`. Retrying stops after ``maxAttempts`` attempts or
/// when the next wait would push the total time spent waiting past ``maxTotalWait``.
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts for one request, the first one included.
    public var maxAttempts: Int
    /// The first backoff.
    public var initialBackoff: Duration
    /// The longest single backoff.
    public var maxBackoff: Duration
    /// The most time one request may spend waiting between attempts, rate-limit waits included.
    public var maxTotalWait: Duration
    /// The most attempts for one request while no connection can be made at all (refused, unresolvable,
    /// unreachable), the first one included; never more than ``maxAttempts``. Such a failure is most often
    /// a wrong base URL, so it is retried only a few times, with the same short backoff.
    public var maxConnectAttempts: Int

    /// Creates a policy.
    public init(
        maxAttempts: Int = 6,
        initialBackoff: Duration = .milliseconds(250),
        maxBackoff: Duration = .seconds(20),
        maxTotalWait: Duration = .seconds(180),
        maxConnectAttempts: Int = 3
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxTotalWait = maxTotalWait
        self.maxConnectAttempts = max(1, maxConnectAttempts)
    }

    /// The default policy: 6 attempts (3 while no connection can be made), 250 ms doubling to at most 20 s, 3
    /// minutes of waiting at most.
    public static let `default` = RetryPolicy()

    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff before attempt `attempt + 1`, after `attempt` failed attempts (1-based).
    ///
    /// - Parameter random: a number in `0..<1`, injected so that tests are deterministic.
    public func backoff(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let base = initialBackoff * (1 << exponent)
        let capped = min(base, maxBackoff)
        // "Equal jitter": at least half the computed wait, so backoff still grows.
        return capped * (0.5 + 0.5 * min(max(random, 0), 1))
    }
}
