/// A ``QuoteRow`` as text: CSV fields and a JSON object, numbers in their shortest exact form.
public enum QuoteRowText {
    /// A field: text, a number, a flag, or NULL.
    public enum Field: Sendable, Hashable {
        /// NULL: empty in CSV, `null` in JSON.
        case null
        /// Text.
        case text(String)
        /// A number, written so it reads back as the same `Double`.
        case number(Double)
        /// An integer.
        case integer(Int)
        /// A flag.
        case flag(Bool)
    }

    /// The row's fields in ``QuoteRow/columnNames`` order.
    ///
    /// - Parameter row: The quote.
    /// - Returns: One field per column.
    public static func fields(_ row: QuoteRow) -> [Field] {
        func text(_ value: String?) -> Field { value.map(Field.text) ?? .null }
        func integer(_ value: Int?) -> Field { value.map(Field.integer) ?? .null }
        var fields: [Field] = [
            .integer(row.coinID), text(row.symbol), text(row.name), text(row.slug), .text(row.convert),
            .text(row.lastUpdated.iso8601),
        ]
        let doubles = row.doubles
        // The numeric columns up to max_supply, then infinite_supply, then the rest (column order).
        let beforeFlag = QuoteRow.doubleColumns.firstIndex(of: "self_reported_circulating_supply") ?? doubles.count
        fields += doubles[..<beforeFlag].map { $0.map(Field.number) ?? .null }
        fields.append(row.infiniteSupply.map(Field.flag) ?? .null)
        fields += doubles[beforeFlag...].map { $0.map(Field.number) ?? .null }
        fields += [integer(row.cmcRank), integer(row.numMarketPairs), .text(row.firstSeenRun)]
        return fields
    }

    /// The row's CSV fields, unquoted (NULL is empty).
    ///
    /// - Parameter row: The quote.
    /// - Returns: One string per column.
    public static func csvFields(_ row: QuoteRow) -> [String] {
        fields(row).map(plain)
    }

    /// A field as plain text: empty for NULL.
    ///
    /// - Parameter field: The field.
    /// - Returns: The text.
    public static func plain(_ field: Field) -> String {
        switch field {
        case .null: ""
        case .text(let text): text
        case .number(let number): NumberText.plain(number)
        case .integer(let integer): String(integer)
        case .flag(let flag): flag ? "true" : "false"
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    ///
    /// - Parameter field: The unquoted text.
    /// - Returns: The field as it goes into a CSV record.
    public static func csvQuoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// The row as one JSON object, keys in column order, NULL as `null`.
    ///
    /// - Parameter row: The quote.
    /// - Returns: The object, on one line.
    public static func jsonObject(_ row: QuoteRow) -> String {
        jsonObject(zip(QuoteRow.columnNames, fields(row)).map { ($0, $1) })
    }

    /// Named fields as one JSON object, in the given order.
    ///
    /// - Parameter members: The names and fields.
    /// - Returns: The object, on one line.
    public static func jsonObject(_ members: [(String, Field)]) -> String {
        var text = "{"
        for (index, (name, field)) in members.enumerated() {
            if index > 0 { text += "," }
            text += jsonString(name) + ":" + json(field)
        }
        return text + "}"
    }

    /// A field as a JSON value.
    ///
    /// - Parameter field: The field.
    /// - Returns: `null`, a string, a number or a boolean.
    public static func json(_ field: Field) -> String {
        switch field {
        case .null: "null"
        case .text(let text): jsonString(text)
        case .number(let number): number.isFinite ? NumberText.plain(number) : "null"
        case .integer(let integer): String(integer)
        case .flag(let flag): flag ? "true" : "false"
        }
    }

    /// A JSON string literal.
    ///
    /// - Parameter text: The text.
    /// - Returns: The quoted, escaped literal.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
