/// How to reach a PostgreSQL server: host, port, user, password, database and TLS mode.
///
/// Built by ``StoreURL/init(parsing:environment:)`` from a `postgres://` URL, with the standard `PG*`
/// environment variables filling the parts the URL leaves out. ``description`` never shows the password.
public struct PostgresSettings: Sendable, Hashable, CustomStringConvertible {
    /// TLS use, after libpq's `sslmode`.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP only.
        case disable
        /// TLS when the server offers it, without certificate verification (libpq's default).
        case prefer
        /// TLS required, without certificate verification (libpq's `require`).
        case require
        /// TLS required and the certificate chain verified.
        case verifyCA = "verify-ca"
        /// TLS required, the chain verified and the host name checked.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// The password, if any; never shown by ``description``.
    public var password: String?
    /// The database name.
    public var database: String
    /// TLS use.
    public var tls: TLSMode

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - host: The server's host name or address.
    ///   - port: The server's TCP port.
    ///   - user: The role to connect as.
    ///   - password: The password, if any.
    ///   - database: The database name.
    ///   - tls: TLS use.
    public init(
        host: String = "localhost",
        port: Int = 5432,
        user: String = "postgres",
        password: String? = nil,
        database: String = "postgres",
        tls: TLSMode = .prefer
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// `postgres://user@host:port/database`, without the password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(user)@\(shownHost):\(port)/\(database)"
        if tls != .prefer { text += "?sslmode=\(tls.rawValue)" }
        return text
    }
}
