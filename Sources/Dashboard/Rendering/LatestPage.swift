import Foundation
import Store

/// `/`: the latest snapshot as a sortable, searchable, paged table, with market totals above it.
enum LatestPage {
    static func render(
        snapshot: DashboardData.Snapshot,
        query: LatestQuery,
        requestedConvert: String?,
        defaultPageSize: Int,
        sparklines: [Int: [PricePoint]] = [:]
    ) -> String {
        let page = query.page(of: snapshot.rows)
        let pages = page.pages
        let start = page.start
        let pageRows = page.rows
        let matchingCount = page.total
        let convert = snapshot.convert
        func link(sort: LatestQuery.SortKey? = nil, ascending: Bool? = nil, page: Int? = nil) -> String {
            "/"
                + HTML.query(
                    query.parameters(
                        sort: sort,
                        ascending: ascending,
                        page: page,
                        convert: requestedConvert,
                        defaultPageSize: defaultPageSize
                    )
                )
        }

        var body = "<section class=\"hero\"><div><h1>Market</h1>"
        if snapshot.rows.isEmpty {
            body += "<div class=\"sub\">No snapshot in the store yet.</div></div></section>"
            body += "<div class=\"panel empty\">No runs with quotes are loaded. Collect one with "
            body += "<code>coinpipe collect</code> or <code>coinpipe demo</code>, then reload.</div>"
            return PageLayout.page(title: "Market", section: .market, search: query.search, body: body)
        }
        body += "<div class=\"sub\">Latest snapshot <strong><time datetime=\"\(snapshot.snapshotAt?.iso8601 ?? "")\">"
        body +=
            "\(NumberFormat.time(snapshot.snapshotAt))</time></strong> · prices in \(HTML.escape(convert))</div></div>"
        if snapshot.converts.count > 1 {
            body += "<div class=\"pills\" aria-label=\"Currency\">"
            for code in snapshot.converts {
                var copy = query
                copy.page = 1
                let href =
                    "/"
                    + HTML.query(copy.parameters(convert: code, defaultPageSize: defaultPageSize))
                body += "<a class=\"pill\(code == convert ? " active" : "")\" href=\"\(HTML.escape(href))\">"
                body += "\(HTML.escape(code))</a>"
            }
            body += "</div>"
        }
        body += "</section>"

        // Totals.
        let totalCap = snapshot.rows.compactMap(\.marketCap).reduce(0, +)
        let totalVolume = snapshot.rows.compactMap(\.volume24h).reduce(0, +)
        let capWeightedChange: Double? = {
            var weighted = 0.0
            var weight = 0.0
            for row in snapshot.rows {
                if let cap = row.marketCap, let change = row.percentChange24h, cap.isFinite, change.isFinite {
                    weighted += cap * change
                    weight += cap
                }
            }
            return weight > 0 ? weighted / weight : nil
        }()
        let gainers = snapshot.rows.filter { ($0.percentChange24h ?? 0) > 0 }.count
        body += "<section class=\"cards\">"
        body += card(
            "Market cap",
            NumberFormat.compactMoney(totalCap, convert: convert),
            note:
                "<span class=\"\(NumberFormat.trend(capWeightedChange))\">\(NumberFormat.percent(capWeightedChange))</span> 24h, cap-weighted"
        )
        body += card("24h volume", NumberFormat.compactMoney(totalVolume, convert: convert), note: "sum over all coins")
        body += card(
            "Coins",
            NumberFormat.count(snapshot.rows.count),
            note: "\(NumberFormat.count(gainers)) up in 24h"
        )
        body += card(
            "Snapshot",
            String(NumberFormat.time(snapshot.snapshotAt).dropFirst(11)),
            note: String(NumberFormat.time(snapshot.snapshotAt).prefix(10))
        )
        body += "</section>"

        // Table.
        body += "<section class=\"panel\"><div class=\"panel-head\"><h2>"
        if let search = query.search {
            body += "\(NumberFormat.count(matchingCount)) result\(matchingCount == 1 ? "" : "s") for "
            body +=
                "“\(HTML.escape(search))”</h2><a href=\"\(HTML.escape(link(page: 1).replacingQ()))\">Clear search</a>"
        } else {
            body += "All coins</h2><span class=\"muted\">\(NumberFormat.count(matchingCount)) coins</span>"
        }
        body += "</div>"
        if pageRows.isEmpty {
            body += "<div class=\"empty\">"
            body += query.search == nil ? "This page is past the last one." : "No coin matches this search."
            body += "</div>"
        } else {
            body += "<div class=\"table-wrap\"><table><thead><tr>"
            let columns: [(LatestQuery.SortKey, String, String)] = [
                (.rank, "#", "left rank"), (.name, "Name", "left"), (.price, "Price", ""),
                (.change1h, "1h", "hide-sm"), (.change24h, "24h", ""), (.change7d, "7d", "hide-sm"),
                (.marketCap, "Market cap", ""), (.volume24h, "Volume (24h)", "hide-sm"),
            ]
            for (key, label, cssClass) in columns {
                let sorted = key == query.sort
                let ascending = sorted ? !query.ascending : key.defaultAscending
                let arrow = sorted ? (query.ascending ? " ↑" : " ↓") : ""
                var classes = cssClass
                if sorted { classes += " sorted" }
                let aria = sorted ? " aria-sort=\"\(query.ascending ? "ascending" : "descending")\"" : ""
                body +=
                    "<th class=\"\(classes)\" scope=\"col\"\(aria)><a href=\"\(HTML.escape(link(sort: key, ascending: ascending, page: 1)))\">"
                body += "\(label)\(arrow)</a></th>"
            }
            body += "<th class=\"hide-sm spark-col\" scope=\"col\">Last 7 days</th></tr></thead><tbody>"
            for row in pageRows {
                body += "<tr>"
                body += "<td class=\"left rank\">\(row.cmcRank.map(String.init) ?? NumberFormat.missing)</td>"
                body += "<td class=\"left\"><a class=\"coin\" href=\"/coins/\(row.coinID)\">"
                body += "<img src=\"/logos/\(row.coinID).png\" alt=\"\" width=\"26\" height=\"26\" loading=\"lazy\">"
                body += "<span class=\"name\">\(HTML.escape(row.name, placeholder: "Unnamed"))</span>"
                body += "<span class=\"sym\">\(HTML.escape(row.symbol, placeholder: ""))</span></a></td>"
                body += "<td class=\"num\">\(NumberFormat.price(row.price, convert: convert))</td>"
                body += change(row.percentChange1h, extra: "hide-sm")
                body += change(row.percentChange24h)
                body += change(row.percentChange7d, extra: "hide-sm")
                body += "<td>\(NumberFormat.compactMoney(row.marketCap, convert: convert))</td>"
                body += "<td class=\"hide-sm\">\(NumberFormat.compactMoney(row.volume24h, convert: convert))</td>"
                body += "<td class=\"hide-sm spark-col\">\(SVGChart.sparkline(sparklines[row.coinID] ?? []))</td>"
                body += "</tr>"
            }
            body += "</tbody></table></div>"
        }
        // Pager.
        body += "<nav class=\"pager\" aria-label=\"Pages\"><span>"
        if pageRows.isEmpty {
            body += "page \(NumberFormat.count(query.page)) of \(NumberFormat.count(pages))</span>"
        } else {
            body += "\(NumberFormat.count(start + 1))–\(NumberFormat.count(start + pageRows.count)) of "
            body += "\(NumberFormat.count(matchingCount))</span>"
        }
        body += "<span class=\"pages\">"
        if query.page > 1 {
            body += "<a href=\"\(HTML.escape(link(page: min(query.page - 1, pages))))\" rel=\"prev\">← Prev</a>"
        } else {
            body += "<span class=\"disabled\">← Prev</span>"
        }
        for number in pageNumbers(current: query.page, pages: pages) {
            if number == 0 {
                body += "<span class=\"disabled\">…</span>"
            } else if number == query.page {
                body += "<span class=\"current\" aria-current=\"page\">\(number)</span>"
            } else {
                body += "<a href=\"\(HTML.escape(link(page: number)))\">\(number)</a>"
            }
        }
        if query.page < pages {
            body += "<a href=\"\(HTML.escape(link(page: query.page + 1)))\" rel=\"next\">Next →</a>"
        } else {
            body += "<span class=\"disabled\">Next →</span>"
        }
        body += "</span></nav></section>"
        return PageLayout.page(title: "Market", section: .market, search: query.search, body: body)
    }

    /// Page numbers to show: the first, the last, and two either side of the current; 0 marks a gap.
    static func pageNumbers(current: Int, pages: Int) -> [Int] {
        let wanted = Set([1, pages] + Array((current - 2)...(current + 2))).filter { (1...pages).contains($0) }.sorted()
        var result: [Int] = []
        for number in wanted {
            if let last = result.last, number > last + 1 { result.append(0) }
            result.append(number)
        }
        return result
    }

    private static func card(_ label: String, _ value: String, note: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\">\(value)</div>"
            + "<div class=\"note\">\(note)</div></div>"
    }

    private static func change(_ value: Double?, extra: String = "") -> String {
        "<td class=\"change \(NumberFormat.trend(value)) \(extra)\">\(NumberFormat.percent(value))</td>"
    }
}

extension String {
    /// A link without its `q` parameter (the "clear search" link).
    fileprivate func replacingQ() -> String {
        guard let mark = firstIndex(of: "?") else { return self }
        let kept = self[index(after: mark)...].split(separator: "&").filter { !$0.hasPrefix("q=") }
        return String(self[..<mark]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
}
