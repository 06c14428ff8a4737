/// Finds the byte ranges of JSON values without parsing them, so they can be kept exactly as sent.
///
/// `JSONDecoder` turns `0.1000000000000000055511151231257827` into a `Double`, and re-encoding it writes
/// `0.1`. To store what the API really sent, slice the body with these ranges instead:
///
/// ```swift
/// let body: [UInt8] = …                                      // a listings/latest response
/// let data = try RawJSON.valueRange(ofTopLevelKey: "data", in: body)
/// for element in try RawJSON.elementRanges(ofArrayAt: data, in: body) {
///     let exactItemBytes = body[element]                      // one coin, byte for byte
/// }
/// ```
///
/// The scanner checks the complete JSON grammar (strings and their escapes, numbers, literals, nesting up
/// to 256 levels) but converts nothing, and works directly on contiguous storage (`[UInt8]`, `Data`,
/// `ArraySlice`), so a 2.4 MiB body takes a few milliseconds in a release build. Truncated or malformed
/// input throws ``RawJSONError`` with the byte offset of the problem.
///
/// Ranges and offsets count bytes from the first element of the collection passed in: for `[UInt8]` and
/// `Data` that start at index 0 they are indices; for a slice, add its `startIndex`.
public enum RawJSON {
    /// The byte range of the value of a top-level key of a JSON object (e.g. `"data"`).
    ///
    /// The whole document is checked: it must be one object with only whitespace around it.
    ///
    /// - Parameters:
    ///   - key: The member name, compared after unescaping the JSON key.
    ///   - bytes: A complete JSON document.
    /// - Returns: The range of the value (from its first to its last byte, without surrounding whitespace).
    /// - Throws: ``RawJSONError`` when the document is not valid JSON, is not an object, has no member
    ///   `key`, or has `key` more than once.
    public static func valueRange(
        ofTopLevelKey key: String,
        in bytes: some Collection<UInt8>
    ) throws(RawJSONError) -> Range<Int> {
        let (range, end) = try withBuffer(bytes) { buffer throws(RawJSONError) in
            try topLevelValue(ofKey: key, in: buffer)
        }
        guard let range else {
            throw RawJSONError(offset: end, message: "the top-level object has no key \"\(key)\"")
        }
        return range
    }

    /// The byte range of the value of a top-level key, or `nil` when the object has no such key.
    ///
    /// Use it for `data`, which error bodies leave out.
    ///
    /// - Parameters:
    ///   - key: The member name, compared after unescaping the JSON key.
    ///   - bytes: A complete JSON document.
    /// - Returns: The range of the value, or `nil` when the key is absent.
    /// - Throws: ``RawJSONError`` when the document is not valid JSON, is not an object, or has `key` more
    ///   than once.
    public static func valueRangeIfPresent(
        ofTopLevelKey key: String,
        in bytes: some Collection<UInt8>
    ) throws(RawJSONError) -> Range<Int>? {
        try withBuffer(bytes) { buffer throws(RawJSONError) in
            try topLevelValue(ofKey: key, in: buffer).range
        }
    }

    /// The byte ranges of each element of the array at `range`.
    ///
    /// - Parameters:
    ///   - range: The range of an array value, e.g. from ``valueRange(ofTopLevelKey:in:)``; whitespace
    ///     around the array inside the range is allowed.
    ///   - bytes: The bytes `range` refers to.
    /// - Returns: The range of each element, in order, without surrounding whitespace.
    /// - Throws: ``RawJSONError`` when `range` is out of bounds or does not hold exactly one valid array.
    public static func elementRanges(
        ofArrayAt range: Range<Int>,
        in bytes: some Collection<UInt8>
    ) throws(RawJSONError) -> [Range<Int>] {
        try withBuffer(bytes) { buffer throws(RawJSONError) in
            var scanner = try scanner(at: range, in: buffer, expecting: UInt8(ascii: "["), kind: "an array")
            var elements: [Range<Int>] = []
            try scanner.forEachElement(depth: 1) { element throws(RawJSONError) in
                elements.append(element)
            }
            try scanner.expectEnd(range.upperBound, after: "the array")
            return elements
        }
    }

    /// The key and value range of each member of the object at `range`, in document order.
    ///
    /// - Parameters:
    ///   - range: The range of an object value; whitespace around the object inside the range is allowed.
    ///   - bytes: The bytes `range` refers to.
    /// - Returns: Each member's key (unescaped) and the range of its value, without surrounding whitespace.
    /// - Throws: ``RawJSONError`` when `range` is out of bounds or does not hold exactly one valid object.
    public static func memberRanges(
        ofObjectAt range: Range<Int>,
        in bytes: some Collection<UInt8>
    ) throws(RawJSONError) -> [(key: String, value: Range<Int>)] {
        try withBuffer(bytes) { buffer throws(RawJSONError) in
            var scanner = try scanner(at: range, in: buffer, expecting: UInt8(ascii: "{"), kind: "an object")
            var members: [(key: String, value: Range<Int>)] = []
            try scanner.forEachMember(depth: 1) { key, keyHasEscapes, value throws(RawJSONError) in
                let name = try keyHasEscapes ? unescape(key, in: buffer) : plainString(key, in: buffer)
                members.append((key: name, value: value))
            }
            try scanner.expectEnd(range.upperBound, after: "the object")
            return members
        }
    }

