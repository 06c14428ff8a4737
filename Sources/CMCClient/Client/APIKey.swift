import Foundation

/// A CoinMarketCap API key.
///
/// The key is a secret: its `description`, `debugDescription` and reflection never show it, so it
/// cannot leak through string interpolation, logging or `dump`. Only the transport layer reads
/// ``secret``, to set the `X-CMC_PRO_API_KEY` header.
///
/// Every key is valid as a header value: 1 to ``maximumLength`` visible ASCII characters (`!` to `~`).
/// A key that is not (a control character, a space, a non-ASCII letter, a pasted document) cannot be
/// created, so it is refused when it is read instead of failing, and being echoed, in every request.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key itself. Read it only to put it in the request header.
    public let secret: String

    /// The longest key accepted. CoinMarketCap keys are 36-character UUIDs; the bound leaves room for other
    /// formats while refusing a file or variable that holds something else entirely.
    public static let maximumLength = 128

    /// What is wrong with a text that is not a valid key. Its description names the problem and where it is,
    /// never the text itself.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text is empty.
        case empty
        /// The text has more than ``APIKey/maximumLength`` characters.
        case tooLong(length: Int)
        /// A control character (U+0000–U+001F or U+007F) at a 1-based position.
        case controlCharacter(position: Int, scalar: UInt32)
        /// A space at a 1-based position.
        case space(position: Int)
        /// A character outside ASCII at a 1-based position.
        case nonASCII(position: Int, scalar: UInt32)

        public var description: String {
            switch self {
            case .empty:
                "is empty"
            case .tooLong(let length):
                "is \(length) characters long; at most \(APIKey.maximumLength)"
            case .controlCharacter(let position, let scalar):
                "contains a control character (\(Self.codePoint(scalar))) at position \(position)"
            case .space(let position):
                "contains a space at position \(position)"
            case .nonASCII(let position, let scalar):
                "contains a non-ASCII character (\(Self.codePoint(scalar))) at position \(position)"
            }
        }

        private static func codePoint(_ scalar: UInt32) -> String {
            let hex = String(scalar, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// Creates a key from its exact text, without trimming anything.
    ///
    /// - Parameter text: The key as read from its source.
    /// - Throws: ``Problem`` naming the first thing wrong with the text (its length before its characters).
    public init(validating text: String) throws(Problem) {
        let scalars = text.unicodeScalars
        if scalars.isEmpty { throw .empty }
        if scalars.count > Self.maximumLength { throw .tooLong(length: scalars.count) }
        for (offset, scalar) in scalars.enumerated() {
            let position = offset + 1
            switch scalar.value {
            case 0x21...0x7E: continue
            case 0x20: throw .space(position: position)
            case 0x00...0x1F, 0x7F: throw .controlCharacter(position: position, scalar: scalar.value)
            default: throw .nonASCII(position: position, scalar: scalar.value)
            }
        }
        self.secret = text
    }

    /// Creates a key from its text, trimming surrounding white space and newlines.
    ///
    /// - Returns: `nil` when the trimmed text is not a valid key (see ``init(validating:)``).
    public init?(_ text: String) {
        guard let key = try? APIKey(validating: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return nil
        }
        self = key
    }

    public var description: String { "APIKey(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The header that carries the key.
    public static let headerName = "X-CMC_PRO_API_KEY"
}
