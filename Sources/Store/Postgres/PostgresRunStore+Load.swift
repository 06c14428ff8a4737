import CMCModels
import Foundation
public import Logging
import PostgresNIO

extension PostgresRunStore {
    /// Quote rows per bulk `UNNEST` insert.
    static let quoteBatchSize = 5000

    public func load(_ run: PreparedRun, logger: Logger) async throws -> LoadReport {
        guard access == .readWrite else { throw StoreError.readOnly(settings.description, "load run \(run.record.id)") }
        return try await database("load run \(run.record.id)") {
            try await client.withTransaction(logger: logger) { connection in
                try await Self.write(run, connection: connection, logger: logger)
            }
        }
    }

    /// Writes a run inside the current transaction with bulk `UNNEST` statements.
    private static func write(
        _ run: PreparedRun,
        connection: PostgresConnection,
        logger: Logger
    ) async throws
        -> LoadReport
    {
        let clock = ContinuousClock()
        var phase = clock.now
        func finished(_ name: String) {
            logger.debug("load phase", metadata: ["phase": "\(name)", "seconds": "\((clock.now - phase).seconds)"])
            phase = clock.now
        }
        // Loads serialize here: the identity merge below reads, then rewrites, coin histories.
        try await execute(connection, "SELECT pg_advisory_xact_lock(\(loadLockKey))", logger: logger)
        let record = run.record
        let runSeq = try await upsertRun(record, connection: connection, logger: logger)

        // Coin identities.
        let coinIDs = run.listings.map(\.id)
        var existing: [Int: [IdentityVersion]] = [:]
        let versions = try await connection.query(
            """
            SELECT id, symbol, name, slug, platform_id, token_address, valid_from, valid_to
            FROM coins WHERE id = ANY(\(coinIDs)::integer[]) ORDER BY id, valid_from
            """,
            logger: logger
        )
        for try await (id, symbol, name, slug, platformID, tokenAddress, validFrom, validTo) in versions.decode(
            (Int, String?, String?, String?, Int?, String?, PostgresTimestamp, PostgresTimestamp?).self
        ) {
            existing[id, default: []].append(
                IdentityVersion(
                    identity: CoinIdentity(
                        symbol: PostgresText.decode(symbol),
                        name: PostgresText.decode(name),
                        slug: PostgresText.decode(slug),
                        platformID: platformID,
                        tokenAddress: PostgresText.decode(tokenAddress)
                    ),
                    validFrom: validFrom.millis,
                    validTo: validTo?.millis
                )
            )
        }
        let changes = IdentityHistory.changes(existing: existing, run: run)
        finished("read identities")
        if !changes.isEmpty {
            let changed = changes.keys.sorted()
            let stored = changed.filter { existing[$0] != nil }
            if !stored.isEmpty {
                try await execute(connection, "DELETE FROM coins WHERE id = ANY(\(stored)::integer[])", logger: logger)
            }
            let rows = changed.flatMap { id in (changes[id] ?? []).map { (id, $0) } }
            var binds = PostgresBindings()
            binds.append(rows.map(\.0))
            binds.append(PostgresNullableArray(rows.map { PostgresText.encode($0.1.identity.symbol) }))
            binds.append(PostgresNullableArray(rows.map { PostgresText.encode($0.1.identity.name) }))
            binds.append(PostgresNullableArray(rows.map { PostgresText.encode($0.1.identity.slug) }))
            binds.append(PostgresNullableArray(rows.map(\.1.identity.platformID)))
            binds.append(PostgresNullableArray(rows.map { PostgresText.encode($0.1.identity.tokenAddress) }))
            binds.append(rows.map { PostgresTimestamp($0.1.validFrom) })
            binds.append(PostgresNullableArray(rows.map { $0.1.validTo.map(PostgresTimestamp.init) }))
            try await execute(
                connection,
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO coins (id, symbol, name, slug, platform_id, token_address, valid_from, valid_to)
                        SELECT * FROM UNNEST($1::integer[], $2::text[], $3::text[], $4::text[], $5::integer[],
                            $6::text[], $7::timestamptz[], $8::timestamptz[])
                        """,
                    binds: binds
                ),
                logger: logger
            )
        }

        finished("write identities")

        // Quotes: one bulk insert per batch, then link every quote of the batch to the run.
        let quoteColumns = QuoteSQL.insertColumns
        let doubleCount = QuoteRow.doubleColumns.count
        let unnestTypes =
            ["integer[]", "text[]", "timestamptz[]"] + Array(repeating: "float8[]", count: doubleCount)
            + ["boolean[]", "integer[]", "integer[]"]
        let unnest = unnestTypes.enumerated().map { "$\($0.offset + 1)::\($0.element)" }.joined(separator: ", ")
        // New quotes are linked to the run by the same statement (from RETURNING); quotes another run stored
        // first are linked by a second statement, run only when the batch had some.
        let insertSQL = """
            WITH inserted AS (
                INSERT INTO quotes (\(quoteColumns.joined(separator: ", ")))
                SELECT u.*, $\(unnestTypes.count + 1)::integer FROM UNNEST(\(unnest)) AS u
                ON CONFLICT (coin_id, convert, last_updated) DO NOTHING
                RETURNING id
            ), linked AS (
                INSERT INTO run_quotes (run_seq, quote_id)
                SELECT $\(unnestTypes.count + 1)::integer, id FROM inserted
            ) SELECT count(*) FROM inserted
            """
        let linkSQL = """
            INSERT INTO run_quotes (run_seq, quote_id)
            SELECT $1::integer, q.id
            FROM UNNEST($2::integer[], $3::text[], $4::timestamptz[]) AS u(coin_id, convert, last_updated)
            JOIN quotes q ON q.coin_id = u.coin_id AND q.convert = u.convert AND q.last_updated = u.last_updated
            ON CONFLICT DO NOTHING
            """
        var inserted = 0
        for batch in run.quoteBatches(size: quoteBatchSize) {
            let ids = batch.map(\.coinID)
            let converts = batch.map(\.convert)
            let times = batch.map { PostgresTimestamp($0.lastUpdated) }
            var binds = PostgresBindings(capacity: unnestTypes.count + 1)
            binds.append(ids)
            binds.append(converts)
            binds.append(times)
            for column in 0..<doubleCount {
                binds.append(PostgresNullableArray(batch.map { $0.doubles[column] }))
            }
            binds.append(PostgresNullableArray(batch.map(\.infiniteSupply)))
            binds.append(PostgresNullableArray(batch.map(\.cmcRank)))
            binds.append(PostgresNullableArray(batch.map(\.numMarketPairs)))
            binds.append(runSeq)
            let new = try await count(connection, PostgresQuery(unsafeSQL: insertSQL, binds: binds), logger: logger)
            inserted += new
            finished("insert quotes")
            if new < batch.count {
                var linkBinds = PostgresBindings(capacity: 4)
                linkBinds.append(runSeq)
                linkBinds.append(ids)
                linkBinds.append(converts)
                linkBinds.append(times)
                try await execute(connection, PostgresQuery(unsafeSQL: linkSQL, binds: linkBinds), logger: logger)
            }
            finished("link quotes")
            logger.debug("stored quote batch", metadata: ["rows": "\(batch.count)"])
        }

        let infoWritten = try await upsertInfo(InfoRecord.records(of: run), runSeq: runSeq, connection, logger)
        let logosInserted = try await insertLogos(run.logos, runSeq: runSeq, connection, logger)
        try await execute(
            connection,
            """
            UPDATE runs SET quotes_seen = (SELECT count(*) FROM run_quotes WHERE run_seq = \(runSeq)),
                quotes_new = quotes_new + \(inserted)
            WHERE seq = \(runSeq)
            """,
            logger: logger
        )
        return LoadReport(
            runID: record.id,
            source: record.source,
            status: record.status,
            quotesSeen: run.quoteCount,
            quotesInserted: inserted,
            coinsChanged: changes.count,
            infoWritten: infoWritten,
            logosInserted: logosInserted,
            diagnostics: run.diagnostics
        )
    }

    /// Inserts or updates the `runs` row; returns its `seq`.
    private static func upsertRun(
        _ record: RunRecord,
        connection: PostgresConnection,
        logger: Logger
    ) async throws
        -> Int
    {
        let columns = QuoteSQL.runColumns
        var binds = PostgresBindings(capacity: columns.count + 1)
        binds.append(record.id)
        binds.append(record.source)
        binds.append(record.status)
        binds.append(PostgresTimestamp(record.startedAt))
        binds.append(record.endedAt.map(PostgresTimestamp.init))
        binds.append(record.snapshotAt.map(PostgresTimestamp.init))
        binds.append(record.coinpipeVersion)
        binds.append(record.baseURL)
        binds.append(record.sourceHost)
        binds.append(record.parametersJSON)
        binds.append(record.converts.joined(separator: ","))
        for value in [
            record.creditsUsed, record.coins, record.info, record.logosExpected, record.logosDownloaded,
            record.logosCached, record.logosFailed, record.diagnostics, record.failures,
        ] {
            binds.append(value)
        }
        binds.append(record.folder)
        binds.append(PostgresTimestamp(EpochMillis(Date())))
        let placeholders = columns.indices.map { index in
            columns[index] == "parameters" ? "$\(index + 1)::jsonb" : "$\(index + 1)"
        }
        let sql = """
            INSERT INTO runs (\(columns.joined(separator: ", ")), loaded_at)
            VALUES (\(placeholders.joined(separator: ", ")), $\(columns.count + 1))
            ON CONFLICT (id) DO UPDATE SET
            \(columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            RETURNING seq
            """
        for try await seq in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            .decode(Int.self)
        {
            return seq
        }
        throw StoreError(.database, "the runs row of \(record.id) was not written")
    }

    /// Upserts metadata; the newest observation of each coin wins. Returns the rows written.
    private static func upsertInfo(
        _ records: [InfoRecord],
        runSeq: Int,
        _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        var binds = PostgresBindings(capacity: 26)
        binds.append(records.map(\.coinID))
        // PostgreSQL cannot hold a NUL character: text that has one is stored escaped (see PostgresText).
        for column in [
            \InfoRecord.symbol, \.name, \.slug, \.category, \.description, \.logoURL, \.subreddit, \.notice,
        ] {
            binds.append(PostgresNullableArray(records.map { PostgresText.encode($0[keyPath: column]) }))
        }
        for column in [\InfoRecord.tags, \.tagNames, \.tagGroups, \.urls, \.platform, \.contractAddress] {
            binds.append(PostgresNullableArray(records.map { PostgresText.encodeJSON($0[keyPath: column]) }))
        }
        binds.append(PostgresNullableArray(records.map { $0.dateAdded.map(PostgresTimestamp.init) }))
        binds.append(PostgresNullableArray(records.map { $0.dateLaunched.map(PostgresTimestamp.init) }))
        binds.append(PostgresNullableArray(records.map { PostgresText.encode($0.twitterUsername) }))
        binds.append(PostgresNullableArray(records.map(\.isHidden)))
        binds.append(PostgresNullableArray(records.map(\.selfReportedCirculatingSupply)))
        binds.append(PostgresNullableArray(records.map(\.selfReportedMarketCap)))
        binds.append(PostgresNullableArray(records.map { PostgresText.encodeJSON($0.selfReportedTags) }))
        binds.append(PostgresNullableArray(records.map(\.infiniteSupply)))
        binds.append(PostgresNullableArray(records.map(\.logoSHA256)))
        binds.append(records.map { PostgresTimestamp($0.observedAt) })
        binds.append(runSeq)
        let columns = QuoteSQL.infoColumns
        let types = [
            "integer[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]",
            "text[]", "text[]", "text[]", "text[]", "text[]", "timestamptz[]", "timestamptz[]", "text[]",
            "integer[]", "float8[]", "float8[]", "text[]", "boolean[]", "text[]", "timestamptz[]",
        ]
        let jsonColumns: Set<String> = [
            "tags", "tag_names", "tag_groups", "urls", "platform", "contract_address", "self_reported_tags",
        ]
        let names = columns.dropLast()
        let selectList = names.map { jsonColumns.contains($0) ? "u.\($0)::jsonb" : "u.\($0)" }
        let sql = """
            WITH written AS (
                INSERT INTO coin_info (\(columns.joined(separator: ", ")))
                SELECT \(selectList.joined(separator: ", ")), $\(types.count + 1)::integer
                FROM UNNEST(\(types.enumerated().map { "$\($0.offset + 1)::\($0.element)" }.joined(separator: ", ")))
                    AS u(\(names.joined(separator: ", ")))
                ON CONFLICT (coin_id) DO UPDATE SET
                \(columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
                WHERE excluded.observed_at > coin_info.observed_at
                RETURNING 1
            ) SELECT count(*) FROM written
            """
        return try await count(connection, PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    /// Inserts logos not stored yet. Returns the rows inserted.
    private static func insertLogos(
        _ logos: [LogoFile],
        runSeq: Int,
        _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws -> Int {
        guard !logos.isEmpty else { return 0 }
        var binds = PostgresBindings(capacity: 6)
        binds.append(logos.map(\.coinID))
        binds.append(logos.map(\.size))
        binds.append(logos.map(\.sha256))
        binds.append(logos.map(\.bytes))
        binds.append(logos.map(\.path))
        binds.append(runSeq)
        let sql = """
            WITH inserted AS (
                INSERT INTO logos (coin_id, size, sha256, bytes, path, first_seen_run)
                SELECT u.*, $6::integer
                FROM UNNEST($1::integer[], $2::integer[], $3::text[], $4::integer[], $5::text[]) AS u
                ON CONFLICT DO NOTHING
                RETURNING 1
            ) SELECT count(*) FROM inserted
            """
        return try await count(connection, PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    // MARK: - Helpers

    private static func execute(
        _ connection: PostgresConnection,
        _ query: PostgresQuery,
        logger: Logger
    )
        async throws
    {
        _ = try await connection.query(query, logger: logger).collect()
    }

    private static func count(
        _ connection: PostgresConnection,
        _ query: PostgresQuery,
        logger: Logger
    )
        async throws -> Int
    {
        var result = 0
        for try await value in try await connection.query(query, logger: logger).decode(Int.self) {
            result = value
        }
        return result
    }
}
