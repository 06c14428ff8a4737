import Logging
import PostgresNIO

/// A ``RunStore`` in PostgreSQL, through postgres-nio: for teams and for several collectors on several hosts
/// writing into one history.
///
/// Open it with ``withRunStore(_:logger:access:_:)`` and a `postgres://` ``StoreURL``: that runs the
/// `PostgresClient` in a task group for the scope of the closure and migrates the schema (under an advisory
/// lock) before handing the store over, or, opened read-only, checks the schema version and changes nothing.
/// Loads take a transaction-scoped advisory lock, so concurrent loads of different runs serialize their
/// coin-identity merges and neither loses nor duplicates a row.
public struct PostgresRunStore: RunStore {
    /// The connection settings (``PostgresSettings/description`` hides the password).
    public let settings: PostgresSettings

    /// How the store was opened: read-only stores refuse loads (and their sessions refuse any write).
    public let access: StoreAccess

    let client: PostgresClient
    let logger: Logger

    /// The advisory lock key of loads ("coinload" as 8 ASCII bytes).
    static let loadLockKey: Int64 = 0x636f_696e_6c6f_6164

    init(client: PostgresClient, settings: PostgresSettings, access: StoreAccess = .readWrite, logger: Logger) {
        self.client = client
        self.settings = settings
        self.access = access
        self.logger = logger
    }

    public var description: String { settings.description }

    /// The TLS settings for `settings`, or `nil` for plain TCP.
    static func tlsConfiguration(_ settings: PostgresSettings) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch settings.tls {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: break
        }
        return configuration
    }

    /// The client configuration for `settings`; read-only sessions when `access` is ``StoreAccess/readOnly``.
    static func configuration(
        _ settings: PostgresSettings,
        access: StoreAccess = .readWrite
    ) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        if let configuration = tlsConfiguration(settings) {
            tls = settings.tls == .prefer ? .prefer(configuration) : .require(configuration)
        } else {
            tls = .disable
        }
        var configuration = PostgresClient.Configuration(
            host: settings.host,
            port: settings.port,
            username: settings.user,
            password: settings.password,
            database: settings.database,
            tls: tls
        )
        configuration.options.maximumConnections = 4
        if access == .readOnly {
            configuration.options.additionalStartupParameters = [("default_transaction_read_only", "on")]
        }
        return configuration
    }

    /// Opens and closes one connection, so a wrong host, port, password or database fails at once with the
    /// server's reason (the client's pool would retry such a connection for ever).
    static func probe(_ settings: PostgresSettings, logger: Logger) async throws {
        do {
            let tls: PostgresConnection.Configuration.TLS
            if let configuration = tlsConfiguration(settings) {
                let context = try NIOSSLContext(configuration: configuration)
                tls = settings.tls == .prefer ? .prefer(context) : .require(context)
            } else {
                tls = .disable
            }
            let connection = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(
                    host: settings.host,
                    port: settings.port,
                    username: settings.user,
                    password: settings.password,
                    database: settings.database,
                    tls: tls
                ),
                id: 0,
                logger: logger
            )
            try await connection.close()
        } catch let error as PSQLError {
            throw StoreError(.database, "cannot connect to \(settings): \(describe(error))")
        } catch let error as NIOSSLError {
            throw StoreError(.database, "cannot set up TLS for \(settings): \(error)")
        }
    }

    public func schemaVersion() async throws -> Int {
        try await database("read the schema version") {
            var count = 0
            for try await number in try await client.query(
                "SELECT count(*) FROM schema_migrations",
                logger: logger
            ).decode(Int.self) {
                count = number
            }
            return count
        }
    }

    public func sizeInBytes() async throws -> Int64 {
        try await database("measure the database") {
            var size: Int64 = 0
            for try await bytes in try await client.query(
                "SELECT pg_database_size(current_database())",
                logger: logger
            ).decode(Int64.self) {
                size = bytes
            }
            return size
        }
    }

    /// Runs `body`, mapping PostgreSQL errors to ``StoreError/Code/database`` (without the password, which
    /// postgres-nio never puts in its errors).
    func database<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as PSQLError {
            throw StoreError(.database, "cannot \(what) in \(settings): \(Self.describe(error))")
        } catch let error as PostgresTransactionError {
            // The transaction was rolled back; report what made it fail.
            let cause = error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError
            if let storeError = cause as? StoreError { throw storeError }
            let reason = (cause as? PSQLError).map(Self.describe) ?? cause.map { "\($0)" } ?? "unknown error"
            throw StoreError(.database, "cannot \(what) in \(settings): \(reason)")
        } catch let error as PostgresDecodingError {
            throw StoreError(.database, "cannot \(what) in \(settings): unexpected column type (\(error.code))")
        }
    }

    /// The server's message and SQLSTATE, or the client-side reason.
    static func describe(_ error: PSQLError) -> String {
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
