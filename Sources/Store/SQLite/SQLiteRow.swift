import GRDB
import GRDBSQLite

/// Binds one row of values to a prepared GRDB statement through SQLite's C API and runs it.
///
/// The load's hot path: binding typed values directly skips GRDB's per-value `DatabaseValue` boxing, which
/// about halves the cost of a quote row. Used only inside the load's write transaction, on statements that
/// GRDB prepared (and finalizes).
struct SQLiteRow {
    /// SQLite copies text it is given with this destructor.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private let statement: OpaquePointer
    private var index: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    mutating func bind(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: Int?) {
        index += 1
        if let value { sqlite3_bind_int64(statement, index, Int64(value)) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: Int64) {
        index += 1
        sqlite3_bind_int64(statement, index, value)
    }

    mutating func bind(_ value: Bool?) {
        bind(value.map { $0 ? 1 : 0 } as Int?)
    }

    /// Binds text with its byte length, so that a NUL character inside it is stored too (a C-string bind
    /// would stop at the first NUL).
    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        let statement = self.statement
        let index = self.index
        value.withUTF8 { bytes in
            if let base = bytes.baseAddress, !bytes.isEmpty {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                    _ = sqlite3_bind_text64(
                        statement,
                        index,
                        text,
                        UInt64(bytes.count),
                        Self.transient,
                        UInt8(SQLITE_UTF8)
                    )
                }
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
            }
        }
    }

    /// Binds a time as its canonical ISO 8601 text, or NULL.
    mutating func bind(_ value: EpochMillis?) {
        bind(value?.sqlValue)
    }

    /// Runs the statement; returns the first column of the first row when it returns one.
    ///
    /// - Throws: `DatabaseError` with SQLite's message when the statement fails.
    func step(_ db: Database) throws -> Int64? {
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_DONE:
            return nil
        case SQLITE_ROW:
            return sqlite3_column_int64(statement, 0)
        case let code:
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }
}
