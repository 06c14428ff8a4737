/// How a query's result is printed: an aligned table for people, CSV or JSON for programs.
enum QueryFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns with a header line (a subset of the columns, chosen per query).
    case table
    /// CSV with a header line and every column.
    case csv
    /// One JSON array of objects with every column; NULL is `null`.
    case json
}
