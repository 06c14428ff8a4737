import GRDB

extension SQLiteRunStore {
    public func runs(limit: Int?) async throws -> [StoredRun] {
        try await database("list runs") { db in
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT \(QuoteSQL.storedRunList) FROM runs ORDER BY started_at DESC, seq DESC LIMIT ?",
                arguments: [limit ?? -1]
            )
            var result: [StoredRun] = []
            while let row = try rows.next() {
                var summary = StoredRun(
                    id: row[0],
                    source: row[1],
                    status: row[2],
                    startedAt: EpochMillis.fromSQL(row[3]) ?? EpochMillis(0),
                    loadedAt: EpochMillis.fromSQL(row[18]) ?? EpochMillis(0)
                )
                summary.endedAt = EpochMillis.fromSQL(row[4])
                summary.snapshotAt = EpochMillis.fromSQL(row[5])
                summary.sourceHost = row[6]
                summary.coinpipeVersion = row[7]
                summary.converts = (row[8] as String? ?? "").split(separator: ",").map(String.init)
                summary.creditsUsed = row[9]
                summary.coins = row[10]
                summary.info = row[11]
                let downloaded: Int? = row[12]
                let cached: Int? = row[13]
                summary.logos = downloaded == nil && cached == nil ? nil : (downloaded ?? 0) + (cached ?? 0)
                summary.logosFailed = row[14]
                summary.diagnostics = row[15]
                summary.quotesSeen = row[16]
                summary.quotesNew = row[17]
                summary.failures = row[19]
                result.append(summary)
            }
            return result
        }
    }

    public func latest(convert: String, top: Int?) async throws -> [QuoteRow] {
        try await database("read the latest snapshot") { db in
            guard
                let runSeq = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT seq FROM runs WHERE quotes_seen > 0 AND (',' || converts || ',') LIKE ?
                        ORDER BY started_at DESC, seq DESC LIMIT 1
                        """,
                    arguments: ["%,\(convert),%"]
                )
            else { return [] }
            return try Self.quoteRows(
                db,
                sql: """
                    SELECT \(QuoteSQL.selectList) FROM run_quotes rq JOIN quotes q ON q.id = rq.quote_id
                    \(QuoteSQL.joins)
                    WHERE rq.run_seq = ? AND q.convert = ?
                    ORDER BY q.cmc_rank IS NULL, q.cmc_rank, q.coin_id LIMIT ?
                    """,
                arguments: [runSeq, convert, top ?? -1]
            )
        }
    }

    public func coins(matching query: CoinQuery, convert: String) async throws -> [CoinCandidate] {
        try await database("look up a coin") { db in
            let ids: [Int]
            switch query {
            case .id(let id):
                ids = try Int.fetchAll(db, sql: "SELECT DISTINCT id FROM coins WHERE id = ?", arguments: [id])
            case .name(let text):
                let bySlug = try Int.fetchAll(
                    db,
                    sql: "SELECT DISTINCT id FROM coins WHERE slug = ? ORDER BY id",
                    arguments: [text.lowercased()]
                )
                if !bySlug.isEmpty {
                    ids = bySlug
                } else {
                    let current = try Int.fetchAll(
                        db,
                        sql: """
                            SELECT DISTINCT id FROM coins WHERE symbol = ? COLLATE NOCASE AND valid_to IS NULL
                            ORDER BY id
                            """,
                        arguments: [text]
                    )
                    ids =
                        current.isEmpty
                        ? try Int.fetchAll(
                            db,
                            sql: "SELECT DISTINCT id FROM coins WHERE symbol = ? COLLATE NOCASE ORDER BY id",
                            arguments: [text]
                        ) : current
                }
            }
            return try Self.candidates(db, ids: ids, convert: convert)
        }
    }

    public func coins(withSymbol symbol: String, convert: String) async throws -> [CoinCandidate] {
        try await database("look up a symbol") { db in
            let ids = try Int.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT id FROM coins WHERE symbol = ? COLLATE NOCASE AND valid_to IS NULL ORDER BY id
                    """,
                arguments: [symbol]
            )
            return try Self.candidates(db, ids: ids, convert: convert)
        }
    }

    public func coinMetadata(coinID: Int) async throws -> CoinMetadata? {
        try await database("read a coin's metadata") { db in
            // Read through SQLiteColumns, which keeps a NUL inside text (GRDB's String stops at it).
            try SQLiteColumns.first(
                db,
                sql: """
                    SELECT symbol, name, slug, category, description, logo_url, subreddit, notice, tags,
                    tag_names, urls, platform, contract_address, date_added, date_launched, twitter_username,
                    observed_at FROM coin_info WHERE coin_id = ?
                    """,
                arguments: [coinID]
            ) { columns in
                let symbol = columns.text()
                let name = columns.text()
                let slug = columns.text()
                let category = columns.text()
                let description = columns.text()
                let logoURL = columns.text()
                let subreddit = columns.text()
                let notice = columns.text()
                let tags = columns.text()
                let tagNames = columns.text()
                let urls = columns.text()
                let platform = columns.text()
                let contractAddresses = columns.text()
                let dateAdded = columns.time()
                let dateLaunched = columns.time()
                let twitterUsername = columns.text()
                var metadata = CoinMetadata(coinID: coinID, observedAt: columns.time() ?? EpochMillis(0))
                metadata.symbol = symbol
                metadata.name = name
                metadata.slug = slug
                metadata.category = category
                metadata.description = description
                metadata.logoURL = logoURL
                metadata.subreddit = subreddit
                metadata.notice = notice
                metadata.setJSONColumns(
                    tags: tags,
                    tagNames: tagNames,
                    urls: urls,
                    platform: platform,
                    contractAddresses: contractAddresses
                )
                metadata.dateAdded = dateAdded
                metadata.dateLaunched = dateLaunched
                metadata.twitterUsername = twitterUsername
                return metadata
            }
        }
    }

    public func logoRunIDs(coinID: Int) async throws -> [String] {
        try await database("find a coin's logos") { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT r.id FROM logos l JOIN runs r ON r.seq = l.first_seen_run WHERE l.coin_id = ?
                    GROUP BY r.seq, r.id, r.started_at ORDER BY r.started_at DESC, r.seq DESC
                    """,
                arguments: [coinID]
            )
        }
    }

    public func prices(coinIDs: [Int], convert: String, range: TimeRange) async throws -> [Int: [PricePoint]] {
        let ids = Array(Set(coinIDs)).sorted()
        guard !ids.isEmpty else { return [:] }
        return try await database("read prices") { db in
            var conditions = [
                "coin_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))", "convert = ?",
                "price IS NOT NULL",
            ]
            var arguments = StatementArguments(ids)
            _ = arguments.append(contentsOf: [convert])
            if let from = range.from {
                conditions.append("last_updated >= ?")
                _ = arguments.append(contentsOf: [from.sqlValue])
            }
            if let to = range.to {
                conditions.append("last_updated < ?")
                _ = arguments.append(contentsOf: [to.sqlValue])
            }
            let statement = try db.makeStatement(
                sql: """
                    SELECT coin_id, last_updated, price FROM quotes WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY coin_id, last_updated
                    """
            )
            try statement.setArguments(arguments)
            var result: [Int: [PricePoint]] = [:]
            try SQLiteColumns.forEachRow(statement, db) { columns in
                guard let id = columns.int(), let time = columns.time(), let price = columns.double() else { return }
                result[id, default: []].append(PricePoint(time: time, price: price))
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
        return try await database("read sampled prices") { db in
            // The slices start at the earliest price of these coins in the range (one index probe a coin), so
            // a short history keeps every point.
            let coins = Array(repeating: "(?)", count: ids.count).joined(separator: ", ")
            var firstArguments = StatementArguments(ids)
            _ = firstArguments.append(contentsOf: [convert, rangeFrom.sqlValue, to.sqlValue])
            let firstText = try String.fetchOne(
                db,
                sql: """
                    WITH c(id) AS (VALUES \(coins))
                    SELECT min((SELECT min(p.last_updated) FROM quotes p
                        WHERE p.coin_id = c.id AND p.convert = ? AND p.last_updated >= ? AND p.last_updated < ?))
                    FROM c
                    """,
                arguments: firstArguments
            )
            guard let first = firstText.flatMap(EpochMillis.init(iso8601:)),
                let bounds = TimeRange(from: max(first, rangeFrom), to: to).slices(samples)
            else { return [:] }
            // One probe of the (coin_id, convert, last_updated) index per coin and slice.
            let slices = Array(repeating: "(?, ?)", count: samples).joined(separator: ", ")
            var arguments = StatementArguments()
            for index in 0..<samples {
                _ = arguments.append(contentsOf: [bounds[index].sqlValue, bounds[index + 1].sqlValue])
            }
            _ = arguments.append(contentsOf: StatementArguments(ids))
            _ = arguments.append(contentsOf: [convert])
            let statement = try db.makeStatement(
                sql: """
                    WITH b(t, u) AS (VALUES \(slices)), c(id) AS (VALUES \(coins))
                    SELECT q.coin_id, q.last_updated, q.price FROM c CROSS JOIN b JOIN quotes q ON q.id = (
                        SELECT p.id FROM quotes p
                        WHERE p.coin_id = c.id AND p.convert = ? AND p.price IS NOT NULL
                            AND p.last_updated >= b.t AND p.last_updated < b.u
                        ORDER BY p.last_updated DESC LIMIT 1
                    )
                    ORDER BY q.coin_id, q.last_updated
                    """
            )
            try statement.setArguments(arguments)
            var result: [Int: [PricePoint]] = [:]
            try SQLiteColumns.forEachRow(statement, db) { columns in
                guard let id = columns.int(), let time = columns.time(), let price = columns.double() else { return }
                result[id, default: []].append(PricePoint(time: time, price: price))
            }
            return result
        }
    }

    /// The candidates for `ids`: each coin's newest identity and latest market cap in `convert`.
    static func candidates(_ db: Database, ids: [Int], convert: String) throws -> [CoinCandidate] {
        var candidates: [CoinCandidate] = []
        for id in ids {
            var candidate = CoinCandidate(id: id)
            if let identity = try SQLiteColumns.first(
                db,
                sql: "SELECT name, symbol, slug FROM coins WHERE id = ? ORDER BY valid_from DESC LIMIT 1",
                arguments: [id],
                { columns in (columns.text(), columns.text(), columns.text()) }
            ) {
                candidate.name = identity.0
                candidate.symbol = identity.1
                candidate.slug = identity.2
            }
            if let market = try Row.fetchOne(
                db,
                sql: """
                    SELECT market_cap, cmc_rank FROM quotes WHERE coin_id = ? AND convert = ?
                    ORDER BY last_updated DESC LIMIT 1
                    """,
                arguments: [id, convert]
            ) {
                candidate.marketCap = market[0]
                candidate.cmcRank = market[1]
            }
            candidates.append(candidate)
        }
        return candidates.sortedByMarketCap()
    }

    public func history(coinID: Int, convert: String, range: TimeRange) async throws -> [QuoteRow] {
        try await database("read a coin's history") { db in
            var conditions = ["q.coin_id = ?", "q.convert = ?"]
            var arguments: StatementArguments = [coinID, convert]
            if let from = range.from {
                conditions.append("q.last_updated >= ?")
                _ = arguments.append(contentsOf: [from.sqlValue])
            }
            if let to = range.to {
                conditions.append("q.last_updated < ?")
                _ = arguments.append(contentsOf: [to.sqlValue])
            }
            let identity = try SQLiteColumns.first(
                db,
                sql: "SELECT symbol, name, slug FROM coins WHERE id = ? ORDER BY valid_from DESC LIMIT 1",
                arguments: [coinID],
                { columns in (columns.text(), columns.text(), columns.text()) }
            )
            let statement = try db.makeStatement(
                sql: """
                    SELECT \(QuoteSQL.historySelectList) FROM quotes q
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY q.last_updated
                    """
            )
            try statement.setArguments(arguments)
            var rows: [QuoteRow] = []
            var runSeqs: [Int64] = []
            var scratch: [Double?] = []
            let symbol = identity?.0
            let name = identity?.1
            let slug = identity?.2
            try SQLiteColumns.forEachRow(statement, db) { columns in
                let lastUpdated = columns.time() ?? EpochMillis(0)
                runSeqs.append(columns.int64())
                var quote = QuoteRow(coinID: coinID, convert: convert, lastUpdated: lastUpdated, firstSeenRun: "")
                quote.symbol = symbol
                quote.name = name
                quote.slug = slug
                Self.readMarketColumns(&columns, into: &quote, scratch: &scratch)
                rows.append(quote)
            }
            guard let low = runSeqs.min(), let high = runSeqs.max() else { return [] }
            var runIDs: [Int64: String] = [:]
            let runs = try db.makeStatement(sql: "SELECT seq, id FROM runs WHERE seq BETWEEN ? AND ?")
            try runs.setArguments([low, high])
            try SQLiteColumns.forEachRow(runs, db) { columns in
                let seq = columns.int64()
                runIDs[seq] = columns.text()
            }
            for index in rows.indices {
                rows[index].firstSeenRun = runIDs[runSeqs[index]] ?? ""
            }
            return rows
        }
    }

    public func export(
        _ selection: ExportSelection,
        convert: String?,
        chunkSize: Int,
        _ body: ([QuoteRow]) async throws -> Void
    ) async throws -> Int {
        let chunkSize = max(1, chunkSize)
        var total = 0
        switch selection {
        case .run(let runID):
            let runSeq = try await database("find run \(runID)") { db in
                try Int64.fetchOne(db, sql: "SELECT seq FROM runs WHERE id = ?", arguments: [runID])
            }
            guard let runSeq else {
                throw StoreError(.runNotFound, "no stored run has the id \(runID); `coinpipe runs` lists them.")
            }
            // Keyset pages over the run's quote ids: each page is one short read, so a loading collector is
            // never blocked and memory stays at one chunk.
            var after: Int64 = 0
            while true {
                let cursor = after
                let page = try await database("export run \(runID)") { db in
                    var sql = """
                        SELECT \(QuoteSQL.selectList), q.id FROM run_quotes rq JOIN quotes q ON q.id = rq.quote_id
                        \(QuoteSQL.joins) WHERE rq.run_seq = ? AND rq.quote_id > ?
                        """
                    var arguments: StatementArguments = [runSeq, cursor]
                    if let convert {
                        sql += " AND q.convert = ?"
                        _ = arguments.append(contentsOf: [convert])
                    }
                    sql += " ORDER BY rq.quote_id LIMIT ?"
                    _ = arguments.append(contentsOf: [chunkSize])
                    return try Self.keyedQuoteRows(db, sql: sql, arguments: arguments)
                }
                guard let last = page.last else { break }
                after = last.key
                total += page.count
                try await body(page.map(\.row))
                if page.count < chunkSize { break }
            }
        case .range(let range):
            var after: (time: String, id: Int64)? = nil
            while true {
                let cursor = after
                let page = try await database("export quotes") { db in
                    var conditions: [String] = []
                    var arguments: StatementArguments = []
                    if let from = range.from {
                        conditions.append("q.last_updated >= ?")
                        _ = arguments.append(contentsOf: [from.sqlValue])
                    }
                    if let to = range.to {
                        conditions.append("q.last_updated < ?")
                        _ = arguments.append(contentsOf: [to.sqlValue])
                    }
                    if let convert {
                        conditions.append("q.convert = ?")
                        _ = arguments.append(contentsOf: [convert])
                    }
                    if let cursor {
                        conditions.append("(q.last_updated, q.id) > (?, ?)")
                        _ = arguments.append(contentsOf: [cursor.time, cursor.id])
                    }
                    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                    _ = arguments.append(contentsOf: [chunkSize])
                    return try Self.keyedQuoteRows(
                        db,
                        sql: """
                            SELECT \(QuoteSQL.selectList), q.id FROM quotes q \(QuoteSQL.joins) \(whereClause)
                            ORDER BY q.last_updated, q.id LIMIT ?
                            """,
                        arguments: arguments
                    )
                }
                guard let last = page.last else { break }
                after = (last.row.lastUpdated.sqlValue, last.key)
                total += page.count
                try await body(page.map(\.row))
                if page.count < chunkSize { break }
            }
        }
        return total
    }

    // MARK: - Row decoding

    /// Rows of ``QuoteSQL/selectList``.
    static func quoteRows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [QuoteRow] {
        try keyedQuoteRows(db, sql: sql, arguments: arguments, keyed: false).map(\.row)
    }

    /// Rows of ``QuoteSQL/selectList`` followed by `q.id` (when `keyed`).
    static func keyedQuoteRows(
        _ db: Database,
        sql: String,
        arguments: StatementArguments,
        keyed: Bool = true
    ) throws -> [(row: QuoteRow, key: Int64)] {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var result: [(row: QuoteRow, key: Int64)] = []
        var scratch: [Double?] = []
        try SQLiteColumns.forEachRow(statement, db) { columns in
            let row = quoteRow(&columns, scratch: &scratch)
            result.append((row, keyed ? columns.int64() : 0))
        }
        return result
    }

    /// Reads the columns of ``QuoteSQL/selectList``, in order.
    static func quoteRow(_ columns: inout SQLiteColumns, scratch: inout [Double?]) -> QuoteRow {
        let coinID = columns.int() ?? 0
        let symbol = columns.text()
        let name = columns.text()
        let slug = columns.text()
        let convert = columns.text() ?? ""
        let lastUpdated = columns.time() ?? EpochMillis(0)
        var quote = QuoteRow(coinID: coinID, convert: convert, lastUpdated: lastUpdated, firstSeenRun: "")
        quote.symbol = symbol
        quote.name = name
        quote.slug = slug
        readMarketColumns(&columns, into: &quote, scratch: &scratch)
        quote.firstSeenRun = columns.text() ?? ""
        return quote
    }

    /// Reads the numeric columns, `infinite_supply`, `cmc_rank` and `num_market_pairs`, in order; `scratch`
    /// is reused from row to row.
    static func readMarketColumns(
        _ columns: inout SQLiteColumns,
        into quote: inout QuoteRow,
        scratch: inout [Double?]
    ) {
        scratch.removeAll(keepingCapacity: true)
        for _ in QuoteRow.doubleColumns {
            scratch.append(columns.double())
        }
        quote.setDoubles(scratch)
        quote.infiniteSupply = columns.bool()
        quote.cmcRank = columns.int()
        quote.numMarketPairs = columns.int()
    }
}

extension [CoinCandidate] {
    /// Largest market cap first, unknown caps last, then by id.
    func sortedByMarketCap() -> [CoinCandidate] {
        sorted { lhs, rhs in
            switch (lhs.marketCap, rhs.marketCap) {
            case (let left?, let right?) where left != right: left > right
            case (.some, nil): true
            case (nil, .some): false
            default: lhs.id < rhs.id
            }
        }
    }
}
