import GRDB
import GRDBSQLite

/// Reads the current row of a GRDB statement stepped through SQLite's C API, column by column.
///
/// The read-side twin of ``SQLiteRow``: `history` and `export` decode tens of thousands of 36-column rows, and
/// reading typed columns directly is several times faster than GRDB's `Row` subscripts.
struct SQLiteColumns {
    private let statement: OpaquePointer
    private var index: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    /// Steps `statement` (already bound) and calls `body` for each row.
    ///
    /// - Throws: `DatabaseError` with SQLite's message, or what `body` throws.
    static func forEachRow(
        _ statement: Statement,
        _ db: Database,
        _ body: (inout SQLiteColumns) throws -> Void
    )
        throws
    {
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            switch sqlite3_step(raw) {
            case SQLITE_ROW:
                var columns = SQLiteColumns(statement)
                try body(&columns)
            case SQLITE_DONE:
                return
            case let code:
                let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
    }

    private mutating func advance() -> (Int32, Bool) {
        defer { index += 1 }
        return (index, sqlite3_column_type(statement, index) == SQLITE_NULL)
    }

    mutating func double() -> Double? {
        let (column, isNull) = advance()
        return isNull ? nil : sqlite3_column_double(statement, column)
    }

    mutating func int() -> Int? {
        let (column, isNull) = advance()
        return isNull ? nil : Int(sqlite3_column_int64(statement, column))
    }

    mutating func int64() -> Int64 {
        let (column, _) = advance()
        return sqlite3_column_int64(statement, column)
    }

    mutating func bool() -> Bool? {
        int().map { $0 != 0 }
    }

    /// A time column (canonical ISO 8601 text), parsed without making a `String`.
    mutating func time() -> EpochMillis? {
        let (column, isNull) = advance()
        guard !isNull, let pointer = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return EpochMillis(iso8601Bytes: UnsafeBufferPointer(start: pointer, count: count))
    }

    /// A text column, read with its byte length, so that a NUL character inside it is kept (GRDB's `String`
    /// and `String(cString:)` stop at the first NUL).
    mutating func text() -> String? {
        let (column, isNull) = advance()
        guard !isNull, let pointer = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Runs `sql` with `arguments` and reads its first row with `body`; `nil` when it returns no row.
    ///
    /// - Throws: `DatabaseError` with SQLite's message, or what `body` throws.
    static func first<Value>(
        _ db: Database,
        sql: String,
        arguments: StatementArguments,
        _ body: (inout SQLiteColumns) throws -> Value
    ) throws -> Value? {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var result: Value?
        try forEachRow(statement, db) { columns in
            if result == nil { result = try body(&columns) }
        }
        return result
    }
}
