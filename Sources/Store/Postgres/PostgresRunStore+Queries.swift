import Logging
import PostgresNIO

extension PostgresRunStore {
    public func runs(limit: Int?) async throws -> [StoredRun] {
        try await database("list runs") {
            let rows = try await client.query(
                """
                SELECT \(unescaped: QuoteSQL.storedRunList) FROM runs ORDER BY started_at DESC, seq DESC
                LIMIT \(limit)
                """,
                logger: logger
            )
            var result: [StoredRun] = []
            for try await row in rows {
                var cells = PostgresCellReader(row)
                var summary = StoredRun(
                    id: try cells.next(String.self),
                    source: try cells.next(String.self),
                    status: try cells.next(String.self),
                    startedAt: try cells.next(PostgresTimestamp.self).millis,
                    loadedAt: EpochMillis(0)
                )
                summary.endedAt = try cells.next(PostgresTimestamp?.self)?.millis
                summary.snapshotAt = try cells.next(PostgresTimestamp?.self)?.millis
                summary.sourceHost = try cells.next(String?.self)
                summary.coinpipeVersion = try cells.next(String?.self)
                summary.converts = try cells.next(String.self).split(separator: ",").map(String.init)
                summary.creditsUsed = try cells.next(Int?.self)
                summary.coins = try cells.next(Int?.self)
                summary.info = try cells.next(Int?.self)
                let downloaded = try cells.next(Int?.self)
                let cached = try cells.next(Int?.self)
                summary.logos = downloaded == nil && cached == nil ? nil : (downloaded ?? 0) + (cached ?? 0)
                summary.logosFailed = try cells.next(Int?.self)
                summary.diagnostics = try cells.next(Int?.self)
                summary.quotesSeen = try cells.next(Int.self)
                summary.quotesNew = try cells.next(Int.self)
                summary.loadedAt = try cells.next(PostgresTimestamp.self).millis
                summary.failures = try cells.next(Int?.self)
                result.append(summary)
            }
            return result
        }
    }

    public func latest(convert: String, top: Int?) async throws -> [QuoteRow] {
        try await database("read the latest snapshot") {
            var runSeq: Int?
            for try await seq in try await client.query(
                """
                SELECT seq FROM runs WHERE quotes_seen > 0 AND \(convert) = ANY(string_to_array(converts, ','))
                ORDER BY started_at DESC, seq DESC LIMIT 1
                """,
                logger: logger
            ).decode(Int.self) {
                runSeq = seq
            }
            guard let runSeq else { return [] }
            return try await quoteRows(
                """
                SELECT \(unescaped: QuoteSQL.selectList) FROM run_quotes rq JOIN quotes q ON q.id = rq.quote_id
                \(unescaped: QuoteSQL.joins)
                WHERE rq.run_seq = \(runSeq) AND q.convert = \(convert)
                ORDER BY q.cmc_rank NULLS LAST, q.coin_id LIMIT \(top)
                """
            )
        }
    }

    public func coins(matching query: CoinQuery, convert: String) async throws -> [CoinCandidate] {
        try await database("look up a coin") {
            let ids: [Int]
            switch query {
            case .id(let id):
                ids = try await integers("SELECT DISTINCT id FROM coins WHERE id = \(id)")
            case .name(let text):
                let bySlug = try await integers(
                    "SELECT DISTINCT id FROM coins WHERE slug = \(text.lowercased()) ORDER BY id"
                )
                if !bySlug.isEmpty {
                    ids = bySlug
                } else {
                    let current = try await integers(
                        """
                        SELECT DISTINCT id FROM coins WHERE upper(symbol) = upper(\(text)) AND valid_to IS NULL
                        ORDER BY id
                        """
                    )
                    ids =
                        current.isEmpty
                        ? try await integers(
                            "SELECT DISTINCT id FROM coins WHERE upper(symbol) = upper(\(text)) ORDER BY id"
                        ) : current
                }
            }
            return try await candidates(ids: ids, convert: convert)
        }
    }

