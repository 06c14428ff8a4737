import CMCModels

/// Merges one observation of a coin's identity into its history of versions.
///
/// The versions of a coin are contiguous and sorted: each one's `validTo` is the next one's `validFrom`, and the
/// last is open (`validTo == nil`). An observation at time `t` either falls inside a version with the same
/// identity (nothing changes), or splits the history at `t`. Merging the same observation twice changes
/// nothing (loading is idempotent), and observations may arrive in any order (an old run loaded after a newer
/// one). Only the start of each version is stored, not every sighting, so one case depends on load order: a
/// coin that went A → B → A, whose last A-run is loaded before its B-run, keeps B open from the B-run on.
enum IdentityHistory {
    /// The history after observing `identity` at `time`, or `nil` when it does not change.
    ///
    /// - Parameters:
    ///   - versions: The coin's versions, sorted by `validFrom`, contiguous.
    ///   - identity: The identity observed.
    ///   - time: When it was observed.
    /// - Returns: The new versions, sorted and contiguous, or `nil` when `versions` already says this.
    static func merge(
        _ versions: [IdentityVersion],
        observing identity: CoinIdentity,
        at time: EpochMillis
    )
        -> [IdentityVersion]?
    {
        guard !versions.isEmpty else {
            return [IdentityVersion(identity: identity, validFrom: time)]
        }
        var result = versions
        guard let index = versions.lastIndex(where: { $0.validFrom <= time }) else {
            // Earlier than everything known: extend the first version back, or put a new one before it.
            if versions[0].identity == identity {
                result[0].validFrom = time
            } else {
                result.insert(
                    IdentityVersion(identity: identity, validFrom: time, validTo: versions[0].validFrom),
                    at: 0
                )
            }
            return result
        }
        let covering = versions[index]
        if covering.identity == identity {
            return nil
        }
        if covering.validFrom == time {
            // Two different identities at the same instant: keep the one stored first (deterministic).
            return nil
        }
        result[index].validTo = time
        let next = index + 1
        if next < versions.count, versions[next].identity == identity {
            result[next].validFrom = time
        } else {
            result.insert(IdentityVersion(identity: identity, validFrom: time, validTo: covering.validTo), at: next)
        }
        return result
    }
}

extension IdentityHistory {
    /// The coins whose history a run changes, with their whole new histories.
    ///
    /// - Parameters:
    ///   - existing: The stored versions of (at least) the run's coins, each sorted by `validFrom`.
    ///   - run: The run.
    /// - Returns: The new histories of the coins that change; the others are left out.
    static func changes(existing: [Int: [IdentityVersion]], run: PreparedRun) -> [Int: [IdentityVersion]] {
        var changed: [Int: [IdentityVersion]] = [:]
        for listing in run.listings {
            let current = changed[listing.id] ?? existing[listing.id] ?? []
            if let merged = merge(current, observing: PreparedRun.identity(of: listing), at: run.observedAt(listing)) {
                changed[listing.id] = merged
            }
        }
        return changed
    }
}
