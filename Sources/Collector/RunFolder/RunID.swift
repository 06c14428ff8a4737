import Foundation

/// The identity of one run: a UUID, always written in lowercase.
///
/// A run folder is named after its run id (`<out>/<run-id>/`). ``init()`` makes a random (version 4)
/// UUID; ``init(_:)`` accepts only the canonical 8-4-4-4-12 hexadecimal form, in either case, so a
/// folder name that merely looks similar (braces, missing hyphens, extra text) is never taken for a run.
public struct RunID: Hashable, Sendable, Codable, CustomStringConvertible {
    private let text: String

    /// Creates a new random (version 4) run id.
    public init() {
        text = UUID().uuidString.lowercased()
    }

    /// Parses a canonical UUID such as `3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b`, case-insensitively.
    ///
    /// - Parameter text: The text to parse.
    /// - Returns: `nil` unless `text` is exactly 36 characters of hexadecimal digits with hyphens at
    ///   offsets 8, 13, 18 and 23.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return nil }
        for (offset, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard Self.isHexDigit(byte) else { return nil }
            }
        }
        self.text = text.lowercased()
    }

    /// Decodes a run id from a JSON string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a canonical UUID.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RunID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not a canonical UUID run id"
            )
        }
        self = id
    }

    /// Encodes the run id as its lowercase string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The lowercase canonical text, which is also the run folder's name.
    public var description: String { text }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default:
            false
        }
    }
}
