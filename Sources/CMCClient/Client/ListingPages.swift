public import CMCModels

/// The pages of a listing, fetched one after another as the sequence is iterated.
///
/// Pages use a 1-based `start` and advance by the page size. The sequence ends after the page that
/// reaches `maxRows`, the page that reaches `status.total_count`, or a page shorter than asked for.
///
/// ```swift
/// for try await page in client.listingPages(ListingsQuery(), maxRows: nil) {
///     print(page.value.items.count)
/// }
/// ```
public struct ListingPages: AsyncSequence, Sendable {
    /// One page.
    public typealias Element = CMCResponse<DecodedList<Listing>>

    let client: CMCClient
    let query: ListingsQuery
    let maxRows: Int?

    /// The iterator.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let client: CMCClient
        var query: ListingsQuery
        let maxRows: Int?
        let pageSize: Int
        var fetched = 0
        var finished = false

        /// Fetches the next page, or returns `nil` when the listing is complete.
        public mutating func next() async throws -> Element? {
            guard !finished else { return nil }
            try Task.checkCancellation()
            let wanted = maxRows.map { Swift.min(pageSize, $0 - fetched) } ?? pageSize
            guard wanted > 0 else {
                finished = true
                return nil
            }
            query.limit = wanted
            let page = try await client.listingsLatest(query)
            let count = page.value.items.count + page.value.diagnostics.count
            fetched += count
            let total = page.status.totalCount
            if count < wanted || maxRows.map({ fetched >= $0 }) == true
                || total.map({ query.start - 1 + count >= $0 }) == true
            {
                finished = true
            }
            query.start += wanted
            return page
        }
    }

    /// Creates the iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            client: client,
            query: query,
            maxRows: maxRows,
            pageSize: Swift.min(Swift.max(1, query.limit), ListingsQuery.maxLimit)
        )
    }
}

/// The pages of the id map, fetched one after another.
public struct MapPages: AsyncSequence, Sendable {
    /// One page.
    public typealias Element = CMCResponse<DecodedList<MapEntry>>

    let client: CMCClient
    let query: MapQuery

    /// The iterator.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let client: CMCClient
        var query: MapQuery
        var finished = false

        /// Fetches the next page, or returns `nil` after the last one.
        public mutating func next() async throws -> Element? {
            guard !finished else { return nil }
            try Task.checkCancellation()
            let page = try await client.map(query)
            let count = page.value.items.count + page.value.diagnostics.count
            if count < query.limit || !query.symbols.isEmpty { finished = true }
            query.start += query.limit
            return page
        }
    }

    /// Creates the iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, query: query)
    }
}

extension CMCClient {
    /// The listing as a sequence of pages of `query.limit` rows (at most 5000), starting at `query.start`.
    ///
    /// - Parameter maxRows: stop after this many rows; `nil` fetches until `total_count`.
    public func listingPages(_ query: ListingsQuery, maxRows: Int? = nil) -> ListingPages {
        ListingPages(client: self, query: query, maxRows: maxRows)
    }

    /// The id map as a sequence of pages.
    public func mapPages(_ query: MapQuery) -> MapPages {
        MapPages(client: self, query: query)
    }
}
