import Foundation

/// A failed CoinMarketCap API call.
///
/// Carries everything needed to understand the failure without a debugger: the endpoint, the HTTP
/// status, CMC's own `error_code` and `error_message`, the credits charged and how many attempts
/// were made. Its ``description`` never contains the API key.
public struct CMCError: Error, Sendable, CustomStringConvertible {
    /// The class of failure, as a stable, extensible code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case api = "API error"
            case http = "HTTP error"
            case gateway = "gateway error"
            case transport = "transport error"
            case malformedBody = "malformed response"
            case missingKey = "missing API key"
            case invalidConfiguration = "invalid configuration"
            case budget = "credit budget exceeded"
            case reconciliation = "inconsistent pages"
            case cancelled = "cancelled"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// CMC answered with a non-zero `status.error_code` (on any HTTP status, 200 included).
        public static let api = Code(.api)
        /// A non-2xx HTTP status with a body that is neither a CMC envelope nor a gateway body.
        public static let http = Code(.http)
        /// An edge/gateway answered with `{statusCode, error, message}` instead of a CMC envelope.
        public static let gateway = Code(.gateway)
        /// Nothing usable arrived: timeouts, refused, dropped or truncated connections.
        public static let transport = Code(.transport)
        /// A 2xx body that is not complete JSON or not a CMC envelope.
        public static let malformedBody = Code(.malformedBody)
        /// No API key was configured for an endpoint that needs one.
        public static let missingKey = Code(.missingKey)
        /// The client configuration cannot work (for example plain `http://` to a remote host).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The call would spend more credits than the configured budget allows.
        public static let budget = Code(.budget)
        /// Pages of a listing do not add up (duplicate or missing ids).
        public static let reconciliation = Code(.reconciliation)
        /// The task was cancelled.
        public static let cancelled = Code(.cancelled)

        public var description: String { value.rawValue }
    }

    /// The class of failure.
    public var code: Code
    /// The endpoint path, for example `/v1/cryptocurrency/listings/latest`.
    public var endpoint: String
    /// The HTTP status of the last attempt, when a response arrived.
    public var httpStatus: Int?
    /// CMC's `status.error_code` (or the gateway's `statusCode`), when the body carried one.
    public var cmcErrorCode: Int?
    /// The human-readable reason: CMC's `error_message`, the gateway message or a transport detail.
    public var message: String
    /// Credits charged for the failed call (normally 0: CMC does not charge errors).
    public var creditCount: Int
    /// How many attempts were made before giving up.
    public var attempts: Int
    /// A hint telling the user what to do about it, when there is a useful one.
    public var hint: String?

    /// Creates an error.
    public init(
        code: Code,
        endpoint: String,
        httpStatus: Int? = nil,
        cmcErrorCode: Int? = nil,
        message: String,
        creditCount: Int = 0,
        attempts: Int = 1,
        hint: String? = nil
    ) {
        self.code = code
        self.endpoint = endpoint
        self.httpStatus = httpStatus
        self.cmcErrorCode = cmcErrorCode
        self.message = message
        self.creditCount = creditCount
        self.attempts = attempts
        self.hint = hint
    }

    /// The name CMC gives the error code, such as `API_KEY_INVALID`, when it is one of the platform codes.
    public var cmcErrorName: String? {
        switch cmcErrorCode {
        case 1001: "API_KEY_INVALID"
        case 1002: "API_KEY_MISSING"
        case 1003: "API_KEY_PLAN_REQUIRES_PAYEMENT"
        case 1004: "API_KEY_PLAN_PAYMENT_EXPIRED"
        case 1005: "API_KEY_REQUIRED"
        case 1006: "API_KEY_PLAN_NOT_AUTHORIZED"
        case 1007: "API_KEY_DISABLED"
        case 1008: "API_KEY_PLAN_MINUTE_RATE_LIMIT_REACHED"
        case 1009: "API_KEY_PLAN_DAILY_RATE_LIMIT_REACHED"
        case 1010: "API_KEY_PLAN_MONTHLY_RATE_LIMIT_REACHED"
        case 1011: "IP_RATE_LIMIT_REACHED"
        default: nil
        }
    }

    /// Whether the failure is about the key or the plan, so retrying later with the same key is pointless.
    public var isKeyOrPlanProblem: Bool {
        guard let cmcErrorCode else { return false }
        return (1001...1007).contains(cmcErrorCode) || cmcErrorCode == 1010
    }

    public var description: String {
        var text = "\(endpoint): \(message)"
        var facts: [String] = []
        if let httpStatus { facts.append("HTTP \(httpStatus)") }
        if let cmcErrorCode {
            facts.append("error_code \(cmcErrorCode)" + (cmcErrorName.map { " \($0)" } ?? ""))
        }
        if attempts > 1 { facts.append("after \(attempts) attempts") }
        if creditCount > 0 { facts.append("\(creditCount) credits") }
        if !facts.isEmpty { text += " (" + facts.joined(separator: ", ") + ")" }
        if let hint { text += ". " + hint }
        return text
    }

    /// A copy whose texts have every occurrence of `secret` replaced, as a last line of defence.
    ///
    /// Both the secret as it is and as Swift escapes it in a debug description (`"\u{1B}"` for ESC, as an
    /// error that lists header values prints it) are replaced.
    func redacting(_ secret: String?) -> CMCError {
        guard let secret, !secret.isEmpty else { return self }
        let escaped = String(String(reflecting: secret).dropFirst().dropLast())
        func scrub(_ text: String) -> String {
            var text = text.replacingOccurrences(of: secret, with: "<redacted>")
            if escaped != secret, !escaped.isEmpty {
                text = text.replacingOccurrences(of: escaped, with: "<redacted>")
            }
            return text
        }
        var copy = self
        copy.message = scrub(message)
        copy.hint = hint.map(scrub)
        return copy
    }
}
