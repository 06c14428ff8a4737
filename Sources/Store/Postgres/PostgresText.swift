import Foundation

/// How the PostgreSQL store keeps text that PostgreSQL cannot hold: a NUL character.
///
/// PostgreSQL's `text` cannot contain U+0000 and `jsonb` refuses the `\u0000` escape, yet API text may hold
/// one. Such text is stored in a reversible escaped form, and the store's queries return it decoded, exactly
/// as received:
///
/// - Text without NUL that does not start with U+FFFF (a noncharacter, never sent by the API) is stored as is:
///   almost every row reads the same in `psql` as in CoinPipe.
/// - Any other text is stored as U+FFFF followed by the text with each `\` written `\\` and each NUL written
///   `\0`.
/// - In `jsonb` columns the same escape applies to every string (and object key) inside the JSON value.
///
/// The SQLite store needs none of this: it stores text with its length, NUL included.
enum PostgresText {
    /// The first character of an escaped text.
    static let marker: Unicode.Scalar = "\u{FFFF}"

    /// The stored form of `text`.
    static func encode(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == marker || scalars.contains("\u{0}") else { return text }
        var stored = String.UnicodeScalarView()
        stored.append(marker)
        for scalar in scalars {
            switch scalar {
            case "\\": stored.append(contentsOf: ["\\", "\\"])
            case "\u{0}": stored.append(contentsOf: ["\\", "0"])
            default: stored.append(scalar)
            }
        }
        return String(stored)
    }

    /// The stored form of an optional text.
    static func encode(_ text: String?) -> String? {
        text.map { encode($0) }
    }

    /// The original of a stored text: the inverse of ``encode(_:)-(String)``.
    static func decode(_ stored: String) -> String {
        let scalars = stored.unicodeScalars
        guard scalars.first == marker else { return stored }
        var text = String.UnicodeScalarView()
        var escaping = false
        for scalar in scalars.dropFirst() {
            if escaping {
                switch scalar {
                case "0": text.append("\u{0}")
                case "\\": text.append("\\")
                default: text.append(contentsOf: ["\\", scalar])
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                text.append(scalar)
            }
        }
        if escaping { text.append("\\") }
        return String(text)
    }

    /// The original of an optional stored text.
    static func decode(_ stored: String?) -> String? {
        stored.map { decode($0) }
    }

    /// The stored form of a JSON text for a `jsonb` column: every string inside escaped with ``encode(_:)``.
    ///
    /// JSON without a NUL escape or the marker is returned unchanged.
    static func encodeJSON(_ json: String?) -> String? {
        guard let json, json.contains("\\u0000") || json.unicodeScalars.contains(marker) else { return json }
        return transformJSON(json, encode)
    }

    /// The original of a JSON text read from a `jsonb` column: the inverse of ``encodeJSON(_:)``.
    static func decodeJSON(_ json: String?) -> String? {
        guard let json, json.unicodeScalars.contains(marker) else { return json }
        return transformJSON(json, decode)
    }

    private static func transformJSON(_ json: String, _ transform: (String) -> String) -> String {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return json }
        func map(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): .string(transform(text))
            case .array(let items): .array(items.map(map))
            case .object(let members):
                .object(Dictionary(members.map { (transform($0.key), map($0.value)) }, uniquingKeysWith: { a, _ in a }))
            default: value
            }
        }
        return map(value).jsonText
    }
}
