/// The store's schema versions, shared by both engines.
///
/// Migrations are only ever appended, never edited: a store records which ones it has applied (GRDB's
/// `grdb_migrations` in SQLite, `schema_migrations` in PostgreSQL), and PostgreSQL also records a checksum of
/// each so an edited migration is refused. Version N means the first N migrations are applied.
///
/// | version | migration | what it adds |
/// |---|---|---|
/// | 1 | `v1-core` | `runs`, `coins` (identity history), `quotes`, `run_quotes`, `coin_info`, `logos` |
/// | 2 | `v2-lookup-indexes` | indexes for symbol and slug lookups and for time-range exports |
public enum StoreSchema {
    /// The migration identifiers, oldest first.
    public static let migrationNames = ["v1-core", "v2-lookup-indexes"]

    /// The version a store is at after opening it with this CoinPipe.
    public static var currentVersion: Int { migrationNames.count }
}
