/// Rows of text in aligned columns: numbers right-aligned, text left-aligned, two spaces between columns.
struct TextTable: Sendable, Hashable {
    /// A column's alignment.
    enum Alignment: Sendable, Hashable {
        /// Padded on the right.
        case left
        /// Padded on the left (numbers).
        case right
    }

    /// A column: header and alignment.
    struct Column: Sendable, Hashable {
        /// The header text.
        var header: String
        /// The alignment.
        var alignment: Alignment

        /// Creates a column.
        ///
        /// - Parameters:
        ///   - header: The header text.
        ///   - alignment: The alignment.
        init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// The columns.
    var columns: [Column]
    /// The rows, one string per column.
    var rows: [[String]]

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - columns: The columns.
    ///   - rows: The rows, one string per column.
    init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as lines of text (header first), without trailing spaces.
    var text: String {
        let widths = columns.indices.map { index in
            ([columns[index].header] + rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(column.alignment == .right ? padding + cell : cell + padding)
            }
            return String(parts.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        return ([line(columns.map(\.header))] + rows.map(line)).joined(separator: "\n")
    }
}
