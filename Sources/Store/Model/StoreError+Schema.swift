/// The messages of a store that cannot be used as it is, shared by both engines so that SQLite and PostgreSQL
/// say the same thing.
extension StoreError {
    /// The store holds no CoinPipe schema yet.
    ///
    /// - Parameter store: The store as the user named it (`path`, or the PostgreSQL settings' description).
    static func emptyStore(_ store: String) -> StoreError {
        StoreError(.emptyStore, "the store \(store) is empty: load runs first (`coinpipe load <out>`).")
    }

    /// The store holds another application's tables.
    static func notAStore(_ store: String, _ reason: String) -> StoreError {
        StoreError(
            .notAStore,
            "\(store) is not a CoinPipe store (\(reason)); pass the store runs are loaded into with --store."
        )
    }

    /// A newer CoinPipe migrated the store.
    ///
    /// - Parameters:
    ///   - store: The store as the user named it.
    ///   - version: The store's schema version.
    static func schemaTooNew(_ store: String, version: Int) -> StoreError {
        StoreError(
            .schemaTooNew,
            "the store \(store) has schema version \(version), newer than this CoinPipe's "
                + "\(StoreSchema.currentVersion); upgrade CoinPipe to use it."
        )
    }

    /// A read-only command found an older schema, which it does not migrate.
    ///
    /// - Parameters:
    ///   - store: The store as the user named it.
    ///   - version: The store's schema version.
    static func schemaTooOld(_ store: String, version: Int) -> StoreError {
        StoreError(
            .schemaTooOld,
            "the store \(store) has schema version \(version), this CoinPipe needs "
                + "\(StoreSchema.currentVersion); run `coinpipe load` on it as a user who may write it (loading "
                + "migrates the store, and reloading runs adds nothing), or read it with the CoinPipe that "
                + "loaded it."
        )
    }

    /// A write was asked of a read-only store.
    static func readOnly(_ store: String, _ what: String) -> StoreError {
        StoreError(.readOnly, "cannot \(what) in \(store): the store was opened read-only.")
    }
}
