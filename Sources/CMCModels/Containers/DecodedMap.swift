/// A JSON object of items keyed by id or symbol, decoded item by item.
///
/// Use it as the payload of the keyed endpoints (`v2/cryptocurrency/info`, `quotes/latest`). Each member
/// value may be a single object (by id, by slug, v1 by symbol) or an array of objects (v2 by symbol); both
/// become an array in ``entries``:
///
/// ```swift
/// let info = try CMCJSON.makeDecoder().decode(CMCEnvelope<DecodedMap<CoinInfo>>.self, from: body)
/// let weth = info.data?.entries["2396"]?.first
/// let everything = info.data?.allItems ?? []
/// ```
///
/// A member that cannot be read becomes an ``ItemDiagnostic`` located at `data["2396"]` (single object) or
/// `data["BTC"][1]` (array element); its key stays in ``entries`` with the items that did decode (possibly
/// none), so "answered but unreadable" can be told apart from "not answered". An empty JSON array is
/// accepted as an empty map.
public struct DecodedMap<Item: Decodable & Sendable>: Decodable, Sendable {
    /// The decoded items under each key of the object, in payload order within a key.
    public var entries: [String: [Item]]

    /// One record per item that did not decode, ordered by key (see ``allItems``) then index.
    public var diagnostics: [ItemDiagnostic]

    /// Creates a map from already decoded parts.
    ///
    /// - Parameters:
    ///   - entries: The decoded items by key.
    ///   - diagnostics: The items that could not be decoded.
    public init(entries: [String: [Item]] = [:], diagnostics: [ItemDiagnostic] = []) {
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// Every decoded item, flattened in a stable order: by key, then by index within the key.
    ///
    /// Keys that are decimal integers (ids) come first in numeric order, then the other keys (symbols) in
    /// lexicographic order.
    public var allItems: [Item] {
        DecodedMap.sortedKeys(entries.keys).flatMap { entries[$0] ?? [] }
    }

    /// The keys of ``entries`` in the order ``allItems`` uses.
    public var orderedKeys: [String] {
        DecodedMap.sortedKeys(entries.keys)
    }

    /// Decodes a JSON object member by member.
    ///
    /// - Throws: `DecodingError` when the value is neither an object nor an empty array. Malformed members
    ///   do not throw.
    public init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<AnyCodingKey>
        do {
            container = try decoder.container(keyedBy: AnyCodingKey.self)
        } catch let error as DecodingError {
            // Tolerate `"data": []`, which some PHP-style back ends send for an empty object.
            if let list = try? decoder.unkeyedContainer(), list.count == 0 {
                self.init()
                return
            }
            throw error
        }
        let base = DecodingErrorMessage.render(decoder.codingPath, bareFirstKey: true)
        var entries: [String: [Item]] = [:]
        var diagnostics: [ItemDiagnostic] = []
        let keysByName = Dictionary(
            container.allKeys.map { ($0.stringValue, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for name in DecodedMap.sortedKeys(keysByName.keys) {
            guard let key = keysByName[name] else {
                continue
            }
            let group = try container.decode(ItemGroupAttempt<Item>.self, forKey: key)
            let location = base + DecodingErrorMessage.subscriptText(forKey: name)
            var items: [Item] = []
            switch group.shape {
            case .single(let attempt):
                attempt.record(into: &items, diagnostics: &diagnostics, location: location)
            case .array(let attempts):
                for (index, attempt) in attempts.enumerated() {
                    attempt.record(into: &items, diagnostics: &diagnostics, location: location + "[\(index)]")
                }
            case .unreadableArray(let message):
                diagnostics.append(ItemDiagnostic(location: location, message: message))
            }
            entries[name] = items
        }
        self.init(entries: entries, diagnostics: diagnostics)
    }

    /// `keys` with decimal-integer keys first (numerically), then the others (lexicographically).
    static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { lhs, rhs in
            switch (UInt64(lhs), UInt64(rhs)) {
            case (let left?, let right?):
                return left != right ? left < right : lhs < rhs
            case (.some, .none):
                return true
            case (.none, .some):
                return false
            case (.none, .none):
                return lhs < rhs
            }
        }
    }
}

extension DecodedMap: Equatable where Item: Equatable {}

extension DecodedMap: Hashable where Item: Hashable {}
