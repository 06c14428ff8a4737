/// Conversions used when the API sends a number in an unexpected form (a numeric string, an integral float).
enum LenientNumber {
    /// The finite `Double` spelled by `text` (surrounding ASCII whitespace allowed), or `nil`.
    static func double(from text: String) -> Double? {
        let trimmed = trimmed(text)
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else {
            return nil
        }
        return value
    }

    /// The `Int` spelled by `text`: an integer literal, or a numeric literal with an integral value.
    static func int(from text: String) -> Int? {
        if let value = Int(trimmed(text)) {
            return value
        }
        return double(from: text).flatMap(exactInt)
    }

    /// `value` as an `Int` when it is integral and in range, else `nil`.
    static func exactInt(_ value: Double) -> Int? {
        guard value.isFinite, value.rounded(.towardZero) == value else {
            return nil
        }
        return Int(exactly: value)
    }

    private static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return text[first...last]
    }
}
