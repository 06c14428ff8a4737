public import Foundation

/// A dashboard that is listening: where to reach it.
public struct RunningDashboard: Sendable {
    /// The address it bound (`127.0.0.1` unless configured otherwise).
    public let host: String
    /// The bound port (the real one when the configuration asked for port 0).
    public let port: Int
    /// `http://HOST:PORT`.
    public let baseURL: URL

    init(host: String, port: Int) {
        self.host = host
        self.port = port
        let hostPart = host.contains(":") ? "[\(host)]" : host
        self.baseURL = URL(string: "http://\(hostPart):\(port)") ?? URL(fileURLWithPath: "/")
    }
}