    /// Whether `bytes` hold exactly one complete JSON value, with only whitespace around it.
    ///
    /// Use it to detect truncated bodies. ``validate(_:)`` gives the reason when the answer is `false`.
    ///
    /// - Parameter bytes: The document.
    /// - Returns: `true` for a complete, valid document.
    public static func isComplete(_ bytes: some Collection<UInt8>) -> Bool {
        do {
            try validate(bytes)
            return true
        } catch {
            return false
        }
    }

    /// Checks that `bytes` hold exactly one complete JSON value, with only whitespace around it.
    ///
    /// - Parameter bytes: The document.
    /// - Throws: ``RawJSONError`` at the first problem; for a truncated document its offset is the length.
    public static func validate(_ bytes: some Collection<UInt8>) throws(RawJSONError) {
        try withBuffer(bytes) { buffer throws(RawJSONError) in
            var scanner = JSONByteScanner(bytes: buffer)
            scanner.skipWhitespace()
            _ = try scanner.scanValue()
            try scanner.expectEnd(buffer.count, after: "the top-level value")
        }
    }

    // MARK: - Implementation

    /// Runs `body` on contiguous storage: the collection's own when it has some, else a copy.
    private static func withBuffer<Value>(
        _ bytes: some Collection<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws(RawJSONError) -> Value
    ) throws(RawJSONError) -> Value {
        let outcome = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(RawJSONError) -> Value in try body(buffer) }
        }
        if let outcome {
            return try outcome.get()
        }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(RawJSONError) -> Value in try body(buffer) }
        }.get()
    }

    /// Scans a whole document that must be one object, returning the range of `key`'s value (if any) and
    /// the offset of the object's closing brace.
    private static func topLevelValue(
        ofKey key: String,
        in buffer: UnsafeBufferPointer<UInt8>
    ) throws(RawJSONError) -> (range: Range<Int>?, end: Int) {
        var scanner = JSONByteScanner(bytes: buffer)
        scanner.skipWhitespace()
        guard scanner.position < buffer.count, buffer[scanner.position] == UInt8(ascii: "{") else {
            let found = scanner.describeByte(at: scanner.position)
            throw RawJSONError(offset: scanner.position, message: "expected a top-level object but found \(found)")
        }
        let wanted = Array(key.utf8)
        var match: Range<Int>?
        try scanner.forEachMember(depth: 1) { keyRange, keyHasEscapes, value throws(RawJSONError) in
            let matches =
                keyHasEscapes
                ? Array(try unescape(keyRange, in: buffer).utf8) == wanted
                : bytesEqual(keyRange, in: buffer, to: wanted)
            guard matches else {
                return
            }
            if match != nil {
                throw RawJSONError(
                    offset: keyRange.lowerBound - 1,
                    message: "the top-level object has the key \"\(key)\" more than once"
                )
            }
            match = value
        }
        let end = scanner.position - 1
        try scanner.expectEnd(buffer.count, after: "the top-level object")
        return (match, end)
    }

    /// A scanner positioned on the value inside `range`, after checking bounds and the opening byte.
    private static func scanner(
        at range: Range<Int>,
        in buffer: UnsafeBufferPointer<UInt8>,
        expecting opening: UInt8,
        kind: String
    ) throws(RawJSONError) -> JSONByteScanner {
        guard range.lowerBound >= 0, range.upperBound <= buffer.count else {
            throw RawJSONError(
                offset: max(0, min(range.lowerBound, buffer.count)),
                message: "range \(range) is outside the \(buffer.count) bytes given"
            )
        }
        let bounded = UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])
        var scanner = JSONByteScanner(bytes: bounded, position: range.lowerBound)
        scanner.skipWhitespace()
        guard scanner.position < range.upperBound, buffer[scanner.position] == opening else {
            let found = scanner.describeByte(at: scanner.position)
            throw RawJSONError(offset: scanner.position, message: "expected \(kind) but found \(found)")
        }
        return scanner
    }

    private static func bytesEqual(
        _ range: Range<Int>,
        in buffer: UnsafeBufferPointer<UInt8>,
        to wanted: [UInt8]
    ) -> Bool {
        guard range.count == wanted.count else {
            return false
        }
        var index = 0
        for offset in range {
            if buffer[offset] != wanted[index] {
                return false
            }
            index += 1
        }
        return true
    }

    /// The string for raw string bytes that contain no escapes.
    private static func plainString(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// The string for raw string bytes (between the quotes) with their escape sequences resolved.
    static func unescape(
        _ range: Range<Int>,
        in buffer: UnsafeBufferPointer<UInt8>
    ) throws(RawJSONError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let byte = buffer[offset]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                offset += 1
                continue
            }
            let escaped = buffer[offset + 1]
            offset += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: offset, in: buffer)
                offset += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    let hasLowEscape =
                        offset + 6 <= range.upperBound && buffer[offset] == UInt8(ascii: "\\")
                        && buffer[offset + 1] == UInt8(ascii: "u")
                    let low = hasLowEscape ? hex4(at: offset + 2, in: buffer) : 0
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw RawJSONError(offset: offset - 6, message: "unpaired UTF-16 surrogate in a \\u escape")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    offset += 6
                }
                guard let unicodeScalar = Unicode.Scalar(scalar) else {
                    throw RawJSONError(offset: offset - 6, message: "unpaired UTF-16 surrogate in a \\u escape")
                }
                UTF8.encode(unicodeScalar) { output.append($0) }
            default:
                // `"`, `\` and `/` stand for themselves; the scanner has rejected every other escape.
                output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The value of the four hex digits at `offset` (already validated by the scanner).
    private static func hex4(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            value = value << 4 | (JSONByteScanner.hexValue(buffer[index]) ?? 0)
        }
        return value
    }
}
