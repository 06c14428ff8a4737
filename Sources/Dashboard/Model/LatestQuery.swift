import Foundation
import Store

/// What the latest-snapshot table shows: sort column and direction, search text, page.
struct LatestQuery: Sendable, Equatable {
    /// A sortable column.
    enum SortKey: String, Sendable, CaseIterable {
        case rank
        case name
        case symbol
        case price
        case change1h = "change_1h"
        case change24h = "change_24h"
        case change7d = "change_7d"
        case marketCap = "market_cap"
        case volume24h = "volume_24h"

        /// Text columns and rank read best ascending; the numbers largest first.
        var defaultAscending: Bool {
            switch self {
            case .rank, .name, .symbol: true
            default: false
            }
        }
    }

    var sort: SortKey = .rank
    var ascending = true
    var search: String?
    var page = 1
    var perPage = 100
    /// The requested convert currency, or `nil` for the default.
    var convert: String?

    /// Reads `sort`, `dir`, `q`, `page`, `per_page` and `convert`.
    ///
    /// - Throws: ``DashboardError`` (400) naming the first bad parameter.
    init(_ parameters: QueryParameters, defaultPageSize: Int) throws(DashboardError) {
        if let text = parameters["sort"] {
            guard let key = SortKey(rawValue: text) else {
                let names = SortKey.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badRequest("sort must be one of \(names).")
            }
            sort = key
        }
        switch parameters["dir"] {
        case nil: ascending = sort.defaultAscending
        case "asc": ascending = true
        case "desc": ascending = false
        default: throw .badRequest("dir must be asc or desc.")
        }
        if let text = parameters["q"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard text.count <= 100 else { throw .badRequest("q must be at most 100 characters.") }
            search = text
        }
        page = try parameters.integer("page", in: 1...1_000_000, default: 1)
        perPage = try parameters.integer("per_page", in: 1...500, default: defaultPageSize)
        convert = try parameters.convert()
    }

    init() {}

    /// The rows that match ``search``, sorted; nulls last in either direction, ties by rank then id.
    func apply(to rows: [QuoteRow]) -> [QuoteRow] {
        var selected = rows
        if let search {
            let needle = search.lowercased()
            selected = rows.filter { row in
                [row.name, row.symbol, row.slug].contains { $0?.lowercased().contains(needle) ?? false }
            }
        }
        let ascending = self.ascending
        let key = sort
        return selected.sorted { lhs, rhs in
            let order: Bool?
            switch key {
            case .rank: order = Self.compare(lhs.cmcRank, rhs.cmcRank, ascending)
            case .name: order = Self.compare(lhs.name?.lowercased(), rhs.name?.lowercased(), ascending)
            case .symbol: order = Self.compare(lhs.symbol?.lowercased(), rhs.symbol?.lowercased(), ascending)
            case .price: order = Self.compare(lhs.price, rhs.price, ascending)
            case .change1h: order = Self.compare(lhs.percentChange1h, rhs.percentChange1h, ascending)
            case .change24h: order = Self.compare(lhs.percentChange24h, rhs.percentChange24h, ascending)
            case .change7d: order = Self.compare(lhs.percentChange7d, rhs.percentChange7d, ascending)
            case .marketCap: order = Self.compare(lhs.marketCap, rhs.marketCap, ascending)
            case .volume24h: order = Self.compare(lhs.volume24h, rhs.volume24h, ascending)
            }
            if let order { return order }
            return Self.compare(lhs.cmcRank, rhs.cmcRank, true) ?? (lhs.coinID < rhs.coinID)
        }
    }

    /// `true`/`false` when the values order the rows, `nil` on a tie; `nil` values sort last.
    private static func compare<Value: Comparable>(_ lhs: Value?, _ rhs: Value?, _ ascending: Bool) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (.some, nil): return true
        case (nil, .some): return false
        case (let left?, let right?):
            if left == right { return nil }
            return ascending ? left < right : left > right
        }
    }

    /// One page of the matching rows.
    struct Page: Sendable {
        /// How many rows match the search.
        var total: Int
        /// The index of the page's first row among the matching rows.
        var start: Int
        /// The number of pages (at least 1).
        var pages: Int
        /// The page's rows.
        var rows: [QuoteRow]
    }

    /// The requested page of the rows that match, sorted.
    func page(of rows: [QuoteRow]) -> Page {
        let matching = apply(to: rows)
        let start = min((page - 1) * perPage, matching.count)
        return Page(
            total: matching.count,
            start: start,
            pages: max(1, (matching.count + perPage - 1) / perPage),
            rows: Array(matching[start..<min(start + perPage, matching.count)])
        )
    }

    /// The query parameters that reproduce this query with some values changed (for links).
    func parameters(
        sort: SortKey? = nil,
        ascending: Bool? = nil,
        page: Int? = nil,
        convert: String?,
        defaultPageSize: Int
    ) -> [(String, String)] {
        let sort = sort ?? self.sort
        let ascending = ascending ?? self.ascending
        let page = page ?? self.page
        var pairs: [(String, String)] = []
        if sort != .rank { pairs.append(("sort", sort.rawValue)) }
        if ascending != sort.defaultAscending { pairs.append(("dir", ascending ? "asc" : "desc")) }
        if let search { pairs.append(("q", search)) }
        if let convert { pairs.append(("convert", convert)) }
        if perPage != defaultPageSize { pairs.append(("per_page", String(perPage))) }
        if page != 1 { pairs.append(("page", String(page))) }
        return pairs
    }
}
