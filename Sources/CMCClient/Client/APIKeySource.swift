import Foundation

/// Where CoinPipe finds the API key.
///
/// In order: the file named by `--api-key-file` (an explicit choice wins), then `CMC_API_KEY`, then
/// `API_KEY` (the original script's variable). The key is never accepted as a command-line argument,
/// because arguments show up in process listings.
public enum APIKeySource: Sendable, Hashable, CustomStringConvertible {
    /// A file whose first line is the key.
    case file(String)
    /// An environment variable.
    case environment(String)

    public var description: String {
        switch self {
        case .file(let path): "file \(path)"
        case .environment(let name): "environment variable \(name)"
        }
    }

    /// How to provide a key, for error messages.
    public static let howToProvide = """
        Provide a CoinMarketCap API key with the CMC_API_KEY environment variable (API_KEY, the original \
        script's variable, works too) or with --api-key-file PATH. To try CoinPipe without a key, run \
        `coinpipe demo`, which uses the built-in emulator.
        """

    /// Resolves the key.
    ///
    /// - Returns: the key and where it came from, or `nil` when no source provides one.
    /// - Throws: ``CMCError`` (``CMCError/Code/missingKey``) when the named file cannot be read or is empty.
    public static func resolve(
        apiKeyFile: String?,
        environment: [String: String]
    ) throws(CMCError)
        -> (key: APIKey, source: APIKeySource)?
    {
        if let apiKeyFile {
            let text: String
            do {
                text = try String(contentsOfFile: apiKeyFile, encoding: .utf8)
            } catch {
                throw CMCError(
                    code: .missingKey,
                    endpoint: "API key",
                    message: "cannot read the API key file \(apiKeyFile)",
                    hint: "Check the path and its permissions; the file should hold the key on its first line."
                )
            }
            let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard let key = APIKey(firstLine) else {
                throw CMCError(
                    code: .missingKey,
                    endpoint: "API key",
                    message: "the API key file \(apiKeyFile) is empty",
                    hint: "Put the key on the file's first line."
                )
            }
            return (key, .file(apiKeyFile))
        }
        for name in ["CMC_API_KEY", "API_KEY"] {
            if let value = environment[name], let key = APIKey(value) {
                return (key, .environment(name))
            }
        }
        return nil
    }
}
