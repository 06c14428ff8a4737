import Foundation
import Store

/// The text of each query's result in each ``QueryFormat``: what `coinpipe runs`, `latest`, `history` and
/// `load` print.
enum StoreRendering {
    // MARK: - runs

    /// `coinpipe runs`.
    ///
    /// - Parameters:
    ///   - runs: The runs, newest first.
    ///   - format: The output format.
    /// - Returns: The text, ending without a line break.
    static func runs(_ runs: [StoredRun], format: QueryFormat) -> String {
        let records: [[(String, QuoteRowText.Field)]] = runs.map { run in
            [
                ("run_id", .text(run.id)), ("source", .text(run.source)), ("status", .text(run.status)),
                ("started_at", .text(run.startedAt.iso8601)), ("ended_at", time(run.endedAt)),
                ("snapshot_at", time(run.snapshotAt)), ("source_host", text(run.sourceHost)),
                ("coinpipe_version", text(run.coinpipeVersion)),
                ("converts", .text(run.converts.joined(separator: ","))), ("coins", integer(run.coins)),
                ("info", integer(run.info)), ("logos", integer(run.logos)), ("logos_failed", integer(run.logosFailed)),
                ("diagnostics", integer(run.diagnostics)), ("quotes", .integer(run.quotesSeen)),
                ("new_quotes", .integer(run.quotesNew)), ("credits_used", integer(run.creditsUsed)),
                ("loaded_at", .text(run.loadedAt.iso8601)),
            ]
        }
        switch format {
        case .csv, .json:
            return structured(records, names: records.first?.map(\.0) ?? [], format: format)
        case .table:
            var table = TextTable(columns: [
                .init("RUN"), .init("SOURCE"), .init("STATUS"), .init("STARTED (UTC)"), .init("COINS", .right),
                .init("INFO", .right), .init("LOGOS", .right), .init("QUOTES", .right), .init("NEW", .right),
                .init("CREDITS", .right), .init("CONVERT"),
            ])
            table.rows = runs.map { run in
                [
                    run.id, run.source, run.status, minute(run.startedAt), count(run.coins), count(run.info),
                    count(run.logos), String(run.quotesSeen), String(run.quotesNew), count(run.creditsUsed),
                    run.converts.joined(separator: ","),
                ]
            }
            return table.text
        }
    }

    // MARK: - latest and history

    /// `coinpipe latest`: rank, coin, price, market cap, 24 h change, volume, time.
    ///
    /// - Parameters:
    ///   - rows: The quotes, by rank.
    ///   - format: The output format (CSV and JSON carry every column).
    /// - Returns: The text, ending without a line break.
    static func latest(_ rows: [QuoteRow], format: QueryFormat) -> String {
        guard format == .table else { return quotes(rows, format: format) }
        var table = TextTable(columns: [
            .init("RANK", .right), .init("ID", .right), .init("SYMBOL"), .init("NAME"), .init("PRICE", .right),
            .init("MARKET CAP", .right), .init("24H %", .right), .init("VOLUME 24H", .right),
            .init("LAST UPDATED (UTC)"),
        ])
        table.rows = rows.map { row in
            [
                count(row.cmcRank), String(row.coinID), row.symbol ?? "", row.name ?? "", number(row.price),
                grouped(row.marketCap), percent(row.percentChange24h), grouped(row.volume24h), minute(row.lastUpdated),
            ]
        }
        return table.text
    }

    /// `coinpipe history`: one line per stored quote, oldest first.
    ///
    /// - Parameters:
    ///   - coin: The coin.
    ///   - convert: The convert currency.
    ///   - rows: The quotes.
    ///   - format: The output format (CSV and JSON carry every column; the table has a title line).
    /// - Returns: The text, ending without a line break.
    static func history(
        coin: CoinCandidate,
        convert: String,
        _ rows: [QuoteRow],
        format: QueryFormat
    )
        -> String
    {
        guard format == .table else { return quotes(rows, format: format) }
        let title =
            "\(coin.symbol ?? "?") \(coin.name.map { "(\($0)) " } ?? "")id \(coin.id), slug \(coin.slug ?? "?"), "
            + "in \(convert): \(rows.count) quote\(rows.count == 1 ? "" : "s")"
        var table = TextTable(columns: [
            .init("LAST UPDATED (UTC)"), .init("PRICE", .right), .init("MARKET CAP", .right),
            .init("VOLUME 24H", .right), .init("1H %", .right), .init("24H %", .right), .init("7D %", .right),
            .init("RANK", .right),
        ])
        table.rows = rows.map { row in
            [
                minute(row.lastUpdated), number(row.price), grouped(row.marketCap), grouped(row.volume24h),
                percent(row.percentChange1h), percent(row.percentChange24h), percent(row.percentChange7d),
                count(row.cmcRank),
            ]
        }
        return title + "\n" + table.text
    }

