/// The formats `export` writes, one quote per line.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma-separated values with a header line (RFC 4180 quoting; an empty field is NULL).
    case csv
    /// One JSON object per line; NULL is `null`.
    case jsonl

    /// The first line of the output, if the format has one.
    public var header: String? {
        switch self {
        case .csv: QuoteRow.columnNames.joined(separator: ",")
        case .jsonl: nil
        }
    }

    /// One row as a line (without the line break).
    ///
    /// - Parameter row: The quote.
    /// - Returns: The CSV record or the JSON object.
    public func line(_ row: QuoteRow) -> String {
        switch self {
        case .csv: QuoteRowText.csvFields(row).map(QuoteRowText.csvQuoted).joined(separator: ",")
        case .jsonl: QuoteRowText.jsonObject(row)
        }
    }
}
