public import Foundation

/// One CMC API call, ready to send: a path, its query and its predicted cost.
public struct CMCEndpoint: Sendable, Hashable {
    /// The path below the base URL, for example `/v1/cryptocurrency/listings/latest`.
    public var path: String
    /// The query, in the order it is sent. Never holds the API key.
    public var queryItems: [URLQueryItem]
    /// The credits this call is predicted to cost (see ``CreditRules``).
    public var estimatedCredits: Int

    /// Creates an endpoint.
    public init(path: String, queryItems: [URLQueryItem] = [], estimatedCredits: Int) {
        self.path = path
        self.queryItems = queryItems
        self.estimatedCredits = estimatedCredits
    }

    /// The query as it appears in the URL (percent-encoded), without the leading `?`.
    public var queryString: String {
        var components = URLComponents()
        components.queryItems = queryItems.isEmpty ? nil : queryItems
        return components.percentEncodedQuery ?? ""
    }

    /// Path and query as logged and recorded in manifests, for example
    /// `/v1/cryptocurrency/listings/latest?start=1&limit=5000&convert=USD`.
    public var pathAndQuery: String {
        queryItems.isEmpty ? path : "\(path)?\(queryString)"
    }

    /// The full URL below `baseURL`.
    func url(relativeTo baseURL: URL) -> URL? {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { return nil }
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = basePath + path
        components.queryItems = queryItems.isEmpty ? nil : queryItems
        return components.url
    }
}

// MARK: - Paths

extension CMCEndpoint {
    /// The paths CoinPipe calls.
    public enum Path {
        /// `/v1/cryptocurrency/listings/latest`
        public static let listingsLatest = "/v1/cryptocurrency/listings/latest"
        /// `/v2/cryptocurrency/info`
        public static let info = "/v2/cryptocurrency/info"
        /// `/v1/cryptocurrency/map`
        public static let map = "/v1/cryptocurrency/map"
        /// `/v2/cryptocurrency/quotes/latest`
        public static let quotesLatest = "/v2/cryptocurrency/quotes/latest"
        /// `/v1/global-metrics/quotes/latest`
        public static let globalMetrics = "/v1/global-metrics/quotes/latest"
        /// `/v1/key/info`
        public static let keyInfo = "/v1/key/info"
        /// `/v1/fiat/map`
        public static let fiatMap = "/v1/fiat/map"
    }
}

// MARK: - Number formatting

extension Double {
    /// A plain decimal rendering for query parameters (no exponent, no trailing `.0`).
    var queryText: String {
        if self == rounded(), abs(self) < 1e18 { return String(Int64(self)) }
        return "\(Decimal(self))"
    }
}
