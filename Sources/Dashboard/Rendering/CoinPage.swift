import CMCModels
import Foundation
import Store

/// `/coins/{id}`: price and market-cap charts over a chosen range, the key numbers, and the stored metadata
/// (description, links, tags, platform), plus the other coins that share the symbol.
enum CoinPage {
    /// The link kinds of v2 info, in the order shown, with their labels.
    static let linkKinds: [(String, String)] = [
        ("website", "Website"), ("technical_doc", "Whitepaper"), ("explorer", "Explorer"),
        ("source_code", "Source code"), ("twitter", "Twitter"), ("reddit", "Reddit"),
        ("message_board", "Forum"), ("chat", "Chat"), ("announcement", "Announcements"), ("facebook", "Facebook"),
    ]

    static func render(
        detail: DashboardData.CoinDetail,
        history: [QuoteRow],
        range: HistoryRange,
        requestedConvert: String?
    ) -> String {
        let coin = detail.coin
        let convert = detail.convert
        let name = detail.coin.name ?? detail.metadata?.name
        let symbol = detail.coin.symbol ?? detail.metadata?.symbol
        let quote = detail.quote
        var body =
            "<div class=\"crumbs\"><a href=\"/\">Market</a> › \(HTML.escape(name, placeholder: "Coin \(coin.id)"))</div>"

        // Header.
        body += "<section class=\"coin-head\"><img src=\"/logos/\(coin.id).png\" alt=\"\" width=\"52\" height=\"52\">"
        body += "<div><h1>\(HTML.escape(name, placeholder: "Coin \(coin.id)"))</h1><div>"
        if let symbol, !symbol.isEmpty { body += "<span class=\"chip\">\(HTML.escape(symbol))</span>" }
        if let rank = quote?.cmcRank ?? coin.cmcRank { body += "<span class=\"chip chip-rank\">Rank #\(rank)</span>" }
        if let category = detail.metadata?.category, !category.isEmpty {
            body += "<span class=\"chip\">\(HTML.escape(category))</span>"
        }
        body += "<span class=\"chip\">id \(coin.id)</span></div></div>"
        if detail.converts.count > 1 {
            body += "<div class=\"pills\" aria-label=\"Currency\">"
            for code in detail.converts {
                let href = "/coins/\(coin.id)" + HTML.query(rangePairs(range) + [("convert", code)])
                body +=
                    "<a class=\"pill\(code == convert ? " active" : "")\" href=\"\(HTML.escape(href))\">\(HTML.escape(code))</a>"
            }
            body += "</div>"
        }
        body += "</section>"

        body +=
            "<div class=\"price-line\"><span class=\"price-big\">\(NumberFormat.price(quote?.price, convert: convert))</span>"
        let change = quote?.percentChange24h
        body += "<span class=\"badge \(NumberFormat.trend(change))\">\(NumberFormat.percent(change)) 24h</span>"
        body += "<span class=\"muted\">as of \(NumberFormat.time(quote?.lastUpdated))</span></div>"

        if !detail.sameSymbol.isEmpty, let symbol {
            body += "<div class=\"notice\" role=\"note\"><strong>\(HTML.escape(symbol)) is not unique.</strong> "
            body += "Other coins with this symbol:<ul>"
            for other in detail.sameSymbol {
                body +=
                    "<li><a href=\"/coins/\(other.id)\">\(HTML.escape(other.name, placeholder: "Coin \(other.id)"))</a>"
                body += " <span class=\"muted\">id \(other.id) · market cap "
                body += "\(NumberFormat.compactMoney(other.marketCap, convert: convert))</span></li>"
            }
            body += "</ul></div>"
        }

        body += "<div class=\"layout\"><div class=\"stack\">"
        // Range tabs and charts.
        body += "<div class=\"pills\" aria-label=\"Range\">"
        for option in HistoryRange.allCases {
            var pairs = rangePairs(option)
            if let requestedConvert { pairs.append(("convert", requestedConvert)) }
            let href = "/coins/\(coin.id)" + HTML.query(pairs)
            let label = option == .all ? "All" : option.rawValue
            body += "<a class=\"pill\(option == range ? " active" : "")\" href=\"\(HTML.escape(href))\">\(label)</a>"
        }
        body += "</div>"
        let label = name ?? "Coin \(coin.id)"
        let prices = history.compactMap { row in
            row.price.map { SVGChart.Point(time: row.lastUpdated.value, value: $0) }
        }
        var caps = history.compactMap { row in
            row.marketCap.map { SVGChart.Point(time: row.lastUpdated.value, value: $0) }
        }
        // CMC reports a market cap of 0 when it does not know the circulating supply.
        let capUnknown = !caps.isEmpty && caps.allSatisfy { $0.value == 0 }
        if capUnknown { caps = [] }
        body += chartCard(
            title: "Price",
            summary: rangeChange(prices),
            chart: SVGChart.render(
                id: "price",
                title: "\(label) price in \(convert)",
                points: prices,
                format: { NumberFormat.price($0, convert: convert) },
                axis: { NumberFormat.axis($0, step: $1, convert: convert, compactUnits: abs($0) >= 1_000_000) }
            ),
            count: prices.count
        )
        body += chartCard(
            title: "Market cap",
            summary: rangeChange(caps),
            chart: SVGChart.render(
                id: "cap",
                title: "\(label) market cap in \(convert)",
                points: caps,
                format: { NumberFormat.compactMoney($0, convert: convert) },
                axis: { NumberFormat.axis($0, step: $1, convert: convert, compactUnits: true) },
                emptyText: capUnknown
                    ? "No market cap reported (CMC sends 0 when the supply is unknown)" : "No data in this range"
            ),
            count: caps.count
        )
        if let metadata = detail.metadata {
            body += about(metadata)
        }
        body += "</div><aside class=\"stack\">"
        body += statsPanel(quote: quote, symbol: symbol, convert: convert)
        if let metadata = detail.metadata {
            body += linksPanel(metadata)
            body += tagsPanel(metadata)
            body += platformPanel(metadata)
        } else {
            body +=
                "<section class=\"panel section muted\">No metadata stored for this coin (its info was not fetched).</section>"
        }
        body += "</aside></div>"
        return PageLayout.page(title: name ?? "Coin \(coin.id)", section: .market, body: body)
    }

