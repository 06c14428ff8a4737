/// Renders decoding errors and coding paths as short, readable text for ``ItemDiagnostic``.
enum DecodingErrorMessage {
    /// A one-line description of `error` whose field path is relative to an item at `itemPath`.
    ///
    /// For example `quote.USD.price: Expected a number (…) but found the string "n/a".` or
    /// `id: Required key is missing.`
    static func describe(_ error: any Error, relativeTo itemPath: [any CodingKey]) -> String {
        guard let decodingError = error as? DecodingError else {
            return String(describing: error)
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            let path = fieldPath(context.codingPath + [key], droppingFirst: itemPath.count)
            return "\(path): required key is missing."
        case .valueNotFound(let type, let context):
            let path = fieldPath(context.codingPath, droppingFirst: itemPath.count)
            return "\(path): expected \(type) but found null (\(context.debugDescription))"
        case .typeMismatch(_, let context):
            let path = fieldPath(context.codingPath, droppingFirst: itemPath.count)
            return "\(path): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let path = fieldPath(context.codingPath, droppingFirst: itemPath.count)
            return "\(path): invalid value. \(context.debugDescription)"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    /// `path` without its first `count` components, as `quote.USD.price` or `tags[3]`; `(item)` when empty.
    static func fieldPath(_ path: [any CodingKey], droppingFirst count: Int) -> String {
        let rendered = render(path.dropFirst(count), bareFirstKey: true)
        return rendered.isEmpty ? "(item)" : rendered
    }

    /// A coding path as text: object keys joined by `.`, array indexes as `[n]`.
    static func render(_ path: some Collection<any CodingKey>, bareFirstKey: Bool) -> String {
        var text = ""
        for key in path {
            if let index = arrayIndex(key) {
                text += "[\(index)]"
            } else if text.isEmpty && bareFirstKey {
                text += key.stringValue
            } else {
                text += "." + key.stringValue
            }
        }
        return text
    }

    /// A map key as a subscript: `["BTC"]`, with `"` and `\` escaped.
    static func subscriptText(forKey key: String) -> String {
        var escaped = ""
        for character in key {
            if character == "\"" || character == "\\" {
                escaped.append("\\")
            }
            escaped.append(character)
        }
        return "[\"\(escaped)\"]"
    }

    /// The index of an unkeyed-container key (`Index 3`), or `nil` for an object key.
    private static func arrayIndex(_ key: any CodingKey) -> Int? {
        guard let index = key.intValue, key.stringValue == "Index \(index)" else {
            return nil
        }
        return index
    }
}
