import Testing

@testable import Store

@Suite struct StoreURLTests {
    @Test func parsesSQLiteForms() throws {
        #expect(try StoreURL(parsing: "sqlite:raw_data/coinpipe.sqlite") == .sqlite(path: "raw_data/coinpipe.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:///var/lib/coinpipe.sqlite") == .sqlite(path: "/var/lib/coinpipe.sqlite"))
        #expect(try StoreURL(parsing: "SQLITE:/tmp/x.db") == .sqlite(path: "/tmp/x.db"))
        #expect(try StoreURL(parsing: "none") == StoreURL.none)
        #expect(throws: StoreURLError.self) { try StoreURL(parsing: "sqlite:") }
    }

    @Test func parsesPostgresURLs() throws {
        let full = try StoreURL(parsing: "postgres://alice:s3cret@db.internal:6543/history?sslmode=require")
        #expect(
            full
                == .postgres(
                    PostgresSettings(
                        host: "db.internal",
                        port: 6543,
                        user: "alice",
                        password: "s3cret",
                        database: "history",
                        tls: .require
                    )
                )
        )
        let short = try StoreURL(parsing: "postgresql://bob@localhost/coins", environment: [:])
        #expect(short == .postgres(PostgresSettings(host: "localhost", port: 5432, user: "bob", database: "coins")))
    }

    /// Parts the URL leaves out come from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE.
    @Test func fillsMissingPartsFromPGEnvironment() throws {
        let environment = [
            "PGHOST": "pg.example", "PGPORT": "5544", "PGUSER": "carol", "PGPASSWORD": "from-env",
            "PGDATABASE": "ledger", "PGSSLMODE": "disable",
        ]
        let url = try StoreURL(parsing: "postgres://", environment: environment)
        #expect(
            url
                == .postgres(
                    PostgresSettings(
                        host: "pg.example",
                        port: 5544,
                        user: "carol",
                        password: "from-env",
                        database: "ledger",
                        tls: .disable
                    )
                )
        )
        // What the URL says wins over the environment.
        let explicit = try StoreURL(parsing: "postgres://dave@other:1234/db2", environment: environment)
        #expect(
            explicit
                == .postgres(
                    PostgresSettings(
                        host: "other",
                        port: 1234,
                        user: "dave",
                        password: "from-env",
                        database: "db2",
                        tls: .disable
                    )
                )
        )
        // With nothing at all: libpq's defaults, the database named after the user.
        let bare = try StoreURL(parsing: "postgres://", environment: ["USER": "erin"])
        #expect(bare == .postgres(PostgresSettings(host: "localhost", port: 5432, user: "erin", database: "erin")))
    }

    @Test func passwordNeverShown() throws {
        let url = try StoreURL(parsing: "postgres://alice:s3cret@db.internal:6543/history")
        #expect(url.description == "postgres://alice@db.internal:6543/history")
        #expect(!String(describing: url).contains("s3cret"))
        #expect(!"\(url)".contains("s3cret"))
        let fromEnvironment = try StoreURL(parsing: "postgres://h/db", environment: ["PGPASSWORD": "hunter2"])
        #expect(!fromEnvironment.description.contains("hunter2"))
        var caught: StoreURLError?
        do {
            _ = try StoreURL(parsing: "mysql://alice:s3cret@db/history")
        } catch {
            caught = error
        }
        let message = try #require(caught).description
        #expect(message.contains("alice:***@db"))
        #expect(!message.contains("s3cret"))
    }

    @Test func rejectsBadValues() {
        #expect(throws: StoreURLError.self) { try StoreURL(parsing: "raw_data/coinpipe.sqlite") }
        #expect(throws: StoreURLError.self) {
            try StoreURL(parsing: "postgres://h/db", environment: ["PGPORT": "abc"])
        }
        #expect(throws: StoreURLError.self) { try StoreURL(parsing: "postgres://h/db?sslmode=sometimes") }
    }
}
