/// One entry of a `quote` map: the key it is written under and what it converts into.
struct ConvertTarget: Sendable {
    enum Currency: Sendable {
        case fiat(id: Int)
        case crypto(index: Int)
    }

    /// The key in the `quote` object: the upper-case symbol, or the id string with `convert_id`.
    let key: String
    let currency: Currency

    static let usd = ConvertTarget(key: "USD", currency: .fiat(id: FiatCatalog.usdID))

    /// The factor that turns a USD amount into this currency in the given window.
    func perUSD(in snapshot: MarketSnapshot) -> Double {
        switch currency {
        case .fiat(let id): snapshot.fiatPerUSD[id] ?? 1
        case .crypto(let index): snapshot.price[index] > 0 ? 1 / snapshot.price[index] : 0
        }
    }

    /// Reads `convert` / `convert_id` like CMC: at most one of them, at most 120 values, at most the
    /// plan's `maxConverts`, symbols resolved to a fiat first and then to the highest-ranked coin.
    static func resolve(
        _ query: QueryParameters,
        universe: Universe,
        maxConverts: Int
    ) throws(APIError) -> [ConvertTarget] {
        if let convert = query["convert"], let convertID = query["convert_id"] {
            _ = convert
            throw .invalidValue("convert_id", convertID)
        }
        var targets: [ConvertTarget] = []
        if let text = query["convert"] {
            let symbols = try ParameterParser.symbolList("convert", text)
            try checkCount(symbols.count, name: "convert", text: text, maxConverts: maxConverts)
            for symbol in symbols {
                let key = symbol.uppercased()
                guard !targets.contains(where: { $0.key == key }) else { continue }
                if let fiat = FiatCatalog.bySymbol[key] {
                    targets.append(ConvertTarget(key: key, currency: .fiat(id: fiat.id)))
                } else if let index = universe.topIndex(symbol: key) {
                    targets.append(ConvertTarget(key: key, currency: .crypto(index: index)))
                } else {
                    throw .invalidValue("convert", symbol)
                }
            }
        } else if let text = query["convert_id"] {
            let ids = try ParameterParser.idList("convert_id", text)
            try checkCount(ids.count, name: "convert_id", text: text, maxConverts: maxConverts)
            for id in ids {
                let key = String(id)
                guard !targets.contains(where: { $0.key == key }) else { continue }
                if FiatCatalog.byID[id] != nil {
                    targets.append(ConvertTarget(key: key, currency: .fiat(id: id)))
                } else if let index = universe.indexByID[id] {
                    targets.append(ConvertTarget(key: key, currency: .crypto(index: index)))
                } else {
                    throw .invalidValue("convert_id", key)
                }
            }
        } else {
            targets = [.usd]
        }
        return targets
    }

    private static func checkCount(_ count: Int, name: String, text: String, maxConverts: Int) throws(APIError) {
        guard count <= 120 else { throw .invalidValue(name, text) }
        guard count <= maxConverts else {
            throw .badRequest("Your plan is limited to \(maxConverts) convert options")
        }
    }
}
