/// A payload item that could not be decoded, kept as a readable record instead of failing the whole page.
///
/// ``DecodedList`` and ``DecodedMap`` decode their items one by one. An item whose JSON cannot be read
/// (a required `id` missing or not an integer, a field of an unexpected type) is left out of the items and
/// described by one `ItemDiagnostic`, so the rest of the page survives.
public struct ItemDiagnostic: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Where the item sits in the response, e.g. `data[17]` or `data["BTC"][1]`.
    public var location: String

    /// The item's CMC id, when it could still be read (as an integer or a numeric string).
    public var id: Int?

    /// What went wrong: the field's path inside the item, what was expected and what was found.
    public var message: String

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - location: Where the item sits in the response, e.g. `data[17]`.
    ///   - id: The item's id, when readable.
    ///   - message: A readable description of the decoding failure.
    public init(location: String, id: Int? = nil, message: String) {
        self.location = location
        self.id = id
        self.message = message
    }

    /// `location (id N): message`.
    public var description: String {
        if let id {
            return "\(location) (id \(id)): \(message)"
        }
        return "\(location): \(message)"
    }

    enum CodingKeys: String, CodingKey {
        case location
        case id
        case message
    }
}
