public import Foundation

/// A small JSON parser that keeps every number as its source text, for checking stored values against
/// `data.json` independently of the decoders under test. Shared by the test targets
/// (StoreTests, DashboardTests).
///
/// `JSONSerialization` cannot be that reference on Linux: it rounds some 17-significant-digit numbers to the
/// wrong neighbouring double (`63831.272831717266` reads as `63831.27283171726`), while `JSONDecoder`,
/// `Double(String)` and `strtod` round correctly. Numbers here are converted with `Double(String)`.
public enum ExactJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([ExactJSON])
    case object([String: ExactJSON])

    /// The input is not one complete JSON document.
    public struct ParseError: Error {}

    /// The value as a correctly rounded `Double`, when it is a number.
    public var double: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The elements, when it is an array.
    public var array: [ExactJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text, when it is a string.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The member named `key`, when it is an object.
    public subscript(key: String) -> ExactJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Parses one JSON document.
    public static func parse(_ data: Data) throws -> ExactJSON {
        var parser = Parser(bytes: Array(data))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw ParseError() }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func value() throws -> ExactJSON {
            skipSpace()
            guard position < bytes.count else { throw ParseError() }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [String: ExactJSON] = [:]
                skipSpace()
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw ParseError() }
                    skipSpace()
                    guard bytes[position] == UInt8(ascii: ":") else { throw ParseError() }
                    position += 1
                    members[key] = try value()
                    skipSpace()
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                    } else if bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        return .object(members)
                    } else {
                        throw ParseError()
                    }
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [ExactJSON] = []
                skipSpace()
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                }
                while true {
                    elements.append(try value())
                    skipSpace()
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                    } else if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        return .array(elements)
                    } else {
                        throw ParseError()
                    }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                position += 4
                return .bool(true)
            case UInt8(ascii: "f"):
                position += 5
                return .bool(false)
            case UInt8(ascii: "n"):
                position += 4
                return .null
            default:
                let start = position
                while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw ParseError() }
                return .number(String(decoding: bytes[start..<position], as: UTF8.self))
            }
        }

        /// A string literal; escapes are decoded by `JSONSerialization` on the literal alone (strings are
        /// not what the checks compare).
        mutating func string() throws -> String {
            let start = position
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            position += 1
            let literal = Data(bytes[start..<position])
            guard let text = try JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String
            else { throw ParseError() }
            return text
        }
    }
}
