import Foundation

/// How a user names a coin: a CMC id, a slug or a symbol.
///
/// `1` is an id; text is tried as a slug first (slugs are unique), then as a symbol (symbols are not: a symbol
/// shared by several coins is answered with the candidates, never a guess).
public enum CoinQuery: Sendable, Hashable, CustomStringConvertible {
    /// A CMC id.
    case id(Int)
    /// A slug or a symbol.
    case name(String)

    /// Parses a coin argument.
    ///
    /// - Parameter text: `1`, `bitcoin` or `BTC`.
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int(trimmed), id > 0 {
            self = .id(id)
        } else {
            self = .name(trimmed)
        }
    }

    public var description: String {
        switch self {
        case .id(let id): "\(id)"
        case .name(let name): "'\(name)'"
        }
    }
}
