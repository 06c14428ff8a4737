/// A validating JSON scanner over contiguous bytes that finds value boundaries without building values.
///
/// It checks the full JSON grammar (RFC 8259: strings with their escapes, numbers, literals, nesting) but
/// never converts a number or allocates for a string, so the bytes of a value can be copied out exactly as
/// the server sent them. Nesting deeper than ``maximumDepth`` is rejected instead of overflowing the stack.
struct JSONByteScanner {
    /// The deepest nesting accepted.
    static let maximumDepth = 256

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    // MARK: - Bytes

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let colon = UInt8(ascii: ":")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")

    // MARK: - Whitespace and positions

    /// Moves past spaces, tabs, line feeds and carriage returns.
    mutating func skipWhitespace() {
        var cursor = position
        while cursor < bytes.count {
            switch bytes[cursor] {
            case 0x20, 0x09, 0x0A, 0x0D:
                cursor += 1
            default:
                position = cursor
                return
            }
        }
        position = cursor
    }

    /// Moves past whitespace and throws unless the scan has reached `end`.
    mutating func expectEnd(_ end: Int, after what: String) throws(RawJSONError) {
        skipWhitespace()
        if position < end {
            throw error(at: position, "unexpected \(describeByte(at: position)) after \(what)")
        }
    }

    // MARK: - Values

    /// Moves past one complete value starting at `position` (no leading whitespace) and returns its range.
    mutating func scanValue(depth: Int = 0) throws(RawJSONError) -> Range<Int> {
        let start = position
        guard position < bytes.count else {
            throw error(at: position, "unexpected end of input where a value was expected")
        }
        switch bytes[position] {
        case Self.openBrace:
            try skipObject(depth: depth + 1)
        case Self.openBracket:
            try skipArray(depth: depth + 1)
        case Self.quote:
            _ = try skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
        case UInt8(ascii: "t"):
            try skipLiteral("true")
        case UInt8(ascii: "f"):
            try skipLiteral("false")
        case UInt8(ascii: "n"):
            try skipLiteral("null")
        default:
            throw error(at: position, "unexpected \(describeByte(at: position)) where a value was expected")
        }
        return start..<position
    }

    /// Moves past an object whose `{` is at `position`.
    private mutating func skipObject(depth: Int) throws(RawJSONError) {
        try checkDepth(depth)
        try forEachMember(depth: depth) { _, _, _ throws(RawJSONError) in }
    }

    /// Moves past an array whose `[` is at `position`.
    private mutating func skipArray(depth: Int) throws(RawJSONError) {
        try checkDepth(depth)
        try forEachElement(depth: depth) { _ throws(RawJSONError) in }
    }

    /// Scans the object whose `{` is at `position`, reporting each member, and moves past its `}`.
    ///
    /// - Parameter body: Called with the key's range without its quotes, whether the key holds escapes,
    ///   and the value's range.
    mutating func forEachMember(
        depth: Int,
        _ body: (_ key: Range<Int>, _ keyHasEscapes: Bool, _ value: Range<Int>) throws(RawJSONError) -> Void
    ) throws(RawJSONError) {
        let open = position
        position += 1
        skipWhitespace()
        if position < bytes.count && bytes[position] == Self.closeBrace {
            position += 1
            return
        }
        while true {
            guard position < bytes.count else {
                throw error(at: position, "unexpected end of input inside the object that starts at byte \(open)")
            }
            guard bytes[position] == Self.quote else {
                throw error(at: position, "expected a string key but found \(describeByte(at: position))")
            }
            let keyStart = position + 1
            let keyHasEscapes = try skipString()
            let key = keyStart..<(position - 1)
            skipWhitespace()
            guard position < bytes.count else {
                throw error(at: position, "unexpected end of input inside the object that starts at byte \(open)")
            }
            guard bytes[position] == Self.colon else {
                throw error(at: position, "expected ':' after an object key but found \(describeByte(at: position))")
            }
            position += 1
            skipWhitespace()
            let value = try scanValue(depth: depth)
            try body(key, keyHasEscapes, value)
            skipWhitespace()
            guard position < bytes.count else {
                throw error(at: position, "unexpected end of input inside the object that starts at byte \(open)")
            }
            switch bytes[position] {
            case Self.comma:
                position += 1
                skipWhitespace()
            case Self.closeBrace:
                position += 1
                return
            default:
                throw error(at: position, "expected ',' or '}' in an object but found \(describeByte(at: position))")
            }
        }
    }

