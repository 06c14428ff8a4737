import GRDB

/// SQLite errors in words a user can act on, without GRDB's rendering (result code numbers, the SQL text).
enum SQLiteFailure {
    /// What went wrong, from the error's primary result code; SQLite's own message for the rare others.
    static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return "the file cannot be opened (check that this user may read it and its folder)"
        case .SQLITE_READONLY:
            return "the file or its folder is read-only for this user"
        case .SQLITE_NOTADB:
            return "the file is not an SQLite database"
        case .SQLITE_CORRUPT:
            return "the database file is damaged"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "another process holds the database locked; try again"
        case .SQLITE_FULL:
            return "the disk is full"
        case .SQLITE_IOERR:
            return "an I/O error occurred while reading or writing the file"
        default:
            return error.message ?? "the database reported an error"
        }
    }
}
