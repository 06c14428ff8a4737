import CMCModels
import Foundation
import GRDB
public import Logging

extension SQLiteRunStore {
    public func load(_ run: PreparedRun, logger: Logger) async throws -> LoadReport {
        let writer = try self.writer("load run \(run.record.id)")
        do {
            return try await writer.write { db in try Self.write(run, into: db, logger: logger) }
        } catch let error as DatabaseError {
            throw StoreError(
                .database,
                "cannot load run \(run.record.id) into \(path): \(SQLiteFailure.describe(error))."
            )
        }
    }

    /// Writes a run inside the current transaction, reusing one prepared statement per table.
    private static func write(_ run: PreparedRun, into db: Database, logger: Logger) throws -> LoadReport {
        let record = run.record
        let clock = ContinuousClock()
        var phase = clock.now
        func finished(_ name: String) {
            logger.debug("load phase", metadata: ["phase": "\(name)", "seconds": "\((clock.now - phase).seconds)"])
            phase = clock.now
        }
        let runSeq = try upsertRun(record, into: db)

        // Coin identities: read the stored histories, merge the run's observations, rewrite what changed.
        var existing: [Int: [IdentityVersion]] = [:]
        let versions = try db.makeStatement(
            sql: """
                SELECT id, symbol, name, slug, platform_id, token_address, valid_from, valid_to
                FROM coins ORDER BY id, valid_from
                """
        )
        try SQLiteColumns.forEachRow(versions, db) { columns in
            let id = columns.int() ?? 0
            let identity = CoinIdentity(
                symbol: columns.text(),
                name: columns.text(),
                slug: columns.text(),
                platformID: columns.int(),
                tokenAddress: columns.text()
            )
            guard let validFrom = columns.time() else { return }
            existing[id, default: []].append(
                IdentityVersion(identity: identity, validFrom: validFrom, validTo: columns.time())
            )
        }
        let changes = IdentityHistory.changes(existing: existing, run: run)
        finished("read identities")
        let deleteCoin = try db.makeStatement(sql: "DELETE FROM coins WHERE id = ?")
        let insertCoin = try db.makeStatement(
            sql: """
                INSERT INTO coins (id, symbol, name, slug, platform_id, token_address, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for (coinID, history) in changes.sorted(by: { $0.key < $1.key }) {
            if existing[coinID] != nil {
                try deleteCoin.execute(arguments: [coinID])
            }
            for version in history {
                let identity = version.identity
                var row = SQLiteRow(insertCoin)
                row.bind(coinID)
                row.bind(identity.symbol)
                row.bind(identity.name)
                row.bind(identity.slug)
                row.bind(identity.platformID)
                row.bind(identity.tokenAddress)
                row.bind(version.validFrom.sqlValue)
                row.bind(version.validTo?.sqlValue)
                _ = try row.step(db)
            }
        }

        finished("write identities")

        // Quotes: insert new ones, link every one the run saw.
        let columns = QuoteSQL.insertColumns
        let insertQuote = try db.makeStatement(
            sql: """
                INSERT INTO quotes (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (coin_id, convert, last_updated) DO NOTHING
                RETURNING id
                """
        )
        let findQuote = try db.makeStatement(
            sql: "SELECT id FROM quotes WHERE coin_id = ? AND convert = ? AND last_updated = ?"
        )
        let linkQuote = try db.makeStatement(
            sql: "INSERT INTO run_quotes (run_seq, quote_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
        )
        var inserted = 0
        for batch in run.quoteBatches(size: 2000) {
            for quote in batch {
                var row = SQLiteRow(insertQuote)
                row.bind(quote.coinID)
                row.bind(quote.convert)
                row.bind(quote.lastUpdated.sqlValue)
                for value in quote.doubles { row.bind(value) }
                row.bind(quote.infiniteSupply)
                row.bind(quote.cmcRank)
                row.bind(quote.numMarketPairs)
                row.bind(runSeq)
                let quoteID: Int64
                if let newID = try row.step(db) {
                    quoteID = newID
                    inserted += 1
                } else {
                    var find = SQLiteRow(findQuote)
                    find.bind(quote.coinID)
                    find.bind(quote.convert)
                    find.bind(quote.lastUpdated.sqlValue)
                    guard let found = try find.step(db) else {
                        throw StoreError(.database, "quote \(quote.coinID)/\(quote.convert) vanished while loading")
                    }
                    quoteID = found
                }
                var link = SQLiteRow(linkQuote)
                link.bind(runSeq)
                link.bind(quoteID)
                _ = try link.step(db)
            }
            logger.debug("stored quote batch", metadata: ["rows": "\(batch.count)"])
        }
        finished("quotes")

        // Metadata: the newest observation of each coin wins.
        let infoColumns = QuoteSQL.infoColumns
        let upsertInfo = try db.makeStatement(
            sql: """
                INSERT INTO coin_info (\(infoColumns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: infoColumns.count).joined(separator: ", ")))
                ON CONFLICT (coin_id) DO UPDATE SET
                \(infoColumns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
                WHERE excluded.observed_at > coin_info.observed_at
                """
        )
        var infoWritten = 0
        for info in InfoRecord.records(of: run) {
            // Bound through SQLiteRow, which binds text with its length: GRDB's String binding stops at a NUL.
            var row = SQLiteRow(upsertInfo)
            row.bind(info.coinID)
            for text in [
                info.symbol, info.name, info.slug, info.category, info.description, info.logoURL, info.subreddit,
                info.notice, info.tags, info.tagNames, info.tagGroups, info.urls, info.platform, info.contractAddress,
            ] {
                row.bind(text)
            }
            row.bind(info.dateAdded)
            row.bind(info.dateLaunched)
            row.bind(info.twitterUsername)
            row.bind(info.isHidden)
            row.bind(info.selfReportedCirculatingSupply)
            row.bind(info.selfReportedMarketCap)
            row.bind(info.selfReportedTags)
            row.bind(info.infiniteSupply)
            row.bind(info.logoSHA256)
            row.bind(info.observedAt)
            row.bind(runSeq)
            _ = try row.step(db)
            infoWritten += db.changesCount
        }

        let insertLogo = try db.makeStatement(
            sql: """
                INSERT INTO logos (coin_id, size, sha256, bytes, path, first_seen_run) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """
        )
        var logosInserted = 0
        for logo in run.logos {
            try insertLogo.execute(arguments: [logo.coinID, logo.size, logo.sha256, logo.bytes, logo.path, runSeq])
            logosInserted += db.changesCount
        }

        finished("metadata and logos")
        let seen = try Int.fetchOne(db, sql: "SELECT count(*) FROM run_quotes WHERE run_seq = ?", arguments: [runSeq])
        try db.execute(
            sql: "UPDATE runs SET quotes_seen = ?, quotes_new = quotes_new + ? WHERE seq = ?",
            arguments: [seen ?? 0, inserted, runSeq]
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
    private static func upsertRun(_ record: RunRecord, into db: Database) throws -> Int64 {
        let columns = QuoteSQL.runColumns
        let arguments: [(any DatabaseValueConvertible)?] = [
            record.id, record.source, record.status, record.startedAt.sqlValue, record.endedAt?.sqlValue,
            record.snapshotAt?.sqlValue, record.coinpipeVersion, record.baseURL, record.sourceHost,
            record.parametersJSON, record.converts.joined(separator: ","), record.creditsUsed, record.coins,
            record.info, record.logosExpected, record.logosDownloaded, record.logosCached, record.logosFailed,
            record.diagnostics, record.failures, record.folder,
        ]
        let sql = """
            INSERT INTO runs (\(columns.joined(separator: ", ")), loaded_at)
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")), ?)
            ON CONFLICT (id) DO UPDATE SET
            \(columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            RETURNING seq
            """
        guard
            let seq = try Int64.fetchOne(
                db,
                sql: sql,
                arguments: StatementArguments(arguments + [EpochMillis(Date()).sqlValue])
            )
        else {
            throw StoreError(.database, "the runs row of \(record.id) was not written")
        }
        return seq
    }
}