    /// Scans the array whose `[` is at `position`, reporting each element's range, and moves past its `]`.
    mutating func forEachElement(
        depth: Int,
        _ body: (_ element: Range<Int>) throws(RawJSONError) -> Void
    ) throws(RawJSONError) {
        let open = position
        position += 1
        skipWhitespace()
        if position < bytes.count && bytes[position] == Self.closeBracket {
            position += 1
            return
        }
        while true {
            let element = try scanValue(depth: depth)
            try body(element)
            skipWhitespace()
            guard position < bytes.count else {
                throw error(at: position, "unexpected end of input inside the array that starts at byte \(open)")
            }
            switch bytes[position] {
            case Self.comma:
                position += 1
                skipWhitespace()
            case Self.closeBracket:
                position += 1
                return
            default:
                throw error(at: position, "expected ',' or ']' in an array but found \(describeByte(at: position))")
            }
        }
    }

    /// Moves past a string whose opening quote is at `position`; returns whether it contains escapes.
    mutating func skipString() throws(RawJSONError) -> Bool {
        let open = position
        var hasEscapes = false
        var cursor = position + 1
        let count = bytes.count
        while cursor < count {
            // The common case, plain text, stays in this tight loop on a local cursor.
            let byte = bytes[cursor]
            if byte != Self.quote && byte != Self.backslash && byte >= 0x20 {
                cursor += 1
                continue
            }
            if byte == Self.quote {
                position = cursor + 1
                return hasEscapes
            }
            position = cursor
            if byte == Self.backslash {
                hasEscapes = true
                try skipEscape()
                cursor = position
                continue
            }
            throw error(at: position, "unescaped control character \(describeByte(at: position)) in a string")
        }
        position = count
        throw error(at: position, "unexpected end of input inside the string that starts at byte \(open)")
    }

    /// Moves past the escape sequence whose backslash is at `position`.
    private mutating func skipEscape() throws(RawJSONError) {
        guard position + 1 < bytes.count else {
            throw error(at: bytes.count, "unexpected end of input inside an escape sequence")
        }
        switch bytes[position + 1] {
        case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            for offset in 2..<6 {
                guard position + offset < bytes.count else {
                    throw error(at: bytes.count, "unexpected end of input inside a \\u escape")
                }
                guard Self.hexValue(bytes[position + offset]) != nil else {
                    throw error(at: position + offset, "expected a hex digit in a \\u escape")
                }
            }
            position += 6
        default:
            throw error(at: position + 1, "invalid escape \\\(describeByte(at: position + 1))")
        }
    }

    /// Moves past a number starting at `position`, checking the JSON number grammar.
    private mutating func skipNumber() throws(RawJSONError) {
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        guard position < bytes.count else {
            throw error(at: position, "unexpected end of input inside a number")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if Self.isDigit(bytes[position]) {
            skipDigits()
        } else {
            throw error(at: position, "expected a digit but found \(describeByte(at: position))")
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            try requireDigits(after: "a decimal point")
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try requireDigits(after: "an exponent")
        }
    }

    private mutating func requireDigits(after what: String) throws(RawJSONError) {
        guard position < bytes.count else {
            throw error(at: position, "unexpected end of input after \(what)")
        }
        guard Self.isDigit(bytes[position]) else {
            throw error(at: position, "expected a digit after \(what) but found \(describeByte(at: position))")
        }
        skipDigits()
    }

    private mutating func skipDigits() {
        while position < bytes.count && Self.isDigit(bytes[position]) {
            position += 1
        }
    }

    /// Moves past `literal` (`true`, `false`, `null`) starting at `position`.
    private mutating func skipLiteral(_ literal: StaticString) throws(RawJSONError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count {
            guard position + index < bytes.count else {
                throw error(at: bytes.count, "unexpected end of input inside the literal \(literal)")
            }
            guard bytes[position + index] == expected[index] else {
                throw error(at: position + index, "invalid literal; expected \(literal)")
            }
        }
        position += count
    }

    private func checkDepth(_ depth: Int) throws(RawJSONError) {
        if depth > Self.maximumDepth {
            throw error(at: position, "nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    // MARK: - Helpers

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    func error(at offset: Int, _ message: String) -> RawJSONError {
        RawJSONError(offset: offset, message: message)
    }

    /// The byte at `offset` for an error message: `'x'` for printable ASCII, `byte 0x0A` otherwise.
    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else {
            return "end of input"
        }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
