import Foundation

/// Where CoinPipe finds the API key.
///
/// In order: the file named by `--api-key-file` (an explicit choice wins), then `CMC_API_KEY`, then
/// `API_KEY` (the original script's variable). The key is never accepted as a command-line argument,
/// because arguments show up in process listings.
public enum APIKeySource: Sendable, Hashable, CustomStringConvertible {
    /// A file that holds the key (and at most one trailing newline).
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

    /// The bytes of a key file, read as a stream so a pipe (`--api-key-file <(pass show cmc)`) works like a
    /// file; at most 1 MiB, so a wrong path (a device, a huge file) is not read without end.
    private static func readKeyFile(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bytes = Data()
        do {
            // `read(upToCount:)` answers nil or empty data at the end of the file.
            while bytes.count < 1 << 20, let chunk = try handle.read(upToCount: 64 << 10), !chunk.isEmpty {
                bytes.append(chunk)
            }
        } catch {
            return nil
        }
        return bytes
    }

    /// Resolves the key.
    ///
    /// A key file holds the key and nothing else; one trailing newline (`\n` or `\r\n`) is dropped. An
    /// environment variable holds the key exactly; an empty one counts as unset. Nothing else is trimmed: a
    /// key with a control character, a space or a non-ASCII character, or one longer than
    /// ``APIKey/maximumLength``, is refused here with a message that names its source and the problem
    /// (never the key), instead of failing every request.
    ///
    /// - Returns: the key and where it came from, or `nil` when no source provides one.
    /// - Throws: ``CMCError`` (``CMCError/Code/missingKey``) when the named file cannot be read or is empty, and
    ///   ``CMCError/Code/invalidConfiguration`` when a source holds text that is not a valid key.
    public static func resolve(
        apiKeyFile: String?,
        environment: [String: String]
    ) throws(CMCError)
        -> (key: APIKey, source: APIKeySource)?
    {
        if let apiKeyFile {
            guard var bytes = readKeyFile(apiKeyFile) else {
                throw CMCError(
                    code: .missingKey,
                    endpoint: "API key",
                    message: "cannot read the API key file \(apiKeyFile)",
                    hint: "Check the path and its permissions; the file should hold the key and nothing else."
                )
            }
            if bytes.last == UInt8(ascii: "\n") {
                bytes.removeLast()
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            }
            guard !bytes.isEmpty else {
                throw CMCError(
                    code: .missingKey,
                    endpoint: "API key",
                    message: "the API key file \(apiKeyFile) is empty",
                    hint: "Put the key in the file."
                )
            }
            let source = APIKeySource.file(apiKeyFile)
            return (try validated(String(decoding: bytes, as: UTF8.self), from: source), source)
        }
        for name in ["CMC_API_KEY", "API_KEY"] {
            if let value = environment[name], !value.isEmpty {
                let source = APIKeySource.environment(name)
                return (try validated(value, from: source), source)
            }
        }
        return nil
    }

    /// The key in `text`, or an error naming `source` and what is wrong (never the text).
    private static func validated(_ text: String, from source: APIKeySource) throws(CMCError) -> APIKey {
        do {
            return try APIKey(validating: text)
        } catch {
            let holder =
                switch source {
                case .file(let path): "the API key file \(path)"
                case .environment(let name): name
                }
            throw CMCError(
                code: .invalidConfiguration,
                endpoint: "API key",
                message: "the API key in \(holder) \(error)",
                hint:
                    "An API key is 1 to \(APIKey.maximumLength) visible ASCII characters (CoinMarketCap keys look like "
                    + "0f8c1a2b-…, 36 characters); check for a pasted escape sequence, quotes, spaces or an extra line."
            )
        }
    }
}
