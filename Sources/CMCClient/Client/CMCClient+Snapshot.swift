public import CMCModels
import Logging

/// How the pages of a listing added up.
public struct ListingReconciliation: Sendable, Hashable, Codable {
    /// `status.total_count` as the API reported it (the size of the filtered listing).
    public var totalCount: Int?
    /// Rows the listing should have: the requested number, capped at `total_count`.
    public var expected: Int
    /// Rows received, duplicates and malformed items included.
    public var received: Int
    /// Distinct ids received.
    public var unique: Int
    /// Ids that appeared on more than one page (kept once, at their first position).
    public var duplicateIDs: [Int]
    /// Rows missing against ``expected``.
    public var missing: Int
    /// Fetch rounds needed (a second round re-reads every page when the first did not add up).
    public var rounds: Int

    /// No duplicate and no missing row.
    public var isConsistent: Bool { duplicateIDs.isEmpty && missing == 0 }

    enum CodingKeys: String, CodingKey {
        case expected, received, unique, missing, rounds
        case totalCount = "total_count"
        case duplicateIDs = "duplicate_ids"
    }
}

/// A whole listing: every page, merged, checked against `total_count`.
public struct ListingSnapshot: Sendable {
    /// The pages of the final round, in `start` order.
    public var pages: [CMCResponse<DecodedList<Listing>>]
    /// Pages of an earlier round that did not add up (kept for the raw archive).
    public var supersededPages: [CMCResponse<DecodedList<Listing>>]
    /// The merged listing in API order, each id once.
    public var listings: [Listing]
    /// Items that could not be decoded, with their page position.
    public var diagnostics: [ItemDiagnostic]
    /// How the pages added up.
    public var reconciliation: ListingReconciliation
}

extension CMCClient {
    /// Fetches a whole listing as one consistent snapshot.
    ///
    /// The first page tells `total_count`; every further page is then requested at once (as the rate
    /// limiter allows), so that all pages come from the same 60-second CMC snapshot and ranks cannot
    /// shift between them. Pages carry an explicit `sort` so they share one order. The merged rows are
    /// reconciled: no duplicate id, none missing against `total_count`. If that fails (the snapshot turned
    /// over between pages), every page is read once more; a second failure is reported in
    /// ``ListingSnapshot/reconciliation`` rather than thrown, so the caller decides.
    ///
    /// - Parameters:
    ///   - query: the listing query; `start` and `limit` are managed here (pages of up to 5000).
    ///   - maxRows: how many rows to fetch; `nil` for all.
    ///   - onNewListings: called (one call at a time) with rows whose ids were not seen before, as soon as
    ///     their page arrives, so the caller can start dependent work early.
    public func listingSnapshot(
        _ query: ListingsQuery,
        maxRows: Int?,
        onNewListings: @Sendable ([Listing]) async throws -> Void = { _ in }
    ) async throws -> ListingSnapshot {
        var query = query
        query.start = 1
        if query.sort == nil { query.sort = .marketCap }
        let pageSize = min(ListingsQuery.maxLimit, max(1, maxRows ?? ListingsQuery.maxLimit))
        var seen = Set<Int>()
        var superseded: [CMCResponse<DecodedList<Listing>>] = []
        var round = 0

        while true {
            round += 1
            var pages: [Int: CMCResponse<DecodedList<Listing>>] = [:]
            var firstQuery = query
            firstQuery.limit = pageSize
            let first = try await listingsLatest(firstQuery)
            pages[1] = first
            try await deliverNew(first.value.items, seen: &seen, onNewListings)

            let total = first.status.totalCount
            let firstCount = first.value.items.count + first.value.diagnostics.count
            let expected: Int
            if let total {
                expected = min(maxRows ?? total, total)
            } else {
                // Without total_count (older API shapes), fall back to paging until a short page.
                expected = maxRows ?? Int.max
            }
            var starts: [Int] = []
            if firstCount >= pageSize {
                var start = 1 + pageSize
                while start <= expected, total != nil {
                    starts.append(start)
                    start += pageSize
                }
            }
            if total == nil, firstCount >= pageSize {
                var pagesQuery = query
                pagesQuery.start = 1 + pageSize
                pagesQuery.limit = pageSize
                let remaining = maxRows.map { $0 - firstCount }
                var pageStart = pagesQuery.start
                for try await page in listingPages(pagesQuery, maxRows: remaining) {
                    pages[pageStart] = page
                    pageStart += pageSize
                    try await deliverNew(page.value.items, seen: &seen, onNewListings)
                }
            }

            try await withThrowingTaskGroup(of: (Int, CMCResponse<DecodedList<Listing>>).self) { group in
                var iterator = starts.makeIterator()
                func startNext() -> Bool {
                    guard let start = iterator.next() else { return false }
                    var pageQuery = query
                    pageQuery.start = start
                    pageQuery.limit = min(pageSize, expected - start + 1)
                    group.addTask { (start, try await self.listingsLatest(pageQuery)) }
                    return true
                }
                for _ in 0..<configuration.maxConcurrentRequests where !startNext() { break }
                while let (start, page) = try await group.next() {
                    pages[start] = page
                    try await deliverNew(page.value.items, seen: &seen, onNewListings)
                    _ = startNext()
                }
            }

            let ordered = pages.sorted { $0.key < $1.key }.map(\.value)
            var unique = Set<Int>()
            var merged: [Listing] = []
            var duplicates: [Int] = []
            var diagnostics: [ItemDiagnostic] = []
            var received = 0
            for page in ordered {
                received += page.value.items.count + page.value.diagnostics.count
                diagnostics += page.value.diagnostics
                for listing in page.value.items {
                    if unique.insert(listing.id).inserted {
                        merged.append(listing)
                    } else {
                        duplicates.append(listing.id)
                    }
                }
            }
            let wanted = expected == Int.max ? received : expected
            let reconciliation = ListingReconciliation(
                totalCount: total,
                expected: wanted,
                received: received,
                unique: unique.count,
                duplicateIDs: duplicates,
                missing: max(0, wanted - unique.count - diagnostics.count),
                rounds: round
            )
            if reconciliation.isConsistent || round >= 2 {
                if !reconciliation.isConsistent {
                    logger.warning(
                        "listing pages still do not add up after a second read",
                        metadata: [
                            "duplicates": "\(duplicates.count)", "missing": "\(reconciliation.missing)",
                            "total_count": "\(total.map(String.init) ?? "unknown")",
                        ]
                    )
                }
                return ListingSnapshot(
                    pages: ordered,
                    supersededPages: superseded,
                    listings: merged,
                    diagnostics: diagnostics,
                    reconciliation: reconciliation
                )
            }
            logger.notice(
                "listing pages do not add up (the CMC snapshot changed between pages); reading every page again",
                metadata: ["duplicates": "\(duplicates.count)", "missing": "\(reconciliation.missing)"]
            )
            superseded += ordered
        }
    }

    private func deliverNew(
        _ items: [Listing],
        seen: inout Set<Int>,
        _ onNewListings: @Sendable ([Listing]) async throws -> Void
    ) async throws {
        let fresh = items.filter { seen.insert($0.id).inserted }
        if !fresh.isEmpty { try await onNewListings(fresh) }
    }
}
