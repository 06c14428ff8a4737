public import Foundation

/// Where runs are stored: `sqlite:PATH`, `postgres://user@host:port/db` (or `postgresql://`), or `none`.
///
/// ```swift
/// let url = try StoreURL(parsing: "postgres://coinpipe@db.internal/coinpipe", environment: env)
/// try await withRunStore(url, logger: logger) { store in … }
/// ```
///
/// For PostgreSQL, parts the URL leaves out come from the standard environment variables `PGHOST`, `PGPORT`,
/// `PGUSER`, `PGPASSWORD`, `PGDATABASE` and `PGSSLMODE`, then from libpq's defaults (`localhost`, 5432, the
/// user `postgres`, a database named after the user, `sslmode=prefer`). ``description`` never contains the
/// password.
public enum StoreURL: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresSettings)
    /// No store: runs stay folders only.
    case none

    /// The default store for an output root: `sqlite:<out>/coinpipe.sqlite`.
    ///
    /// - Parameter outputRoot: The directory that holds the run folders.
    /// - Returns: The SQLite store inside it.
    public static func defaultStore(outputRoot: URL) -> StoreURL {
        .sqlite(path: outputRoot.appending(path: "coinpipe.sqlite").path(percentEncoded: false))
    }

    /// Parses a store URL.
    ///
    /// Accepted forms: `none`; `sqlite:PATH` (also `sqlite://PATH` and `sqlite:///ABSOLUTE`);
    /// `postgres://[user[:password]@][host][:port][/database][?sslmode=MODE]` and the same with `postgresql://`.
    ///
    /// - Parameters:
    ///   - text: The value of `--store`.
    ///   - environment: The process environment, read for the `PG*` variables.
    /// - Throws: ``StoreURLError`` naming the accepted forms when `text` is none of them. The message never
    ///   contains the password.
    public init(parsing text: String, environment: [String: String] = [:]) throws(StoreURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered == "none" {
            self = .none
        } else if lowered.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw StoreURLError("'sqlite:' needs a file path, e.g. sqlite:raw_data/coinpipe.sqlite.")
            }
            self = .sqlite(path: path)
        } else if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try Self.postgresSettings(trimmed, environment: environment))
        } else {
            throw StoreURLError(
                "'\(Self.redacted(trimmed))' is not a store URL; use sqlite:PATH, postgres://user@host:port/db or none."
            )
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let settings): settings.description
        case .none: "none"
        }
    }

    // MARK: - PostgreSQL

    private static func postgresSettings(
        _ text: String,
        environment: [String: String]
    ) throws(StoreURLError)
        -> PostgresSettings
    {
        guard let components = URLComponents(string: text) else {
            throw StoreURLError(
                "'\(redacted(text))' is not a valid PostgreSQL URL; use postgres://user@host:port/database."
            )
        }
        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        let host = nonEmpty(components.host) ?? nonEmpty(environment["PGHOST"]) ?? "localhost"
        if host.hasPrefix("/") {
            throw StoreURLError("PostgreSQL over a Unix socket (\(host)) is not supported; give a TCP host.")
        }
        let port: Int
        if let explicit = components.port {
            port = explicit
        } else if let text = nonEmpty(environment["PGPORT"]) {
            guard let parsed = Int(text), (1...65_535).contains(parsed) else {
                throw StoreURLError("PGPORT must be a port number, not '\(text)'.")
            }
            port = parsed
        } else {
            port = 5432
        }
        let user =
            nonEmpty(components.user?.removingPercentEncoding) ?? nonEmpty(environment["PGUSER"])
            ?? nonEmpty(environment["USER"]) ?? "postgres"
        let password = nonEmpty(components.password?.removingPercentEncoding) ?? nonEmpty(environment["PGPASSWORD"])
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        let database = nonEmpty(path.removingPercentEncoding) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        let modeText =
            nonEmpty(components.queryItems?.first { $0.name == "sslmode" }?.value) ?? nonEmpty(environment["PGSSLMODE"])
            ?? PostgresSettings.TLSMode.prefer.rawValue
        let mode: PostgresSettings.TLSMode
        switch modeText.lowercased() {
        case "disable", "allow": mode = .disable
        case "prefer": mode = .prefer
        case "require": mode = .require
        case "verify-ca": mode = .verifyCA
        case "verify-full": mode = .verifyFull
        default:
            let known = PostgresSettings.TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw StoreURLError("sslmode '\(modeText)' is unknown; use one of \(known).")
        }
        return PostgresSettings(host: host, port: port, user: user, password: password, database: database, tls: mode)
    }

    /// `text` with any `user:password@` password replaced by `***`, for error messages.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            schemeEnd.upperBound <= at.lowerBound
        else { return text }
        let credentials = text[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<credentials.index(after: colon)]) + "***" + String(text[at.lowerBound...])
    }
}
