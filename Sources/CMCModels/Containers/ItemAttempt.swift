/// The outcome of decoding one item: the item, or a readable failure. Decoding an attempt never throws.
///
/// Because its `init(from:)` cannot fail, an unkeyed container always advances past the element, so one
/// malformed element cannot stop the elements after it from being read.
struct ItemAttempt<Item: Decodable>: Decodable {
    /// What decoding produced.
    enum Outcome {
        /// The item decoded.
        case decoded(Item)
        /// The item did not decode: its id when still readable, and a message relative to the item.
        case failed(id: Int?, message: String)
    }

    let outcome: Outcome

    init(from decoder: any Decoder) {
        do {
            outcome = .decoded(try Item(from: decoder))
        } catch {
            outcome = .failed(
                id: ItemIDProbe.id(in: decoder),
                message: DecodingErrorMessage.describe(error, relativeTo: decoder.codingPath)
            )
        }
    }

    /// Appends the item to `items`, or a diagnostic at `location` to `diagnostics`.
    func record(into items: inout [Item], diagnostics: inout [ItemDiagnostic], location: @autoclosure () -> String) {
        switch outcome {
        case .decoded(let item):
            items.append(item)
        case .failed(let id, let message):
            diagnostics.append(ItemDiagnostic(location: location(), id: id, message: message))
        }
    }
}

/// Reads only the `id` of an item that failed to decode, accepting an integer or a numeric string.
enum ItemIDProbe {
    private enum CodingKeys: String, CodingKey {
        case id
    }

    /// The item's id, or `nil` when the item is not an object or its `id` is missing or unreadable.
    static func id(in decoder: any Decoder) -> Int? {
        do {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            return try container.lenientInt(forKey: .id)
        } catch {
            // The id is optional context for a diagnostic that is already being recorded.
            return nil
        }
    }
}