    private static func rangePairs(_ range: HistoryRange) -> [(String, String)] {
        range == .week ? [] : [("range", range.rawValue)]
    }

    private static func rangeChange(_ points: [SVGChart.Point]) -> String {
        guard let first = points.first?.value, let last = points.last?.value, points.count > 1, first != 0 else {
            return ""
        }
        let change = (last - first) / abs(first) * 100
        return
            "<span class=\"change \(NumberFormat.trend(change))\">\(NumberFormat.percent(change))</span> over the range"
    }

    private static func chartCard(title: String, summary: String, chart: String, count: Int) -> String {
        "<section class=\"panel chart-card\"><div class=\"panel-title\"><h2>\(title)</h2><span class=\"muted\">"
            + "\(summary)\(summary.isEmpty ? "" : " · ")\(NumberFormat.count(count)) point\(count == 1 ? "" : "s")"
            + "</span></div>\(chart)</section>"
    }

    private static func statsPanel(quote: QuoteRow?, symbol: String?, convert: String) -> String {
        let rows: [(String, String)] = [
            ("Market cap", NumberFormat.compactMoney(quote?.marketCap, convert: convert)),
            ("Fully diluted", NumberFormat.compactMoney(quote?.fullyDilutedMarketCap, convert: convert)),
            ("Volume (24h)", NumberFormat.compactMoney(quote?.volume24h, convert: convert)),
            (
                "Change 1h",
                "<span class=\"\(NumberFormat.trend(quote?.percentChange1h))\">\(NumberFormat.percent(quote?.percentChange1h))</span>"
            ),
            (
                "Change 7d",
                "<span class=\"\(NumberFormat.trend(quote?.percentChange7d))\">\(NumberFormat.percent(quote?.percentChange7d))</span>"
            ),
            (
                "Change 30d",
                "<span class=\"\(NumberFormat.trend(quote?.percentChange30d))\">\(NumberFormat.percent(quote?.percentChange30d))</span>"
            ),
            ("Dominance", quote?.marketCapDominance.map { String(format: "%.2f%%", $0) } ?? NumberFormat.missing),
            ("Circulating supply", NumberFormat.supply(quote?.circulatingSupply, symbol: symbol)),
            ("Total supply", NumberFormat.supply(quote?.totalSupply, symbol: symbol)),
            ("Max supply", quote?.infiniteSupply == true ? "∞" : NumberFormat.supply(quote?.maxSupply, symbol: symbol)),
            ("Market pairs", NumberFormat.count(quote?.numMarketPairs)),
        ]
        var html = "<section class=\"panel section\"><h2>Statistics</h2><dl class=\"stats\">"
        for (label, value) in rows {
            html += "<dt>\(label)</dt><dd>\(value)</dd>"
        }
        return html + "</dl></section>"
    }

