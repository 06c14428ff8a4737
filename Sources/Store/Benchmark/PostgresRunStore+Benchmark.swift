import PostgresNIO

extension PostgresRunStore {
    /// Fills an empty store with `runs` runs of `coins` coins each, five minutes apart, in SQL (fast): the
    /// history benchmark's data set. Quotes are inserted run by run, so one coin's rows are spread over the
    /// whole table, as after real loads. The tables are vacuumed and analyzed after, as autovacuum would.
    func generateHistory(runs: Int, coins: Int) async throws {
        try await database("generate the history data set") {
            try await client.withTransaction(logger: logger) { connection in
                _ = try await connection.query(
                    """
                    INSERT INTO runs (id, source, status, started_at, converts, quotes_seen, quotes_new, loaded_at)
                    SELECT 'history-' || lpad(i::text, 6, '0'), 'coinpipe', 'complete',
                        to_timestamp(1714564800 + i * 300), 'USD', \(coins), \(coins), now()
                    FROM generate_series(1, \(runs)) AS i
                    """,
                    logger: logger
                ).collect()
                _ = try await connection.query(
                    """
                    INSERT INTO coins (id, symbol, name, slug, valid_from)
                    SELECT id, 'H' || id, 'History ' || id, 'history-' || id, '2024-01-01T00:00:00Z'
                    FROM generate_series(1, \(coins)) AS id
                    """,
                    logger: logger
                ).collect()
                _ = try await connection.query(
                    """
                    INSERT INTO quotes (coin_id, convert, last_updated, price, volume_24h, percent_change_1h,
                        percent_change_24h, percent_change_7d, market_cap, circulating_supply, total_supply,
                        cmc_rank, num_market_pairs, first_seen_run)
                    SELECT c.id, 'USD', r.started_at, 1000.0 / c.id + r.seq * 0.001, 1e9 / c.id, 0.1, -1.5, 3.2,
                        1e11 / c.id + r.seq, 1e8, 1.2e8, c.id, 100, r.seq
                    FROM runs r CROSS JOIN generate_series(1, \(coins)) AS c(id) ORDER BY r.seq, c.id
                    """,
                    logger: logger
                ).collect()
                _ = try await connection.query(
                    "INSERT INTO run_quotes (run_seq, quote_id) SELECT first_seen_run, id FROM quotes",
                    logger: logger
                ).collect()
            }
            // What autovacuum does to a long-lived database: visibility map, hint bits and statistics.
            _ = try await client.query("VACUUM ANALYZE", logger: logger).collect()
        }
    }
}
