/// Rows of text in aligned columns: numbers right-aligned, text left-aligned, two spaces between columns.
public struct TextTable: Sendable, Hashable {
    /// A column's alignment.
    public enum Alignment: Sendable, Hashable {
        /// Padded on the right.
        case left
        /// Padded on the left (numbers).
        case right
    }

    /// A column: header and alignment.
    public struct Column: Sendable, Hashable {
        /// The header text.
        public var header: String
        /// The alignment.
        public var alignment: Alignment

        /// Creates a column.
        ///
        /// - Parameters:
        ///   - header: The header text.
        ///   - alignment: The alignment.
        public init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows, one string per column.
    public var rows: [[String]]

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - columns: The columns.
    ///   - rows: The rows, one string per column.
    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as lines of text (header first), without trailing spaces.
    public var text: String {
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
