public import Foundation

/// Proxy selection from the standard environment variables.
///
/// `HTTPS_PROXY` (or `https_proxy`) applies to `https://` targets, `HTTP_PROXY` (or `http_proxy`) to
/// `http://` targets, and `NO_PROXY` (or `no_proxy`) lists hosts that are reached directly: exact names,
/// `.suffix` / `suffix` domain matches, `*` for all. Loopback hosts are never proxied.
public enum ProxySettings {
    /// A proxy server.
    public struct Proxy: Sendable, Hashable {
        /// The proxy's host.
        public var host: String
        /// The proxy's port.
        public var port: Int
        /// `user:password` for basic authentication, when the proxy URL carried them.
        public var basicAuthorization: String?
    }

    /// The proxy to use for `target`, or `nil` for a direct connection.
    public static func proxy(for target: URL, environment: [String: String]) -> Proxy? {
        guard let host = target.host?.lowercased(), !isLoopback(host) else { return nil }
        let noProxy = environment["NO_PROXY"] ?? environment["no_proxy"] ?? ""
        for entry in noProxy.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if entry.isEmpty { continue }
            if entry == "*" { return nil }
            let bare = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            let name = bare.split(separator: ":").first.map(String.init) ?? bare
            if host == name || host.hasSuffix("." + name) { return nil }
        }
        let variable: String? =
            target.scheme?.lowercased() == "https"
            ? environment["HTTPS_PROXY"] ?? environment["https_proxy"]
            : environment["HTTP_PROXY"] ?? environment["http_proxy"]
        guard let variable, !variable.isEmpty else { return nil }
        let withScheme = variable.contains("://") ? variable : "http://" + variable
        guard let url = URLComponents(string: withScheme), let proxyHost = url.host, !proxyHost.isEmpty else {
            return nil
        }
        let authorization: String? = url.user.map { user in
            "\(user.removingPercentEncoding ?? user):\((url.password ?? "").removingPercentEncoding ?? "")"
        }
        return Proxy(host: proxyHost, port: url.port ?? 8080, basicAuthorization: authorization)
    }

    /// Whether `host` names this machine's loopback interface.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil } && parts.first == "127"
    }
}
