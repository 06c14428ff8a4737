import Foundation

/// A CoinMarketCap API key.
///
/// The key is a secret: its `description`, `debugDescription` and reflection never show it, so it
/// cannot leak through string interpolation, logging or `dump`. Only the transport layer reads
/// ``secret``, to set the `X-CMC_PRO_API_KEY` header.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key itself. Read it only to put it in the request header.
    public let secret: String

    /// Creates a key from its text, trimming surrounding white space and newlines.
    ///
    /// - Returns: `nil` when the text is empty after trimming.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.secret = trimmed
    }

    public var description: String { "APIKey(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The header that carries the key.
    public static let headerName = "X-CMC_PRO_API_KEY"
}