    /// Quotes with every column, as CSV or a JSON array.
    ///
    /// - Parameters:
    ///   - rows: The quotes.
    ///   - format: `.csv` or `.json` (`.table` gives the `latest` table).
    /// - Returns: The text, ending without a line break.
    static func quotes(_ rows: [QuoteRow], format: QueryFormat) -> String {
        switch format {
        case .table: latest(rows, format: .table)
        case .csv, .json:
            structured(
                rows.map { Array(zip(QuoteRow.columnNames, QuoteRowText.fields($0))) },
                names: QuoteRow.columnNames,
                format: format
            )
        }
    }

    // MARK: - load

    /// `coinpipe load`: one line per run folder loaded.
    ///
    /// - Parameters:
    ///   - reports: The loads.
    ///   - format: The output format.
    /// - Returns: The text, ending without a line break.
    static func loads(_ reports: [LoadReport], format: QueryFormat) -> String {
        let records: [[(String, QuoteRowText.Field)]] = reports.map { report in
            [
                ("run_id", .text(report.runID)), ("source", .text(report.source)), ("status", .text(report.status)),
                ("quotes", .integer(report.quotesSeen)), ("new_quotes", .integer(report.quotesInserted)),
                ("coins_changed", .integer(report.coinsChanged)), ("info_written", .integer(report.infoWritten)),
                ("logos_new", .integer(report.logosInserted)), ("diagnostics", .integer(report.diagnostics.count)),
                ("seconds", .number((report.seconds * 1000).rounded() / 1000)),
            ]
        }
        switch format {
        case .csv, .json:
            return structured(records, names: records.first?.map(\.0) ?? [], format: format)
        case .table:
            var table = TextTable(columns: [
                .init("RUN"), .init("SOURCE"), .init("STATUS"), .init("QUOTES", .right), .init("NEW", .right),
                .init("COINS CHANGED", .right), .init("INFO", .right), .init("LOGOS NEW", .right),
                .init("SECONDS", .right),
            ])
            table.rows = reports.map { report in
                [
                    report.runID, report.source, report.status, String(report.quotesSeen),
                    String(report.quotesInserted), String(report.coinsChanged), String(report.infoWritten),
                    String(report.logosInserted), String(format: "%.3f", report.seconds),
                ]
            }
            return table.text
        }
    }

    // MARK: - Cells

    /// Records as CSV (header line, then one line each) or one JSON array (one object per line).
    static func structured(
        _ records: [[(String, QuoteRowText.Field)]],
        names: [String],
        format: QueryFormat
    )
        -> String
    {
        switch format {
        case .csv:
            let lines = records.map { record in
                record.map { QuoteRowText.csvQuoted(QuoteRowText.plain($0.1)) }.joined(separator: ",")
            }
            return ([names.joined(separator: ",")] + lines).joined(separator: "\n")
        case .json, .table:
            guard !records.isEmpty else { return "[]" }
            return "[\n" + records.map { QuoteRowText.jsonObject($0) }.joined(separator: ",\n") + "\n]"
        }
    }

    private static func text(_ value: String?) -> QuoteRowText.Field { value.map(QuoteRowText.Field.text) ?? .null }
    private static func integer(_ value: Int?) -> QuoteRowText.Field { value.map(QuoteRowText.Field.integer) ?? .null }
    private static func time(_ value: EpochMillis?) -> QuoteRowText.Field {
        value.map { .text($0.iso8601) } ?? .null
    }

    /// `2024-05-01 11:59` (UTC), or with seconds when they are not zero.
    static func minute(_ time: EpochMillis) -> String {
        let text = time.iso8601.replacing("T", with: " ")
        let seconds = text.dropFirst(16).prefix(7)
        return seconds == ":00.000" ? String(text.prefix(16)) : String(text.prefix(19))
    }

    static func count(_ value: Int?) -> String { value.map(String.init) ?? "-" }

    /// A price for people: ten significant digits (`64770.49148`), exact below 0.0001 (`8.565764597139966e-06`).
    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        let text = String(format: "%.10g", value)
        return text.contains("e") ? NumberText.plain(value) : text
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%+.2f", value)
    }

    /// Whole units with thousands separators: `1,132,650,000,000`.
    static func grouped(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        guard abs(value) < 9e18 else { return NumberText.plain(value) }
        let digits = String(abs(Int64(value.rounded())))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
