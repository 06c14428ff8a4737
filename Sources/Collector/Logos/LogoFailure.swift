/// Why a logo could not be saved.
///
/// Failures never stop other logos: ``LogoFetcher`` returns them in ``LogoResult/Outcome/failed(_:)``.
/// The ``detail`` names the URL or address involved but never a request header.
public struct LogoFailure: Error, Sendable, CustomStringConvertible, Codable, Hashable {
    /// What went wrong, as a stable, extensible code; encoded as its snake_case text.
    public struct Code: Sendable, Hashable, Codable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable, CaseIterable {
            case invalidURL = "invalid_url"
            case unsupportedScheme = "unsupported_scheme"
            case disallowedHost = "disallowed_host"
            case disallowedAddress = "disallowed_address"
            case unresolvableHost = "unresolvable_host"
            case tooManyRedirects = "too_many_redirects"
            case httpStatus = "http_status"
            case notAnImage = "not_an_image"
            case tooLarge = "too_large"
            case transport = "transport"
            case timeout = "timeout"
            case storage = "storage"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The URL does not parse, or has userinfo, a query, a fragment, percent-escapes or dot segments.
        public static let invalidURL = Code(.invalidURL)
        /// The scheme is not https (or http to a loopback host).
        public static let unsupportedScheme = Code(.unsupportedScheme)
        /// The host is neither a CMC static image host nor the API host and port.
        public static let disallowedHost = Code(.disallowedHost)
        /// The host is, or resolves to, a private, link-local, loopback, multicast or otherwise reserved address.
        public static let disallowedAddress = Code(.disallowedAddress)
        /// The host name does not resolve.
        public static let unresolvableHost = Code(.unresolvableHost)
        /// More redirects than allowed (a loop, usually).
        public static let tooManyRedirects = Code(.tooManyRedirects)
        /// The server answered with an error status (or a redirect without a usable `Location`).
        public static let httpStatus = Code(.httpStatus)
        /// The body is not a PNG, JPEG, GIF or WebP image.
        public static let notAnImage = Code(.notAnImage)
        /// The body is larger than the size cap.
        public static let tooLarge = Code(.tooLarge)
        /// The connection failed, dropped or the body was truncated.
        public static let transport = Code(.transport)
        /// The download took longer than its timeout.
        public static let timeout = Code(.timeout)
        /// The logo arrived but could not be written into the run folder.
        public static let storage = Code(.storage)

        /// Every code.
        public static var allCases: [Code] { Value.allCases.map(Code.init) }

        /// The snake_case text, e.g. `not_an_image`.
        public var description: String { value.rawValue }

        /// Decodes a code from its text.
        ///
        /// - Throws: `DecodingError.dataCorrupted` for an unknown code.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let value = Value(rawValue: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown logo failure \(text)")
            }
            self.value = value
        }

        /// Encodes the code as its text.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value.rawValue)
        }
    }

    /// What went wrong.
    public var code: Code
    /// Details: the URL, status, address or size involved.
    public var detail: String

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - detail: Details.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? code.description : "\(code): \(detail)" }
}
