public import CMCModels
import Foundation
import Logging

extension CMCClient {
    /// `GET /v1/cryptocurrency/listings/latest`: one page of the latest listings.
    ///
    /// Malformed items do not fail the page: they are in `value.diagnostics` and the rest are kept.
    public func listingsLatest(_ query: ListingsQuery) async throws -> CMCResponse<DecodedList<Listing>> {
        try await send(query.endpoint(rules: configuration.creditRules), as: DecodedList<Listing>.self)
    }

    /// `GET /v2/cryptocurrency/info`: metadata for coins by id, slug or symbol (one call; see
    /// ``info(ids:batchSize:aux:onBatch:)`` for any number of ids).
    ///
    /// By id or slug the answer is keyed by id; by symbol it is keyed by the upper-case symbol with every
    /// coin using it (``DecodedMap/entries``).
    public func info(_ query: InfoQuery) async throws -> CMCResponse<DecodedMap<CoinInfo>> {
        try await send(query.endpoint(rules: configuration.creditRules), as: DecodedMap<CoinInfo>.self)
    }

    /// `GET /v2/cryptocurrency/quotes/latest`: latest quotes for coins by id, slug or symbol (one call).
    public func quotesLatest(_ query: QuotesQuery) async throws -> CMCResponse<DecodedMap<Listing>> {
        try await send(query.endpoint(rules: configuration.creditRules), as: DecodedMap<Listing>.self)
    }

    /// `GET /v1/cryptocurrency/map`: one page of the id map.
    public func map(_ query: MapQuery) async throws -> CMCResponse<DecodedList<MapEntry>> {
        try await send(query.endpoint(rules: configuration.creditRules), as: DecodedList<MapEntry>.self)
    }

    /// `GET /v1/global-metrics/quotes/latest`.
    ///
    /// - Parameters:
    ///   - convert: convert symbols (the quote map is keyed by them).
    ///   - convertID: convert ids instead of symbols (the quote map is then keyed by the id string).
    public func globalMetrics(
        convert: [String] = ["USD"],
        convertID: [Int] = []
    ) async throws
        -> CMCResponse<GlobalMetrics>
    {
        var items: [URLQueryItem] = []
        if !convertID.isEmpty {
            items.append(URLQueryItem(name: "convert_id", value: convertID.map(String.init).joined(separator: ",")))
        } else if !convert.isEmpty {
            items.append(URLQueryItem(name: "convert", value: convert.joined(separator: ",")))
        }
        let converts = max(1, convertID.isEmpty ? convert.count : convertID.count)
        let endpoint = CMCEndpoint(
            path: CMCEndpoint.Path.globalMetrics,
            queryItems: items,
            estimatedCredits: configuration.creditRules.globalMetrics(converts: converts)
        )
        return try await send(endpoint, as: GlobalMetrics.self)
    }

    /// `GET /v1/key/info`: the key's plan and usage. Costs no credit, but counts toward the minute limit.
    public func keyInfo() async throws -> CMCResponse<KeyInfo> {
        try await send(CMCEndpoint(path: CMCEndpoint.Path.keyInfo, estimatedCredits: 0), as: KeyInfo.self)
    }

    /// `GET /v1/fiat/map`.
    public func fiatMap(
        start: Int = 1,
        limit: Int = 5000,
        sortByName: Bool = false,
        includeMetals: Bool = false
    )
        async throws -> CMCResponse<DecodedList<FiatEntry>>
    {
        var items = [
            URLQueryItem(name: "start", value: String(start)),
            URLQueryItem(name: "limit", value: String(limit)),
        ]
        if sortByName { items.append(URLQueryItem(name: "sort", value: "name")) }
        if includeMetals { items.append(URLQueryItem(name: "include_metals", value: "true")) }
        let endpoint = CMCEndpoint(
            path: CMCEndpoint.Path.fiatMap,
            queryItems: items,
            estimatedCredits: configuration.creditRules.fiatMapCredits
        )
        return try await send(endpoint, as: DecodedList<FiatEntry>.self)
    }

    /// Reads `/v1/key/info` and sets the client-side limiter to the plan's calls per window (replacing the
    /// provisional limit; the calls already made, this one and its retries included, stay counted).
    ///
    /// Only applies when no limit was configured explicitly; a plan that reports no limit keeps the
    /// provisional one.
    ///
    /// - Returns: the key information.
    @discardableResult
    public func adoptPlanLimits() async throws -> KeyInfo {
        let info = try await keyInfo().value
        await adoptPlanLimits(from: info)
        return info
    }

    /// Sets the client-side limiter from key information already read (by a scheduler that has just asked,
    /// for example), without calling `/v1/key/info` again.
    ///
    /// - Parameter info: The key's plan and usage.
    public func adoptPlanLimits(from info: KeyInfo) async {
        if configuration.callsPerWindow == nil, let perMinute = info.plan.rateLimitMinute, perMinute > 0 {
            await limiter.setLimit(perMinute)
            logger.debug("client-side rate limit set from the plan", metadata: ["calls_per_minute": "\(perMinute)"])
        }
    }
}
