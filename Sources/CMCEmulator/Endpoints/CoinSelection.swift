/// The coins an info or quotes call names through `id`, `slug`, `symbol` or `address`, grouped by the
/// key they are answered under: the id string (for ids, slugs and addresses) or the upper-case symbol
/// (for symbols, each with every coin using it).
struct CoinSelection {
    struct Entry {
        let key: String
        let indices: [Int]
    }

    let entries: [Entry]
    let bySymbol: Bool

    var coinCount: Int { entries.reduce(0) { $0 + $1.indices.count } }

    static func resolve(
        _ request: EndpointRequest,
        allowAddress: Bool,
        skipInvalidDefault: Bool
    ) throws(APIError) -> CoinSelection {
        let query = request.query
        let universe = request.universe
        let names = allowAddress ? ["id", "slug", "symbol", "address"] : ["id", "slug", "symbol"]
        let present = names.filter { query.has($0) }
        guard let selector = present.first, let text = query[selector] else { throw .invalidValue("id", "") }
        if present.count > 1, let second = query[present[1]] { throw .invalidValue(present[1], second) }
        let skipInvalid = try ParameterParser.boolean(query, "skip_invalid", default: skipInvalidDefault)

        func checkCount(_ count: Int) throws(APIError) {
            if let maximum = request.maxIDsPerRequest, count > maximum {
                throw .badRequest("Too many values for \"\(selector)\": \(count) given, at most \(maximum) allowed.")
            }
        }

        var entries: [Entry] = []
        var seen = Set<String>()
        switch selector {
        case "id":
            let ids = try ParameterParser.idList("id", text)
            try checkCount(ids.count)
            for id in ids {
                guard let index = universe.indexByID[id] else {
                    if skipInvalid { continue }
                    throw .invalidValue("id", String(id))
                }
                if seen.insert(String(id)).inserted { entries.append(Entry(key: String(id), indices: [index])) }
            }
        case "slug":
            let slugs = try ParameterParser.slugList(text)
            try checkCount(slugs.count)
            for slug in slugs {
                guard let index = universe.indexBySlug[slug] else {
                    if skipInvalid { continue }
                    throw .invalidValue("slug", slug)
                }
                let key = String(universe.coins[index].id)
                if seen.insert(key).inserted { entries.append(Entry(key: key, indices: [index])) }
            }
        case "symbol":
            let symbols = try ParameterParser.symbolList("symbol", text)
            try checkCount(symbols.count)
            for symbol in symbols {
                let key = symbol.uppercased()
                guard let indices = universe.indicesBySymbol[key] else {
                    if skipInvalid { continue }
                    throw .invalidValue("symbol", symbol)
                }
                if seen.insert(key).inserted { entries.append(Entry(key: key, indices: indices)) }
            }
            return CoinSelection(entries: entries, bySymbol: true)
        default:
            guard let index = universe.indexByAddress[Universe.normalizedAddress(text)] else {
                throw .invalidValue("address", text)
            }
            entries.append(Entry(key: String(universe.coins[index].id), indices: [index]))
        }
        return CoinSelection(entries: entries, bySymbol: false)
    }

    /// Writes `{"key": item, …}` or, by symbol, `{"SYM": [item, …], …}`.
    func write(_ w: inout JSONWriter, item: (inout JSONWriter, Int) -> Void) {
        w.raw("{")
        for (position, entry) in entries.enumerated() {
            if position > 0 { w.raw(",") }
            w.string(entry.key)
            w.raw(":")
            if bySymbol {
                w.raw("[")
                for (offset, index) in entry.indices.enumerated() {
                    if offset > 0 { w.raw(",") }
                    item(&w, index)
                }
                w.raw("]")
            } else if let index = entry.indices.first {
                item(&w, index)
            }
        }
        w.raw("}")
    }
}
