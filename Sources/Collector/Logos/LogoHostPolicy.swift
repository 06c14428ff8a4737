public import Foundation

/// Which URLs a logo may be downloaded from.
///
/// A URL passes ``check(_:)`` only when all of these hold:
/// - the scheme is `https`, or `http` to a loopback host (`localhost`, 127.0.0.0/8, `::1`), which in
///   practice means the emulator;
/// - there is no userinfo, query, fragment, percent-escape or `.`/`..` path segment;
/// - the host is one of CMC's static image hosts on the scheme's default port, or exactly the API host
///   and port taken from the API base URL;
/// - a numeric host is not a private, link-local, loopback, multicast or reserved address (loopback is
///   allowed for the exact API host only).
///
/// After ``check(_:)``, ``checkAddress(_:for:)`` applies the address rule to every address the host
/// resolves to, so that a name pointing at `169.254.169.254` or `10.0.0.1` is refused too.
///
/// - Note: AsyncHTTPClient resolves the host again when it connects, so a DNS answer that changes between
///   the two lookups is not caught; the host allowlist is the primary defense.
public struct LogoHostPolicy: Sendable {
    /// The API host, lowercase.
    public let apiHost: String
    /// The API port (the scheme's default when the base URL has none).
    public let apiPort: Int
    /// CMC's static image hosts, lowercase.
    public let staticHosts: Set<String>

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - apiBaseURL: The API base URL, for example `https://pro-api.coinmarketcap.com` or the emulator's
    ///     `http://127.0.0.1:PORT`.
    ///   - staticHosts: CMC's static image hosts.
    public init(apiBaseURL: URL, staticHosts: [String] = ["s2.coinmarketcap.com", "s3.coinmarketcap.com"]) {
        let scheme = apiBaseURL.scheme?.lowercased() ?? "https"
        self.apiHost = Self.host(of: apiBaseURL) ?? ""
        self.apiPort = apiBaseURL.port ?? Self.defaultPort(scheme)
        self.staticHosts = Set(staticHosts.map { $0.lowercased() })
    }

    /// Checks a URL's form, scheme and host before anything is sent.
    ///
    /// - Parameter url: The URL to check.
    /// - Throws: ``LogoFailure`` with code `invalidURL`, `unsupportedScheme`, `disallowedHost` or
    ///   `disallowedAddress`, and a detail naming the URL.
    public func check(_ url: URL) throws(LogoFailure) {
        let text = url.absoluteString
        guard let scheme = url.scheme?.lowercased() else {
            throw LogoFailure(.invalidURL, "\(text) is not an absolute URL")
        }
        guard scheme == "https" || scheme == "http" else {
            throw LogoFailure(.unsupportedScheme, "\(text) uses the \(scheme) scheme; only https is allowed")
        }
        guard let host = Self.host(of: url), !host.isEmpty else {
            throw LogoFailure(.invalidURL, "\(text) has no host")
        }
        guard url.user == nil, url.password == nil else {
            throw LogoFailure(.invalidURL, "\(text) has userinfo")
        }
        guard url.query == nil, !text.contains("?") else {
            throw LogoFailure(.invalidURL, "\(text) has a query")
        }
        guard url.fragment == nil, !text.contains("#") else {
            throw LogoFailure(.invalidURL, "\(text) has a fragment")
        }
        guard !text.contains("%") else {
            throw LogoFailure(.invalidURL, "\(text) has percent-escapes")
        }
        let path = url.path(percentEncoded: true)
        guard path.hasPrefix("/") else {
            throw LogoFailure(.invalidURL, "\(text) has no path")
        }
        guard !path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." })
        else {
            throw LogoFailure(.invalidURL, "\(text) has a dot segment in its path")
        }
        let port = url.port ?? Self.defaultPort(scheme)
        let isAPI = host == apiHost && port == apiPort
        if let literal = IPAddress(literal: host), let refusal = literal.refusal, !(isAPI && literal.isLoopback) {
            throw LogoFailure(.disallowedAddress, "\(text) points at \(literal), \(refusal)")
        }
        guard isAPI || (staticHosts.contains(host) && port == Self.defaultPort(scheme)) else {
            throw LogoFailure(
                .disallowedHost,
                "\(text): \(host):\(port) is neither a CMC image host nor the API host \(apiHost):\(apiPort)"
            )
        }
        guard scheme == "https" || Self.isLoopbackHost(host) else {
            throw LogoFailure(.unsupportedScheme, "\(text) uses plain http to a non-loopback host; use https")
        }
    }

    /// Checks one address a URL's host resolved to.
    ///
    /// - Parameters:
    ///   - address: The numeric address, e.g. `93.184.216.34` or `::1`.
    ///   - url: The URL being fetched (already passed ``check(_:)``).
    /// - Throws: ``LogoFailure`` with code `disallowedAddress` for a private, link-local, loopback,
    ///   multicast or reserved address (loopback is allowed for the exact API host and port only), or
    ///   `invalidURL` when `address` is not a numeric address.
    public func checkAddress(_ address: String, for url: URL) throws(LogoFailure) {
        guard let parsed = IPAddress(literal: address) else {
            throw LogoFailure(.invalidURL, "\(address) is not a numeric address")
        }
        try checkAddress(parsed, for: url)
    }

    func checkAddress(_ address: IPAddress, for url: URL) throws(LogoFailure) {
        guard let refusal = address.refusal else { return }
        if address.isLoopback, isAPIAuthority(url) { return }
        let host = Self.host(of: url) ?? "?"
        throw LogoFailure(.disallowedAddress, "\(host) resolves to \(address), \(refusal)")
    }

    /// Whether a URL's host and port are exactly the API's.
    func isAPIAuthority(_ url: URL) -> Bool {
        guard let host = Self.host(of: url) else { return false }
        let port = url.port ?? Self.defaultPort(url.scheme?.lowercased() ?? "")
        return host == apiHost && port == apiPort
    }

    /// The lowercase host without IPv6 brackets.
    static func host(of url: URL) -> String? {
        guard var host = url.host(percentEncoded: true)?.lowercased() else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    static func defaultPort(_ scheme: String) -> Int {
        scheme == "http" ? 80 : 443
    }

    static func isLoopbackHost(_ host: String) -> Bool {
        if host == "localhost" { return true }
        return IPAddress(literal: host)?.isLoopback ?? false
    }
}