    public func coins(withSymbol symbol: String, convert: String) async throws -> [CoinCandidate] {
        try await database("look up a symbol") {
            let ids = try await integers(
                """
                SELECT DISTINCT id FROM coins WHERE upper(symbol) = upper(\(symbol)) AND valid_to IS NULL ORDER BY id
                """
            )
            return try await candidates(ids: ids, convert: convert)
        }
    }

    public func coinMetadata(coinID: Int) async throws -> CoinMetadata? {
        try await database("read a coin's metadata") {
            let rows = try await client.query(
                """
                SELECT symbol, name, slug, category, description, logo_url, subreddit, notice, tags::text,
                tag_names::text, urls::text, platform::text, contract_address::text, date_added, date_launched,
                twitter_username, observed_at FROM coin_info WHERE coin_id = \(coinID)
                """,
                logger: logger
            )
            var result: CoinMetadata?
            for try await row in rows {
                var cells = PostgresCellReader(row)
                let symbol = try cells.next(String?.self)
                let name = try cells.next(String?.self)
                let slug = try cells.next(String?.self)
                let category = try cells.next(String?.self)
                let description = try cells.next(String?.self)
                let logoURL = try cells.next(String?.self)
                let subreddit = try cells.next(String?.self)
                let notice = try cells.next(String?.self)
                let tags = try cells.next(String?.self)
                let tagNames = try cells.next(String?.self)
                let urls = try cells.next(String?.self)
                let platform = try cells.next(String?.self)
                let contractAddresses = try cells.next(String?.self)
                let dateAdded = try cells.next(PostgresTimestamp?.self)?.millis
                let dateLaunched = try cells.next(PostgresTimestamp?.self)?.millis
                let twitterUsername = try cells.next(String?.self)
                let observedAt = try cells.next(PostgresTimestamp.self).millis
                var metadata = CoinMetadata(coinID: coinID, observedAt: observedAt)
                metadata.symbol = PostgresText.decode(symbol)
                metadata.name = PostgresText.decode(name)
                metadata.slug = PostgresText.decode(slug)
                metadata.category = PostgresText.decode(category)
                metadata.description = PostgresText.decode(description)
                metadata.logoURL = PostgresText.decode(logoURL)
                metadata.subreddit = PostgresText.decode(subreddit)
                metadata.notice = PostgresText.decode(notice)
                metadata.setJSONColumns(
                    tags: PostgresText.decodeJSON(tags),
                    tagNames: PostgresText.decodeJSON(tagNames),
                    urls: PostgresText.decodeJSON(urls),
                    platform: PostgresText.decodeJSON(platform),
                    contractAddresses: PostgresText.decodeJSON(contractAddresses)
                )
                metadata.dateAdded = dateAdded
                metadata.dateLaunched = dateLaunched
                metadata.twitterUsername = PostgresText.decode(twitterUsername)
                result = metadata
            }
            return result
        }
    }

    public func logoRunIDs(coinID: Int) async throws -> [String] {
        try await database("find a coin's logos") {
            var result: [String] = []
            for try await id in try await client.query(
                """
                SELECT r.id FROM logos l JOIN runs r ON r.seq = l.first_seen_run WHERE l.coin_id = \(coinID)
                GROUP BY r.seq, r.id, r.started_at ORDER BY r.started_at DESC, r.seq DESC
                """,
                logger: logger
            ).decode(String.self) {
                result.append(id)
            }
            return result
        }
    }

    public func prices(coinIDs: [Int], convert: String, range: TimeRange) async throws -> [Int: [PricePoint]] {
        let ids = Array(Set(coinIDs)).sorted()
        guard !ids.isEmpty else { return [:] }
        return try await database("read prices") {
            var binds = PostgresBindings()
            binds.append(ids)
            binds.append(convert)
            var conditions = ["coin_id = ANY($1::integer[])", "convert = $2", "price IS NOT NULL"]
            if let from = range.from {
                binds.append(PostgresTimestamp(from))
                conditions.append("last_updated >= $\(binds.count)")
            }
            if let to = range.to {
                binds.append(PostgresTimestamp(to))
                conditions.append("last_updated < $\(binds.count)")
            }
            let query = PostgresQuery(
                unsafeSQL: """
                    SELECT coin_id, last_updated, price FROM quotes WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY coin_id, last_updated
                    """,
                binds: binds
            )
            var result: [Int: [PricePoint]] = [:]
            for try await (id, time, price) in try await client.query(query, logger: logger).decode(
                (Int, PostgresTimestamp, Double).self
            ) {
                result[id, default: []].append(PricePoint(time: time.millis, price: price))
            }
            return result
        }
    }

