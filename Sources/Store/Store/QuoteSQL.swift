/// SQL fragments shared by both engines (the column names are the same in both).
enum QuoteSQL {
    /// The `quotes` columns written by a load, in bind order.
    static let insertColumns: [String] =
        ["coin_id", "convert", "last_updated"] + QuoteRow.doubleColumns
        + ["infinite_supply", "cmc_rank", "num_market_pairs", "first_seen_run"]

    /// The select list that ``QuoteRow`` is decoded from: `q` is `quotes`, `c` the coin's current identity
    /// (`coins` with `valid_to IS NULL`), `r` the run that first saw the quote.
    static let selectList: String =
        (["q.coin_id", "c.symbol", "c.name", "c.slug", "q.convert", "q.last_updated"]
        + QuoteRow.doubleColumns.map { "q." + $0 }
        + ["q.infinite_supply", "q.cmc_rank", "q.num_market_pairs", "r.id"]).joined(separator: ", ")

    /// Index of the first numeric column in ``selectList``.
    static let firstDoubleIndex = 6

    /// The joins ``selectList`` needs, after `FROM quotes q`.
    static let joins =
        "LEFT JOIN coins c ON c.id = q.coin_id AND c.valid_to IS NULL JOIN runs r ON r.seq = q.first_seen_run"

    /// The select list of SQLite's `history`, read with the coin's identity and the run ids looked up once (a
    /// join per row costs about as much as the query itself over 10,000 runs): `last_updated`,
    /// `first_seen_run` (a run `seq`), then the numeric columns, `infinite_supply`, `cmc_rank`,
    /// `num_market_pairs`.
    static let historySelectList: String =
        (["q.last_updated", "q.first_seen_run"] + QuoteRow.doubleColumns.map { "q." + $0 }
        + ["q.infinite_supply", "q.cmc_rank", "q.num_market_pairs"]).joined(separator: ", ")

    /// The `runs` columns set by a load, in bind order (`loaded_at` is set on first insert only).
    static let runColumns: [String] = [
        "id", "source", "status", "started_at", "ended_at", "snapshot_at", "coinpipe_version", "base_url",
        "source_host", "parameters", "converts", "credits_used", "coins", "info", "logos_expected",
        "logos_downloaded", "logos_cached", "logos_failed", "diagnostics", "failures", "folder",
    ]

    /// The `coin_info` columns, in bind order.
    static let infoColumns: [String] = [
        "coin_id", "symbol", "name", "slug", "category", "description", "logo_url", "subreddit", "notice", "tags",
        "tag_names", "tag_groups", "urls", "platform", "contract_address", "date_added", "date_launched",
        "twitter_username", "is_hidden", "self_reported_circulating_supply", "self_reported_market_cap",
        "self_reported_tags", "infinite_supply", "logo_sha256", "observed_at", "run_seq",
    ]

    /// The select list of ``StoredRun``.
    static let storedRunList = """
        id, source, status, started_at, ended_at, snapshot_at, source_host, coinpipe_version, converts, \
        credits_used, coins, info, logos_downloaded, logos_cached, logos_failed, diagnostics, quotes_seen, \
        quotes_new, loaded_at, failures
        """
}
