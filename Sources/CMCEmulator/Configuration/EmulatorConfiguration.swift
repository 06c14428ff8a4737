public import Foundation
public import ServerLimits

/// Everything that shapes one emulator instance: where it listens, its coin universe, the key and
/// plan it enforces, how slow it is and which faults and hostile logos it serves.
///
/// Every property has a default, so tests set only what they need:
///
/// ```swift
/// var configuration = EmulatorConfiguration()
/// configuration.coins = 300
/// configuration.rateLimitWindow = .seconds(1)
/// configuration.faults = [FaultRule(kind: .serverError, count: 2)]
/// ```
public struct EmulatorConfiguration: Sendable {
    /// The address to bind. Default `127.0.0.1`.
    public var host: String = "127.0.0.1"
    /// The port to bind; `0` picks a free port. Default `0`.
    public var port: Int = 0
    /// How many active coins the universe holds. Default `9000`.
    public var coins: Int = 9000
    /// The seed of the deterministic universe and of the market drift. Default `42`.
    public var seed: UInt64 = 42
    /// The one valid API key. Default `"emulator-key"`.
    public var apiKey: String = "emulator-key"
    /// The plan the key is on: rate limit, credit caps, refused endpoints, convert limit. Default ``EmulatorPlan/basic``.
    public var plan: EmulatorPlan = .basic
    /// The length of the fixed rate-limit windows, aligned to multiples of this duration since the Unix epoch.
    ///
    /// The default of 60 s is the UTC minute, like CMC. Tests use 1–2 s.
    public var rateLimitWindow: Duration = .seconds(60)
    /// How often market values move. Within one interval every answer carries identical values and the
    /// same `last_updated` (CMC's 60 s cache). Default 60 s.
    public var dataRefreshInterval: Duration = .seconds(60)
    /// When set, 429 answers carry `Retry-After` with this many seconds. Real CMC sends none. Default `nil`.
    public var retryAfterSeconds: Int? = nil
    /// Added before every API answer. Default zero.
    public var apiLatency: Duration = .zero
    /// Added before every logo answer. Default zero.
    public var logoLatency: Duration = .zero
    /// How long a ``FaultRule/Kind/stall`` fault keeps the connection silent before closing it. Default 30 s.
    public var stallDuration: Duration = .seconds(30)
    /// Fault rules, checked in order for every request; the first rule that fires decides. Default none.
    public var faults: [FaultRule] = []
    /// Hostile logos: the coin ranked `i + 1` gets `hostileLogos[i]` as its info `logo`. Default none.
    public var hostileLogos: [HostileLogoKind] = []
    /// Request targets (path and query) longer than this get `414 URI Too Long`. Default 8192.
    public var maxRequestTargetLength: Int = 8192
    /// When set, an info or quotes call naming more ids, slugs or symbols than this gets a 400 whose
    /// message contains "Too many". Default `nil` (no limit, like CMC's documentation).
    public var maxIDsPerRequest: Int? = nil
    /// Whether two low-ranked coins carry HTML/script text in their name and description. Default `true`.
    public var includeHostileText: Bool = true
    /// The header and idle timeouts and the connection limit of the server. Default 10 s for a new
    /// connection's first request head, 60 s idle, 512 connections at once.
    public var connectionLimits: ConnectionLimits = ConnectionLimits()
    /// The wall clock used for rate windows, credit days and months, market drift and timestamps.
    public var now: @Sendable () -> Date = { Date() }

    /// Creates a configuration; every argument has the default documented on its property.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        coins: Int = 9000,
        seed: UInt64 = 42,
        apiKey: String = "emulator-key",
        plan: EmulatorPlan = .basic,
        rateLimitWindow: Duration = .seconds(60),
        dataRefreshInterval: Duration = .seconds(60),
        retryAfterSeconds: Int? = nil,
        apiLatency: Duration = .zero,
        logoLatency: Duration = .zero,
        stallDuration: Duration = .seconds(30),
        faults: [FaultRule] = [],
        hostileLogos: [HostileLogoKind] = [],
        maxRequestTargetLength: Int = 8192,
        maxIDsPerRequest: Int? = nil,
        includeHostileText: Bool = true,
        connectionLimits: ConnectionLimits = ConnectionLimits(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.coins = coins
        self.seed = seed
        self.apiKey = apiKey
        self.plan = plan
        self.rateLimitWindow = rateLimitWindow
        self.dataRefreshInterval = dataRefreshInterval
        self.retryAfterSeconds = retryAfterSeconds
        self.apiLatency = apiLatency
        self.logoLatency = logoLatency
        self.stallDuration = stallDuration
        self.faults = faults
        self.hostileLogos = hostileLogos
        self.maxRequestTargetLength = maxRequestTargetLength
        self.maxIDsPerRequest = maxIDsPerRequest
        self.includeHostileText = includeHostileText
        self.connectionLimits = connectionLimits
        self.now = now
    }

    /// Checks the values that would make the emulator misbehave.
    ///
    /// - Throws: ``EmulatorConfigurationError`` naming the first bad value.
    public func validate() throws(EmulatorConfigurationError) {
        guard coins >= 1 else { throw .invalid("coins must be at least 1, got \(coins)") }
        guard coins <= 200_000 else { throw .invalid("coins must be at most 200000, got \(coins)") }
        guard (0...65_535).contains(port) else { throw .invalid("port must be 0...65535, got \(port)") }
        guard !apiKey.isEmpty else { throw .invalid("apiKey must not be empty") }
        guard rateLimitWindow > .zero else { throw .invalid("rateLimitWindow must be positive") }
        guard dataRefreshInterval > .zero else { throw .invalid("dataRefreshInterval must be positive") }
        guard apiLatency >= .zero, logoLatency >= .zero, stallDuration >= .zero else {
            throw .invalid("latencies and stallDuration must not be negative")
        }
        guard maxRequestTargetLength >= 16 else { throw .invalid("maxRequestTargetLength must be at least 16") }
        if let maxIDsPerRequest, maxIDsPerRequest < 1 {
            throw .invalid("maxIDsPerRequest must be at least 1, got \(maxIDsPerRequest)")
        }
        if let retryAfterSeconds, retryAfterSeconds < 0 {
            throw .invalid("retryAfterSeconds must not be negative, got \(retryAfterSeconds)")
        }
        guard hostileLogos.count <= coins else {
            throw .invalid("hostileLogos has \(hostileLogos.count) entries but the universe has only \(coins) coins")
        }
        do {
            try connectionLimits.validate()
        } catch {
            throw .invalid(error.message)
        }
        try plan.validate()
        for rule in faults { try rule.validate() }
    }
}
