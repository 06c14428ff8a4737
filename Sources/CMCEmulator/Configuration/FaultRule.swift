/// One fault-injection rule: which requests it hits and what goes wrong.
///
/// Rules are checked in order for every request; a rule *matches* a request whose path starts with
/// ``pathPrefix`` (or any API path when it is `nil`), and *fires* on:
/// - the first ``count`` matches when only `count` is set;
/// - a deterministic ``share`` of matches when `share` is set (evenly spread: with 0.25 the 1st, 5th,
///   9th… match fires), at most `count` times when both are set;
/// - every match when neither is set.
///
/// The first rule that fires decides the request's fate; later rules do not see it. A faulted request
/// costs no credits and does not count toward the rate limit, except ``Kind/truncate`` and
/// ``Kind/truncateJSON``, which are served normally (and charged) and then mangled.
public struct FaultRule: Sendable, Equatable {
    /// What goes wrong.
    public enum Kind: String, Sendable, CaseIterable {
        /// HTTP 500 with the CMC envelope, `error_code` 500 and "An internal server error occurred".
        case serverError
        /// HTTP 502 with a gateway-style body `{"statusCode":502,"error":"Bad Gateway","message":"…"}`.
        case badGateway
        /// HTTP 503 with a `text/html` error page.
        case htmlError
        /// The connection is closed without any response.
        case drop
        /// The head announces the full `Content-Length`, half the body follows, then the connection closes.
        case truncate
        /// A complete HTTP 200 message whose JSON body is cut in half (`Content-Length` matches the cut body).
        case truncateJSON
        /// No answer for ``EmulatorConfiguration/stallDuration``, then the connection closes.
        case stall
        /// HTTP 200 whose `status.error_code` is 500, with no `data`.
        case errorOn200
        /// HTTP 429 with `error_code` 1008 (minute rate limit).
        case rateLimit
        /// HTTP 429 with `error_code` 1011 (IP rate limit).
        case ipRateLimit
        /// HTTP 429 with `error_code` 1009 (daily credits).
        case dailyLimit
        /// HTTP 429 with `error_code` 1010 (monthly credits).
        case monthlyLimit
    }

    /// What goes wrong.
    public var kind: Kind
    /// The path prefix a request must have to match; `nil` matches every API path (never logos or
    /// `/__stats`). `"/static"` targets logos.
    public var pathPrefix: String?
    /// How many times the rule fires at most; `nil` for no limit.
    public var count: Int?
    /// The share of matches that fire, `0...1`; `nil` for all of them.
    public var share: Double?

    /// Creates a rule.
    public init(kind: Kind, pathPrefix: String? = nil, count: Int? = nil, share: Double? = nil) {
        self.kind = kind
        self.pathPrefix = pathPrefix
        self.count = count
        self.share = share
    }

    func validate() throws(EmulatorConfigurationError) {
        if let count, count < 0 { throw .invalid("fault \(kind.rawValue): count must not be negative") }
        if let share, !(0...1).contains(share) {
            throw .invalid("fault \(kind.rawValue): share must be within 0...1, got \(share)")
        }
        if let pathPrefix, !pathPrefix.hasPrefix("/") {
            throw .invalid("fault \(kind.rawValue): path prefix must start with \"/\", got \"\(pathPrefix)\"")
        }
    }

    /// Whether the rule applies to a path at all.
    func matches(path: String, isAPIPath: Bool) -> Bool {
        guard let pathPrefix else { return isAPIPath }
        return path.hasPrefix(pathPrefix)
    }
}
