import AsyncHTTPClient
public import CoreMetrics
public import Foundation
public import Logging

/// A client for the CoinMarketCap Pro API.
///
/// The client turns ``CMCEndpoint`` values into HTTP calls and answers into typed values, and takes
/// care of everything between: the key header, gzip, CMC's error taxonomy (checked even on HTTP 200),
/// retries with backoff, waiting out rate limits, a client-side limiter so 429s are not provoked in the
/// first place, and credit accounting.
///
/// ```swift
/// try await CMCClient.withClient(configuration: .init(apiKey: key), logger: logger) { client in
///     let page = try await client.listingsLatest(ListingsQuery(limit: 100))
///     print(page.value.items.count, "coins for", page.status.creditCount ?? 0, "credits")
/// }
/// ```
public struct CMCClient: Sendable {
    /// Everything that shapes how the client talks to the API.
    public struct Configuration: Sendable {
        /// The API root: production by default, the sandbox, or a loopback emulator.
        public var baseURL: URL
        /// The key sent in `X-CMC_PRO_API_KEY`. Required for every endpoint.
        public var apiKey: APIKey?
        /// The longest one HTTP exchange may take.
        public var requestTimeout: Duration
        /// Retries for transient failures.
        public var retry: RetryPolicy
        /// Calls allowed per rate window, when set explicitly (`--rate-limit`); `nil` lets
        /// ``CMCClient/adoptPlanLimits()`` take it from `/v1/key/info`, with ``provisionalCallsPerWindow`` in
        /// force until then.
        public var callsPerWindow: Int?
        /// The limit the client keeps to before the plan's is known (every call counts from the first, the
        /// key/info call and its retries included): 30, what CMC's smallest plan allows a minute.
        public var provisionalCallsPerWindow: Int = 30
        /// The rate window: CMC counts calls per UTC minute.
        public var rateWindow: Duration
        /// The most API calls in flight at once (batched helpers use this width).
        public var maxConcurrentRequests: Int
        /// The credit rules used to predict costs.
        public var creditRules: CreditRules
        /// The most credits this client may spend, if limited.
        public var creditBudget: Int?
        /// Ask for gzip-compressed answers.
        public var acceptGzip: Bool
        /// The largest API body accepted.
        public var maxBodyBytes: Int
        /// The `User-Agent` header.
        public var userAgent: String
        /// Where the client (and a ``Collector`` built on it) reports metrics; `nil` uses swift-metrics'
        /// global `MetricsSystem.factory`, which records nothing until a program bootstraps a backend.
        public var metricsFactory: (any MetricsFactory)?

