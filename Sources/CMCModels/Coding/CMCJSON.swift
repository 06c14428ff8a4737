public import Foundation

/// The JSON coders to use with CMCModels types.
///
/// The models carry explicit `CodingKeys`, so the coders keep the default key strategies: CMC's keys
/// (`volume_24h`, `percent_change_7d`, `tag-names`) do not survive `.convertFromSnakeCase`.
public enum CMCJSON {
    /// A decoder for CMC response bodies.
    ///
    /// - Returns: A `JSONDecoder` with default key and data strategies.
    public static func makeDecoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// An encoder that writes the models back with CMC's keys, deterministically.
    ///
    /// - Returns: A `JSONEncoder` with sorted keys and unescaped slashes (URLs stay readable).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
