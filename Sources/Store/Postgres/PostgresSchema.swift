/// The PostgreSQL schema: one list of statements per ``StoreSchema`` version, applied by
/// ``PostgresMigrator`` and recorded in `schema_migrations`.
///
/// The same logical schema as SQLite's: times are `timestamptz`, numbers `double precision` (so a stored value
/// reads back as exactly the `Double` decoded from `data.json`), JSON `jsonb`. As in SQLite, the
/// high-volume link columns (`quotes.first_seen_run`, `run_quotes`) carry no `FOREIGN KEY` (see
/// ``SQLiteSchema``).
enum PostgresSchema {
    /// A migration: its identifier and its statements, run in one transaction.
    struct Migration: Sendable {
        var name: String
        var statements: [String]
    }

    /// The migrations, oldest first; append, never edit one that shipped.
    static let migrations: [Migration] = [
        Migration(name: StoreSchema.migrationNames[0], statements: v1),
        Migration(name: StoreSchema.migrationNames[1], statements: v2),
    ]

    static let v1 = [
        """
        CREATE TABLE runs (
            seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text NOT NULL UNIQUE,
            source text NOT NULL,
            status text NOT NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz,
            snapshot_at timestamptz,
            coinpipe_version text,
            base_url text,
            source_host text,
            parameters jsonb,
            converts text NOT NULL DEFAULT '',
            credits_used integer,
            coins integer,
            info integer,
            logos_expected integer,
            logos_downloaded integer,
            logos_cached integer,
            logos_failed integer,
            diagnostics integer,
            failures integer,
            quotes_seen integer NOT NULL DEFAULT 0,
            quotes_new integer NOT NULL DEFAULT 0,
            folder text,
            loaded_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX runs_started_at ON runs(started_at)",
        """
        CREATE TABLE coins (
            id integer NOT NULL,
            symbol text,
            name text,
            slug text,
            platform_id integer,
            token_address text,
            valid_from timestamptz NOT NULL,
            valid_to timestamptz,
            PRIMARY KEY (id, valid_from)
        )
        """,
        """
        CREATE TABLE quotes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coin_id integer NOT NULL,
            convert text NOT NULL,
            last_updated timestamptz NOT NULL,
            price double precision,
            volume_24h double precision,
            volume_change_24h double precision,
            percent_change_1h double precision,
            percent_change_24h double precision,
            percent_change_7d double precision,
            percent_change_30d double precision,
            percent_change_60d double precision,
            percent_change_90d double precision,
            market_cap double precision,
            market_cap_dominance double precision,
            fully_diluted_market_cap double precision,
            tvl double precision,
            market_cap_by_total_supply double precision,
            volume_24h_reported double precision,
            volume_7d double precision,
            volume_7d_reported double precision,
            volume_30d double precision,
            volume_30d_reported double precision,
            minted_market_cap double precision,
            circulating_supply double precision,
            total_supply double precision,
            max_supply double precision,
            self_reported_circulating_supply double precision,
            self_reported_market_cap double precision,
            tvl_ratio double precision,
            infinite_supply boolean,
            cmc_rank integer,
            num_market_pairs integer,
            first_seen_run integer NOT NULL,
            UNIQUE (coin_id, convert, last_updated)
        )
        """,
        """
        CREATE TABLE run_quotes (
            run_seq integer NOT NULL,
            quote_id bigint NOT NULL,
            PRIMARY KEY (run_seq, quote_id)
        )
        """,
        """
        CREATE TABLE coin_info (
            coin_id integer PRIMARY KEY,
            symbol text,
            name text,
            slug text,
            category text,
            description text,
            logo_url text,
            subreddit text,
            notice text,
            tags jsonb,
            tag_names jsonb,
            tag_groups jsonb,
            urls jsonb,
            platform jsonb,
            contract_address jsonb,
            date_added timestamptz,
            date_launched timestamptz,
            twitter_username text,
            is_hidden integer,
            self_reported_circulating_supply double precision,
            self_reported_market_cap double precision,
            self_reported_tags jsonb,
            infinite_supply boolean,
            logo_sha256 text,
            observed_at timestamptz NOT NULL,
            run_seq integer NOT NULL REFERENCES runs(seq)
        )
        """,
        """
        CREATE TABLE logos (
            coin_id integer NOT NULL,
            size integer NOT NULL,
            sha256 text NOT NULL,
            bytes integer NOT NULL,
            path text NOT NULL,
            first_seen_run integer NOT NULL REFERENCES runs(seq),
            PRIMARY KEY (coin_id, size, sha256)
        )
        """,
    ]

    static let v2 = [
        "CREATE INDEX coins_symbol ON coins(upper(symbol))",
        "CREATE INDEX coins_slug ON coins(slug)",
        "CREATE INDEX quotes_last_updated ON quotes(last_updated)",
    ]
}