        /// Creates a configuration; every argument has a sensible default.
        public init(
            baseURL: URL = CMCClient.productionURL,
            apiKey: APIKey? = nil,
            requestTimeout: Duration = .seconds(60),
            retry: RetryPolicy = .default,
            callsPerWindow: Int? = nil,
            rateWindow: Duration = .seconds(60),
            maxConcurrentRequests: Int = 4,
            creditRules: CreditRules = CreditRules(),
            creditBudget: Int? = nil,
            acceptGzip: Bool = true,
            maxBodyBytes: Int = 256 << 20,
            userAgent: String = "CoinPipe/\(CoinPipeVersion.current)",
            metricsFactory: (any MetricsFactory)? = nil
        ) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.requestTimeout = requestTimeout
            self.retry = retry
            self.callsPerWindow = callsPerWindow
            self.rateWindow = rateWindow
            self.maxConcurrentRequests = max(1, maxConcurrentRequests)
            self.creditRules = creditRules
            self.creditBudget = creditBudget
            self.acceptGzip = acceptGzip
            self.maxBodyBytes = maxBodyBytes
            self.userAgent = userAgent
            self.metricsFactory = metricsFactory
        }
    }

    /// `https://pro-api.coinmarketcap.com`
    public static let productionURL = staticURL("https://pro-api.coinmarketcap.com")
    /// `https://sandbox-api.coinmarketcap.com` (mock data, separate keys).
    public static let sandboxURL = staticURL("https://sandbox-api.coinmarketcap.com")

    /// The configuration in force (with the base URL normalised).
    public let configuration: Configuration
    /// The client-side rate limiter.
    public let limiter: RateLimiter
    /// Credits spent by this client.
    public let ledger: CreditLedger
    /// Every exchange this client made, for manifests and reports.
    public let exchanges: ExchangeLog
    let transport: any HTTPTransport
    let clock: any WallClock
    let logger: Logger
    let random: @Sendable () -> Double

    /// The metrics this client reports to.
    var metrics: ClientMetrics { ClientMetrics(factory: configuration.metricsFactory ?? MetricsSystem.factory) }

    /// Creates a client over a transport.
    ///
    /// - Throws: ``CMCError`` with code ``CMCError/Code/invalidConfiguration`` when the base URL is not
    ///   `https://`, or plain `http://` to a host that is not loopback, or carries credentials or a query.
    public init(
        configuration: Configuration,
        transport: any HTTPTransport,
        logger: Logger,
        clock: any WallClock = SystemWallClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws(CMCError) {
        var configuration = configuration
        configuration.baseURL = try Self.validatedBaseURL(configuration.baseURL)
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
        self.clock = clock
        self.random = random
        self.limiter = RateLimiter(
            .init(
                callsPerWindow: configuration.callsPerWindow ?? configuration.provisionalCallsPerWindow,
                window: configuration.rateWindow
            ),
            clock: clock
        )
        self.ledger = CreditLedger(budget: configuration.creditBudget)
        self.exchanges = ExchangeLog()
    }

    /// Runs `body` with a client backed by a new AsyncHTTPClient, shutting it down afterwards on every path.
    ///
    /// Proxies come from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` in `environment`.
    public static func withClient<Result: Sendable>(
        configuration: Configuration,
        logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (CMCClient) async throws -> Result
    ) async throws -> Result {
        let options = transportOptions(for: configuration, environment: environment)
        return try await AsyncHTTPClientTransport.withHTTPClient(AsyncHTTPClientTransport.makeHTTPClient(options)) {
            httpClient in
            let client = try CMCClient(
                configuration: configuration,
                transport: AsyncHTTPClientTransport(client: httpClient),
                logger: logger
            )
            return try await body(client)
        }
    }

    /// The HTTP client options for a client configuration: the one place its settings become transport
    /// options (read timeout, proxy, connections per host).
    ///
    /// - Parameters:
    ///   - configuration: The client configuration.
    ///   - extraConnections: Connections wanted beside the API calls on the same host (logo downloads).
    ///   - environment: For `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`.
    /// - Returns: The options.
    public static func transportOptions(
        for configuration: Configuration,
        extraConnections: Int = 0,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AsyncHTTPClientTransport.Options {
        var options = AsyncHTTPClientTransport.Options()
        options.readTimeout = configuration.requestTimeout
        options.proxy = ProxySettings.proxy(for: configuration.baseURL, environment: environment)
        options.connectionsPerHost = max(configuration.maxConcurrentRequests, extraConnections, 4)
        return options
    }

    /// Checks and normalises a base URL.
    ///
    /// - Throws: ``CMCError`` (``CMCError/Code/invalidConfiguration``) naming the problem and the fix.
    public static func validatedBaseURL(_ url: URL) throws(CMCError) -> URL {
        func refuse(_ message: String, _ hint: String) -> CMCError {
            CMCError(code: .invalidConfiguration, endpoint: "base URL", message: message, hint: hint)
        }
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
        else {
            throw refuse(
                "'\(url.absoluteString)' is not an absolute URL",
                "Use for example https://pro-api.coinmarketcap.com."
            )
        }
        guard components.user == nil, components.password == nil else {
            throw refuse(
                "the base URL must not carry credentials",
                "Pass the API key through CMC_API_KEY or --api-key-file."
            )
        }
        guard components.query == nil, components.fragment == nil else {
            throw refuse(
                "the base URL must not have a query or fragment",
                "Never put the API key in a URL; use CMC_API_KEY or --api-key-file."
            )
        }
        switch scheme {
        case "https": break
        case "http":
            guard ProxySettings.isLoopback(host) else {
                throw refuse(
                    "plain http:// is refused for \(host): the API key would travel unencrypted",
                    "Use https://, or http:// only for a loopback host such as the built-in emulator."
                )
            }
        default:
            throw refuse("unsupported scheme '\(scheme)'", "Use https://.")
        }
        components.scheme = scheme
        if components.path.hasSuffix("/") { components.path.removeLast() }
        guard let normalised = components.url else {
            throw refuse(
                "'\(url.absoluteString)' is not a valid URL",
                "Use for example https://pro-api.coinmarketcap.com."
            )
        }
        return normalised
    }

    private static func staticURL(_ text: String) -> URL {
        guard let url = URL(string: text) else { preconditionFailure("invalid built-in URL \(text)") }
        return url
    }
}

/// The version of CoinPipe, reported in manifests and the `User-Agent`.
public enum CoinPipeVersion {
    /// The current version.
    public static let current = "0.1.0"
}
