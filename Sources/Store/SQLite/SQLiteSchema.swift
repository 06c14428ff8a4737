import GRDB

/// The SQLite schema: GRDB's `DatabaseMigrator` with one migration per ``StoreSchema`` version.
///
/// Times are TEXT in the canonical `yyyy-MM-ddTHH:mm:ss.SSSZ` form (sortable, readable by SQLite's date
/// functions), numbers REAL (IEEE doubles, so a stored value reads back as exactly the `Double` decoded from
/// `data.json`), JSON TEXT.
///
/// The high-volume link columns (`quotes.first_seen_run`, `run_quotes`) carry no `FOREIGN KEY`: checking one
/// per row costs a quarter of a load in SQLite and over half in PostgreSQL, and the loader writes them in the
/// same transaction as the rows they point to. The low-volume ones (`coin_info`, `logos`) keep theirs.
enum SQLiteSchema {
    /// The migrator; append migrations, never edit one that shipped.
    static var migrator: DatabaseMigrator { migrator(upTo: StoreSchema.currentVersion) }

    /// A migrator with only the first `version` migrations (tests migrate to each earlier version).
    static func migrator(upTo version: Int) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        let bodies: [@Sendable (Database) throws -> Void] = [
            { db in try db.execute(sql: v1) },
            { db in try db.execute(sql: v2) },
        ]
        for (name, body) in zip(StoreSchema.migrationNames, bodies).prefix(version) {
            migrator.registerMigration(name, migrate: body)
        }
        return migrator
    }

    static let v1 = """
        CREATE TABLE runs (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            snapshot_at TEXT,
            coinpipe_version TEXT,
            base_url TEXT,
            source_host TEXT,
            parameters TEXT,
            converts TEXT NOT NULL DEFAULT '',
            credits_used INTEGER,
            coins INTEGER,
            info INTEGER,
            logos_expected INTEGER,
            logos_downloaded INTEGER,
            logos_cached INTEGER,
            logos_failed INTEGER,
            diagnostics INTEGER,
            failures INTEGER,
            quotes_seen INTEGER NOT NULL DEFAULT 0,
            quotes_new INTEGER NOT NULL DEFAULT 0,
            folder TEXT,
            loaded_at TEXT NOT NULL
        );
        CREATE INDEX runs_started_at ON runs(started_at);
        CREATE TABLE coins (
            id INTEGER NOT NULL,
            symbol TEXT,
            name TEXT,
            slug TEXT,
            platform_id INTEGER,
            token_address TEXT,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            PRIMARY KEY (id, valid_from)
        ) WITHOUT ROWID;
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            coin_id INTEGER NOT NULL,
            convert TEXT NOT NULL,
            last_updated TEXT NOT NULL,
            price REAL,
            volume_24h REAL,
            volume_change_24h REAL,
            percent_change_1h REAL,
            percent_change_24h REAL,
            percent_change_7d REAL,
            percent_change_30d REAL,
            percent_change_60d REAL,
            percent_change_90d REAL,
            market_cap REAL,
            market_cap_dominance REAL,
            fully_diluted_market_cap REAL,
            tvl REAL,
            market_cap_by_total_supply REAL,
            volume_24h_reported REAL,
            volume_7d REAL,
            volume_7d_reported REAL,
            volume_30d REAL,
            volume_30d_reported REAL,
            minted_market_cap REAL,
            circulating_supply REAL,
            total_supply REAL,
            max_supply REAL,
            self_reported_circulating_supply REAL,
            self_reported_market_cap REAL,
            tvl_ratio REAL,
            infinite_supply INTEGER,
            cmc_rank INTEGER,
            num_market_pairs INTEGER,
            first_seen_run INTEGER NOT NULL,
            UNIQUE (coin_id, convert, last_updated)
        );
        CREATE TABLE run_quotes (
            run_seq INTEGER NOT NULL,
            quote_id INTEGER NOT NULL,
            PRIMARY KEY (run_seq, quote_id)
        ) WITHOUT ROWID;
        CREATE TABLE coin_info (
            coin_id INTEGER PRIMARY KEY,
            symbol TEXT,
            name TEXT,
            slug TEXT,
            category TEXT,
            description TEXT,
            logo_url TEXT,
            subreddit TEXT,
            notice TEXT,
            tags TEXT,
            tag_names TEXT,
            tag_groups TEXT,
            urls TEXT,
            platform TEXT,
            contract_address TEXT,
            date_added TEXT,
            date_launched TEXT,
            twitter_username TEXT,
            is_hidden INTEGER,
            self_reported_circulating_supply REAL,
            self_reported_market_cap REAL,
            self_reported_tags TEXT,
            infinite_supply INTEGER,
            logo_sha256 TEXT,
            observed_at TEXT NOT NULL,
            run_seq INTEGER NOT NULL REFERENCES runs(seq)
        );
        CREATE TABLE logos (
            coin_id INTEGER NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            path TEXT NOT NULL,
            first_seen_run INTEGER NOT NULL REFERENCES runs(seq),
            PRIMARY KEY (coin_id, size, sha256)
        );
        """

    static let v2 = """
        CREATE INDEX coins_symbol ON coins(symbol COLLATE NOCASE);
        CREATE INDEX coins_slug ON coins(slug);
        CREATE INDEX quotes_last_updated ON quotes(last_updated);
        """
}
