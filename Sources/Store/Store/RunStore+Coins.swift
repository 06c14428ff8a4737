extension RunStore {
    /// The one coin a query names.
    ///
    /// - Parameters:
    ///   - query: An id, slug or symbol.
    ///   - convert: The currency of the candidates' market caps.
    /// - Returns: The coin.
    /// - Throws: ``StoreError`` with ``StoreError/Code/coinNotFound`` when no stored coin matches, and with
    ///   ``StoreError/Code/ambiguousCoin`` when a symbol names several coins: its
    ///   ``StoreError/candidates`` lists them (id, name, slug, latest market cap), largest first. A symbol is
    ///   never resolved by guessing.
    public func resolveCoin(_ query: CoinQuery, convert: String) async throws -> CoinCandidate {
        let found = try await coins(matching: query, convert: convert)
        guard let first = found.first else {
            throw StoreError(
                .coinNotFound,
                "no stored coin has the \(query.kindDescription) \(query); load runs first, or check the spelling."
            )
        }
        guard found.count == 1 else {
            throw StoreError(
                .ambiguousCoin,
                "\(query) is the symbol of \(found.count) coins; pick one by id (e.g. `coinpipe history \(first.id)`):",
                candidates: found
            )
        }
        return first
    }

    /// One coin's series, the coin named by id, slug or symbol.
    ///
    /// - Parameters:
    ///   - coin: An id, slug or symbol.
    ///   - convert: The convert currency.
    ///   - range: The window of `last_updated` times.
    /// - Returns: The coin and its quotes, oldest first.
    /// - Throws: What ``resolveCoin(_:convert:)`` and ``history(coinID:convert:range:)`` throw.
    public func history(
        coin: CoinQuery,
        convert: String,
        range: TimeRange
    ) async throws
        -> (coin: CoinCandidate, quotes: [QuoteRow])
    {
        let resolved = try await resolveCoin(coin, convert: convert)
        return (resolved, try await history(coinID: resolved.id, convert: convert, range: range))
    }
}

extension CoinQuery {
    /// `id`, or `slug or symbol`.
    var kindDescription: String {
        switch self {
        case .id: "id"
        case .name: "slug or symbol"
        }
    }
}
