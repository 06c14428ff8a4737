/// The query string of one request, decoded the way CMC's Node servers decode it (`+` is a space,
/// percent escapes are UTF-8). The first occurrence of a repeated name wins.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    init(query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A present parameter, with the empty string treated as present (CMC rejects `id=`).
    func has(_ name: String) -> Bool { values[name] != nil }

    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = iterator.next()
                let low = iterator.next()
                if let high, let low, let h = hexValue(high), let l = hexValue(low) {
                    bytes.append(h << 4 | l)
                } else {
                    bytes.append(byte)
                    if let high { bytes.append(high) }
                    if let low { bytes.append(low) }
                }
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Parsing helpers that turn parameter text into values or the 400 CMC would send.
enum ParameterParser {
    /// `^\d+(?:,\d+)*$`: no spaces, no empty items, no trailing comma.
    static func idList(_ name: String, _ text: String) throws(APIError) -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        var ids: [Int] = []
        for item in items {
            guard !item.isEmpty, item.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let id = Int(item) else {
                throw .invalidValue(name, text)
            }
            ids.append(id)
        }
        return ids
    }

    /// `^[0-9a-z-]+(?:,[0-9a-z-]+)*$` after lower-casing.
    static func slugList(_ text: String) throws(APIError) -> [String] {
        let lowered = text.lowercased()
        let items = lowered.split(separator: ",", omittingEmptySubsequences: false)
        for item in items {
            let valid =
                !item.isEmpty
                && item.utf8.allSatisfy { byte in
                    (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
                }
            guard valid else { throw .invalidValue("slug", text) }
        }
        return items.map(String.init)
    }

    /// `^[0-9A-Za-z$@\-]+(?:,[0-9A-Za-z$@\-]+)*$`, used for `symbol` and `convert`.
    static func symbolList(_ name: String, _ text: String) throws(APIError) -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        for item in items {
            let valid =
                !item.isEmpty
                && item.utf8.allSatisfy { byte in
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "-")
                }
            guard valid else { throw .invalidValue(name, text) }
        }
        return items.map(String.init)
    }

    static func integer(
        _ query: QueryParameters,
        _ name: String,
        default defaultValue: Int,
        range: ClosedRange<Int>
    ) throws(APIError) -> Int {
        guard let text = query[name] else { return defaultValue }
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text),
            range.contains(value)
        else { throw .invalidValue(name, text) }
        return value
    }

    static func optionalInteger(
        _ query: QueryParameters,
        _ name: String,
        range: ClosedRange<Int>
    ) throws(APIError) -> Int? {
        guard query.has(name) else { return nil }
        return try integer(query, name, default: range.lowerBound, range: range)
    }

    static func number(_ query: QueryParameters, _ name: String, range: ClosedRange<Double>) throws(APIError) -> Double?
    {
        guard let text = query[name] else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else { throw .invalidValue(name, text) }
        return value
    }

    static func boolean(_ query: QueryParameters, _ name: String, default defaultValue: Bool) throws(APIError) -> Bool {
        guard let text = query[name] else { return defaultValue }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidValue(name, text)
        }
    }

    static func choice(
        _ query: QueryParameters,
        _ name: String,
        allowed: [String],
        default defaultValue: String
    ) throws(APIError) -> String {
        guard let text = query[name] else { return defaultValue }
        guard allowed.contains(text) else { throw .invalidValue(name, text) }
        return text
    }

    /// A comma list whose every item must be in `allowed`; `nil` when the parameter is absent.
    static func subset(_ query: QueryParameters, _ name: String, allowed: Set<String>) throws(APIError) -> Set<String>?
    {
        guard let text = query[name] else { return nil }
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard items.allSatisfy({ allowed.contains($0) }) else { throw .invalidValue(name, text) }
        return Set(items)
    }
}
