/// One entry of `v1/fiat/map` (cmc-api.md §2.7).
///
/// For example `{"id": 2781, "name": "United States Dollar", "sign": "$", "symbol": "USD"}`.
public struct FiatEntry: Codable, Sendable, Hashable {
    /// The CMC id, e.g. `2781` for USD.
    /// Required: an item without a readable id does not decode.
    public var id: Int

    /// The currency's name, e.g. `United States Dollar`.
    public var name: String?

    /// The currency sign, e.g. `$`.
    public var sign: String?

    /// The ISO 4217 code, e.g. `USD`.
    public var symbol: String?

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - id: The CMC id, e.g. `2781` for USD.
    ///   - name: The currency's name, e.g. `United States Dollar`.
    ///   - sign: The currency sign, e.g. `$`.
    ///   - symbol: The ISO 4217 code, e.g. `USD`.
    public init(
        id: Int,
        name: String? = nil,
        sign: String? = nil,
        symbol: String? = nil
    ) {
        self.id = id
        self.name = name
        self.sign = sign
        self.symbol = symbol
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case sign
        case symbol
    }
}

extension FiatEntry {
    /// Decodes a fiat entry tolerantly.
    ///
    /// - Throws: `DecodingError` when `id` is missing, `null` or not an integer, or when a field has a type that
    ///   cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.lenientRequiredInt(forKey: .id),
            name: try container.lenientString(forKey: .name),
            sign: try container.lenientString(forKey: .sign),
            symbol: try container.lenientString(forKey: .symbol)
        )
    }
}