    private static func about(_ metadata: CoinMetadata) -> String {
        var html = "<section class=\"panel section\"><h2>About</h2><div class=\"prose\">"
        if let notice = metadata.notice, !notice.isEmpty {
            html += "<p class=\"notice\">\(HTML.escape(notice))</p>"
        }
        let paragraphs = (metadata.description ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if paragraphs.isEmpty {
            html += "<p class=\"muted\">No description.</p>"
        }
        for paragraph in paragraphs {
            html += "<p>\(HTML.escape(paragraph))</p>"
        }
        html += "<p class=\"muted\">Metadata as of \(NumberFormat.time(metadata.observedAt))"
        if let added = metadata.dateAdded { html += " · listed on CMC \(String(NumberFormat.time(added).prefix(10)))" }
        if let launched = metadata.dateLaunched {
            html += " · launched \(String(NumberFormat.time(launched).prefix(10)))"
        }
        return html + "</p></div></section>"
    }

    private static func linksPanel(_ metadata: CoinMetadata) -> String {
        var items: [String] = []
        let known = Set(linkKinds.map(\.0))
        let kinds = linkKinds + metadata.urls.keys.filter { !known.contains($0) }.sorted().map { ($0, $0) }
        for (kind, label) in kinds {
            for url in metadata.urls[kind] ?? [] where !url.isEmpty {
                let shown = HTML.webURL(url).map(displayText) ?? url
                items.append(
                    "<li><span class=\"kind\">\(HTML.escape(label))</span>\(HTML.externalLink(url, label: shown))</li>"
                )
            }
        }
        if let handle = metadata.twitterUsername, !handle.isEmpty, metadata.urls["twitter"]?.isEmpty ?? true {
            if handle.count <= 15, handle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                items.append(
                    "<li><span class=\"kind\">Twitter</span>\(HTML.externalLink("https://x.com/\(handle)", label: "@" + handle))</li>"
                )
            } else {
                items.append(
                    "<li><span class=\"kind\">Twitter</span><span class=\"unlinked\">\(HTML.escape(handle))</span></li>"
                )
            }
        }
        var html = "<section class=\"panel section\"><h2>Links</h2>"
        if items.isEmpty { return html + "<p class=\"muted\">No links stored.</p></section>" }
        html += "<ul class=\"links\">" + items.joined() + "</ul></section>"
        return html
    }

    /// `example.org/path` for a link label (host and path, no scheme, trimmed).
    private static func displayText(_ url: URL) -> String {
        let host = url.host() ?? ""
        let path = url.path()
        let text = host + (path == "/" ? "" : path)
        return text.count > 48 ? String(text.prefix(47)) + "…" : text
    }

    private static func tagsPanel(_ metadata: CoinMetadata) -> String {
        let names =
            metadata.tagNames.count == metadata.tags.count && !metadata.tagNames.isEmpty
            ? metadata.tagNames : metadata.tags
        guard !names.isEmpty else { return "" }
        var html = "<section class=\"panel section\"><h2>Tags</h2><div>"
        for name in names.prefix(40) {
            html += "<span class=\"chip\">\(HTML.escape(name))</span>"
        }
        if names.count > 40 { html += "<span class=\"muted\">and \(names.count - 40) more</span>" }
        return html + "</div></section>"
    }

    private static func platformPanel(_ metadata: CoinMetadata) -> String {
        guard metadata.platform != nil || !metadata.contractAddresses.isEmpty else { return "" }
        var html = "<section class=\"panel section\"><h2>Platform</h2><dl class=\"stats\">"
        if let platform = metadata.platform {
            html += "<dt>Chain</dt><dd>\(HTML.escape(platform.name))</dd>"
            if let address = platform.tokenAddress, !address.isEmpty {
                html += "<dt>Token</dt><dd class=\"mono\">\(HTML.escape(address))</dd>"
            }
        }
        html += "</dl>"
        let contracts = metadata.contractAddresses.filter { !($0.contractAddress ?? "").isEmpty }
        if !contracts.isEmpty {
            html += "<ul class=\"links\">"
            for contract in contracts.prefix(20) {
                html += "<li><span class=\"kind\">\(HTML.escape(contract.platform?.name, placeholder: "?"))</span>"
                html += "<span class=\"mono\">\(HTML.escape(contract.contractAddress))</span></li>"
            }
            html += "</ul>"
        }
        return html + "</section>"
    }
}
