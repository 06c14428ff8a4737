import GRDB

extension SQLiteRunStore {
    /// Fills an empty store with `runs` runs of `coins` coins each, five minutes apart, in SQL (fast): the
    /// history benchmark's data set. Quotes are inserted run by run, so one coin's rows are spread over the
    /// whole table, as after real loads.
    func generateHistory(runs: Int, coins: Int) async throws {
        try await writer("generate the history data set").write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO runs (id, source, status, started_at, converts, quotes_seen, quotes_new, loaded_at)
                    SELECT printf('history-%06d', i), 'coinpipe', 'complete',
                        strftime('%Y-%m-%dT%H:%M:%fZ', 1714564800 + i * 300, 'unixepoch'), 'USD', ?, ?,
                        strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                    FROM n
                    """,
                arguments: [runs, coins, coins]
            )
            try db.execute(
                sql: """
                    WITH RECURSIVE c(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM c WHERE id < ?)
                    INSERT INTO coins (id, symbol, name, slug, valid_from)
                    SELECT id, 'H' || id, 'History ' || id, 'history-' || id, '2024-01-01T00:00:00.000Z' FROM c
                    """,
                arguments: [coins]
            )
            try db.execute(
                sql: """
                    WITH RECURSIVE c(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM c WHERE id < ?)
                    INSERT INTO quotes (coin_id, convert, last_updated, price, volume_24h, percent_change_1h,
                        percent_change_24h, percent_change_7d, market_cap, circulating_supply, total_supply,
                        cmc_rank, num_market_pairs, first_seen_run)
                    SELECT c.id, 'USD', r.started_at, 1000.0 / c.id + r.seq * 0.001, 1e9 / c.id, 0.1, -1.5, 3.2,
                        1e11 / c.id + r.seq, 1e8, 1.2e8, c.id, 100, r.seq
                    FROM runs r CROSS JOIN c ORDER BY r.seq, c.id
                    """,
                arguments: [coins]
            )
            try db.execute(sql: "INSERT INTO run_quotes (run_seq, quote_id) SELECT first_seen_run, id FROM quotes")
        }
    }
}
