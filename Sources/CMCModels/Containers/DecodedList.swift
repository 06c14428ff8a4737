/// A JSON array decoded element by element: the items that decoded, and a diagnostic for each that did not.
///
/// Use it as the payload of list endpoints (`listings/latest`, `map`, `fiat/map`):
///
/// ```swift
/// let page = try CMCJSON.makeDecoder().decode(CMCEnvelope<DecodedList<Listing>>.self, from: body)
/// for listing in page.data?.items ?? [] { … }
/// for problem in page.data?.diagnostics ?? [] { … }   // e.g. data[17] (id 5426): quote: …
/// ```
///
/// Decoding throws only when the value is not an array at all; a malformed element becomes an
/// ``ItemDiagnostic`` whose `location` is the element's path (`data[17]`) and whose `id` is filled in when
/// the element's `id` could still be read.
public struct DecodedList<Item: Decodable & Sendable>: Decodable, Sendable {
    /// The elements that decoded, in payload order.
    public var items: [Item]

    /// One record per element that did not decode, in payload order.
    public var diagnostics: [ItemDiagnostic]

    /// Creates a list from already decoded parts.
    ///
    /// - Parameters:
    ///   - items: The decoded elements.
    ///   - diagnostics: The elements that could not be decoded.
    public init(items: [Item] = [], diagnostics: [ItemDiagnostic] = []) {
        self.items = items
        self.diagnostics = diagnostics
    }

    /// Decodes a JSON array element by element.
    ///
    /// - Throws: `DecodingError` when the value is not an array. Malformed elements do not throw.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let base = DecodingErrorMessage.render(decoder.codingPath, bareFirstKey: true)
        var items: [Item] = []
        var diagnostics: [ItemDiagnostic] = []
        items.reserveCapacity(container.count ?? 0)
        while !container.isAtEnd {
            let index = container.currentIndex
            let attempt = try container.decode(ItemAttempt<Item>.self)
            attempt.record(into: &items, diagnostics: &diagnostics, location: base + "[\(index)]")
        }
        self.items = items
        self.diagnostics = diagnostics
    }
}

extension DecodedList: Equatable where Item: Equatable {}

extension DecodedList: Hashable where Item: Hashable {}

extension DecodedList: Encodable where Item: Encodable {
    /// Encodes the decoded items as a JSON array; diagnostics are not part of the payload and are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(contentsOf: items)
    }
}