    public func sampledPrices(
        coinIDs: [Int],
        convert: String,
        range: TimeRange,
        samples: Int
    ) async throws
        -> [Int: [PricePoint]]
    {
        let ids = Array(Set(coinIDs)).sorted()
        guard !ids.isEmpty, let rangeFrom = range.from, let to = range.to else { return [:] }
        return try await database("read sampled prices") {
            // The slices start at the earliest price of these coins in the range (one index probe a coin), so
            // a short history keeps every point.
            var firstBinds = PostgresBindings()
            firstBinds.append(ids)
            firstBinds.append(convert)
            firstBinds.append(PostgresTimestamp(rangeFrom))
            firstBinds.append(PostgresTimestamp(to))
            var first: EpochMillis?
            for try await (time) in try await client.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT min(f.t) FROM unnest($1::integer[]) AS c(id) CROSS JOIN LATERAL (
                            SELECT min(last_updated) AS t FROM quotes
                            WHERE coin_id = c.id AND convert = $2 AND last_updated >= $3 AND last_updated < $4
                        ) AS f
                        """,
                    binds: firstBinds
                ),
                logger: logger
            ).decode(PostgresTimestamp?.self) {
                first = time?.millis
            }
            guard let first, let bounds = TimeRange(from: max(first, rangeFrom), to: to).slices(samples) else {
                return [:]
            }
            let from = bounds[0]
            var binds = PostgresBindings()
            binds.append(ids)
            binds.append(convert)
            binds.append(PostgresTimestamp(from))
            // Slice i is [from + span * i / samples, from + span * (i + 1) / samples), in milliseconds, as
            // `TimeRange.slices` computes it.
            binds.append(bounds.map { $0.value - from.value })
            // One probe of the (coin_id, convert, last_updated) index per coin and slice.
            let query = PostgresQuery(
                unsafeSQL: """
                    SELECT q.coin_id, q.last_updated, q.price
                    FROM unnest($1::integer[]) AS c(id)
                    CROSS JOIN generate_series(1, array_length($4::bigint[], 1) - 1) AS b(i)
                    CROSS JOIN LATERAL (
                        SELECT coin_id, last_updated, price FROM quotes
                        WHERE coin_id = c.id AND convert = $2 AND price IS NOT NULL
                            AND last_updated >= $3::timestamptz + ($4::bigint[])[b.i] * interval '1 millisecond'
                            AND last_updated < $3::timestamptz + ($4::bigint[])[b.i + 1] * interval '1 millisecond'
                        ORDER BY last_updated DESC LIMIT 1
                    ) AS q
                    ORDER BY q.coin_id, q.last_updated
                    """,
                binds: binds
            )
            var result: [Int: [PricePoint]] = [:]
            for try await (id, time, price) in try await client.query(query, logger: logger).decode(
                (Int, PostgresTimestamp, Double).self
            ) {
                result[id, default: []].append(PricePoint(time: time.millis, price: price))
            }
            return result
        }
    }

    /// The candidates for `ids`: each coin's newest identity and latest market cap in `convert`.
    private func candidates(ids: [Int], convert: String) async throws -> [CoinCandidate] {
        var candidates: [CoinCandidate] = []
        for id in ids {
            var candidate = CoinCandidate(id: id)
            for try await (name, symbol, slug) in try await client.query(
                "SELECT name, symbol, slug FROM coins WHERE id = \(id) ORDER BY valid_from DESC LIMIT 1",
                logger: logger
            ).decode((String?, String?, String?).self) {
                candidate.name = PostgresText.decode(name)
                candidate.symbol = PostgresText.decode(symbol)
                candidate.slug = PostgresText.decode(slug)
            }
            for try await (marketCap, rank) in try await client.query(
                """
                SELECT market_cap, cmc_rank FROM quotes WHERE coin_id = \(id) AND convert = \(convert)
                ORDER BY last_updated DESC LIMIT 1
                """,
                logger: logger
            ).decode((Double?, Int?).self) {
                candidate.marketCap = marketCap
                candidate.cmcRank = rank
            }
            candidates.append(candidate)
        }
        return candidates.sortedByMarketCap()
    }

    public func history(coinID: Int, convert: String, range: TimeRange) async throws -> [QuoteRow] {
        try await database("read a coin's history") {
            var binds = PostgresBindings()
            binds.append(coinID)
            binds.append(convert)
            var conditions = ["q.coin_id = $1", "q.convert = $2"]
            if let from = range.from {
                binds.append(PostgresTimestamp(from))
                conditions.append("q.last_updated >= $\(binds.count)")
            }
            if let to = range.to {
                binds.append(PostgresTimestamp(to))
                conditions.append("q.last_updated < $\(binds.count)")
            }
            var identity: (String?, String?, String?)?
            for try await row in try await client.query(
                "SELECT symbol, name, slug FROM coins WHERE id = \(coinID) ORDER BY valid_from DESC LIMIT 1",
                logger: logger
            ).decode((String?, String?, String?).self) {
                identity = (PostgresText.decode(row.0), PostgresText.decode(row.1), PostgresText.decode(row.2))
            }
            // The whole series travels in one row: a two-dimensional float8[] with a row per quote, [time in ms
            // since 1970, the 26 numbers, infinite_supply, cmc_rank, num_market_pairs] (every value exact in a
            // double), and the ids of the runs that first saw each quote. Two cells decode many times faster
            // than 10,000 rows of 36.
            let numberColumns = QuoteRow.doubleColumns.map { "q." + $0 }.joined(separator: ", ")
            let query = PostgresQuery(
                unsafeSQL: """
                    SELECT array_agg(ARRAY[
                            round(extract(epoch FROM q.last_updated) * 1000)::float8, \(numberColumns),
                            q.infinite_supply::int, q.cmc_rank, q.num_market_pairs
                        ]::float8[] ORDER BY q.last_updated),
                        array_agg(r.id ORDER BY q.last_updated)
                    FROM quotes q JOIN runs r ON r.seq = q.first_seen_run
                    WHERE \(conditions.joined(separator: " AND "))
                    """,
                binds: binds
            )
            let numberCount = QuoteRow.doubleColumns.count
            let width = numberCount + 4
            var quotes: [QuoteRow] = []
            for try await row in try await client.query(query, logger: logger) {
                var cells = PostgresCellReader(row)
                let series = try cells.nextDoubleArray()
                let runIDs = try cells.next([String]?.self) ?? []
                guard series.values.isEmpty || series.width == width, series.values.count == runIDs.count * width
                else {
                    throw StoreError(.database, "a history of \(series.values.count) values for \(runIDs.count) quotes")
                }
                quotes.reserveCapacity(runIDs.count)
                for (index, runID) in runIDs.enumerated() {
                    let start = index * width
                    let values = series.values[start..<(start + width)]
                    var quote = QuoteRow(
                        coinID: coinID,
                        convert: convert,
                        lastUpdated: EpochMillis(Int64((values[start] ?? 0).rounded())),
                        firstSeenRun: runID
                    )
                    quote.symbol = identity?.0
                    quote.name = identity?.1
                    quote.slug = identity?.2
                    quote.setDoubles(Array(values[(start + 1)..<(start + 1 + numberCount)]))
                    quote.infiniteSupply = values[start + 1 + numberCount].map { $0 != 0 }
                    quote.cmcRank = values[start + 2 + numberCount].map { Int($0) }
                    quote.numMarketPairs = values[start + 3 + numberCount].map { Int($0) }
                    quotes.append(quote)
                }
            }
            return quotes
        }
    }

    public func export(
        _ selection: ExportSelection,
        convert: String?,
        chunkSize: Int,
        _ body: ([QuoteRow]) async throws -> Void
    ) async throws -> Int {
        let chunkSize = max(1, chunkSize)
        var binds = PostgresBindings()
        var conditions: [String] = []
        let sql: String
        switch selection {
        case .run(let runID):
            let seqs = try await database("find run \(runID)") {
                try await integers("SELECT seq FROM runs WHERE id = \(runID)")
            }
            guard let runSeq = seqs.first else {
                throw StoreError(.runNotFound, "no stored run has the id \(runID); `coinpipe runs` lists them.")
            }
            binds.append(runSeq)
            conditions.append("rq.run_seq = $1")
            if let convert {
                binds.append(convert)
                conditions.append("q.convert = $\(binds.count)")
            }
            sql = """
                SELECT \(QuoteSQL.selectList) FROM run_quotes rq JOIN quotes q ON q.id = rq.quote_id \(QuoteSQL.joins)
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY rq.quote_id
                """
        case .range(let range):
            if let from = range.from {
                binds.append(PostgresTimestamp(from))
                conditions.append("q.last_updated >= $\(binds.count)")
            }
            if let to = range.to {
                binds.append(PostgresTimestamp(to))
                conditions.append("q.last_updated < $\(binds.count)")
            }
            if let convert {
                binds.append(convert)
                conditions.append("q.convert = $\(binds.count)")
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            sql = """
                SELECT \(QuoteSQL.selectList) FROM quotes q \(QuoteSQL.joins) \(whereClause)
                ORDER BY q.last_updated, q.id
                """
        }
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await database("export quotes") {
            // The row sequence streams with back pressure: rows are fetched as the chunks are consumed.
            var total = 0
            var chunk: [QuoteRow] = []
            chunk.reserveCapacity(chunkSize)
            for try await row in try await client.query(query, logger: logger) {
                chunk.append(try Self.quoteRow(row))
                if chunk.count == chunkSize {
                    total += chunk.count
                    try await body(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty {
                total += chunk.count
                try await body(chunk)
            }
            return total
        }
    }

    // MARK: - Row decoding

    private func integers(_ query: PostgresQuery) async throws -> [Int] {
        var result: [Int] = []
        for try await value in try await client.query(query, logger: logger).decode(Int.self) {
            result.append(value)
        }
        return result
    }

    private func quoteRows(_ query: PostgresQuery) async throws -> [QuoteRow] {
        var result: [QuoteRow] = []
        for try await row in try await client.query(query, logger: logger) {
            result.append(try Self.quoteRow(row))
        }
        return result
    }

    /// A row of ``QuoteSQL/selectList``.
    static func quoteRow(_ row: PostgresRow) throws -> QuoteRow {
        var cells = PostgresCellReader(row)
        let coinID = try cells.next(Int.self)
        let symbol = try cells.next(String?.self)
        let name = try cells.next(String?.self)
        let slug = try cells.next(String?.self)
        let convert = try cells.next(String.self)
        let lastUpdated = try cells.next(PostgresTimestamp.self).millis
        var doubles: [Double?] = []
        doubles.reserveCapacity(QuoteRow.doubleColumns.count)
        for _ in QuoteRow.doubleColumns {
            doubles.append(try cells.nextDouble())
        }
        let infiniteSupply = try cells.next(Bool?.self)
        let cmcRank = try cells.next(Int?.self)
        let numMarketPairs = try cells.next(Int?.self)
        var quote = QuoteRow(
            coinID: coinID,
            convert: convert,
            lastUpdated: lastUpdated,
            firstSeenRun: try cells.next(String.self)
        )
        quote.symbol = PostgresText.decode(symbol)
        quote.name = PostgresText.decode(name)
        quote.slug = PostgresText.decode(slug)
        quote.setDoubles(doubles)
        quote.infiniteSupply = infiniteSupply
        quote.cmcRank = cmcRank
        quote.numMarketPairs = numMarketPairs
        return quote
    }
}
