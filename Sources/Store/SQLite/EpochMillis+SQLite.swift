import GRDB

extension EpochMillis {
    /// The SQLite value: canonical ISO 8601 text, which sorts chronologically.
    var sqlValue: String { iso8601 }

    /// Reads a time column of a GRDB row.
    static func fromSQL(_ value: DatabaseValue) -> EpochMillis? {
        String.fromDatabaseValue(value).flatMap(EpochMillis.init(iso8601:))
    }
}
