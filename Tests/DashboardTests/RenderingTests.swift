import CMCModels
import Collector
import Foundation
import Store
import Testing

@testable import Dashboard

/// The pure parts: escaping, link checks, number formats, sorting, charts, image sniffing.
@Suite struct RenderingTests {
    @Test func escapesTextAndAttributes() {
        #expect(
            HTML.escape("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        )
        #expect(HTML.escape(nil as String?) == "—")
        #expect(HTML.escape("" as String?) == "—")
    }

    @Test(arguments: [
        ("https://bitcoin.org/", true), ("http://example.com/a?b=c", true), ("HTTPS://EXAMPLE.COM", true),
        ("javascript:alert(1)", false), ("JavaScript:alert(1)", false), (" javascript:alert(1)", false),
        ("data:text/html,<script>", false), ("//evil.example/", false), ("/relative", false), ("ftp://x.org", false),
        ("https://", false), ("vbscript:msgbox", false), ("https://exa mple.com", false), ("java\tscript:x", false),
    ])
    func onlyHTTPLinks(_ url: String, _ linked: Bool) {
        #expect((HTML.webURL(url) != nil) == linked)
        let html = HTML.externalLink(url)
        #expect(html.hasPrefix("<a href=") == linked)
        if linked { #expect(html.contains("rel=\"noopener noreferrer nofollow\"")) }
        #expect(!html.contains("<script"))
    }

    @Test func coinPageRendersJavascriptLinksAsText() {
        var metadata = CoinMetadata(coinID: 7, observedAt: EpochMillis(0))
        metadata.name = "<b>Evil</b>"
        metadata.description = "Line one <img src=x onerror=alert(1)>\n\nLine two"
        metadata.urls = [
            "website": ["javascript:alert(document.cookie)", "https://good.example/home"],
            "twitter": ["data:text/html;base64,PHNjcmlwdD4="],
        ]
        metadata.tags = ["<i>tag</i>"]
        metadata.twitterUsername = "\"><script>"
        let detail = DashboardData.CoinDetail(
            coin: CoinCandidate(id: 7, name: "<b>Evil</b>", symbol: "EV<IL"),
            convert: "USD",
            converts: ["USD"],
            metadata: metadata,
            sameSymbol: [CoinCandidate(id: 8, name: "<i>Other</i>", symbol: "EV<IL")],
            quote: nil
        )
        let page = CoinPage.render(detail: detail, history: [], range: .week, requestedConvert: nil)
        #expect(!page.contains("href=\"javascript:"))
        #expect(!page.contains("href=\"data:"))
        #expect(
            page.contains(
                "<span class=\"unlinked\" title=\"not an http(s) link\">javascript:alert(document.cookie)</span>"
            )
        )
        #expect(page.contains("<a href=\"https://good.example/home\" rel=\"noopener noreferrer nofollow\""))
        #expect(!page.contains("<b>Evil</b>"))
        #expect(page.contains("&lt;b&gt;Evil&lt;/b&gt;"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("<i>"))
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("<a href=\"/coins/8\">&lt;i&gt;Other&lt;/i&gt;</a>"))
        #expect(page.contains("No data in this range"))
    }

    @Test func formatsNumbers() {
        #expect(NumberFormat.price(57512.4417, convert: "USD") == "$57,512.44")
        #expect(NumberFormat.price(0.99987, convert: "USD") == "$0.9999")
        #expect(NumberFormat.price(0.0000123456, convert: "USD") == "$0.00001235")
        #expect(NumberFormat.price(1.5e-15, convert: "USD") == "$1.500e-15")
        #expect(NumberFormat.price(12.5, convert: "CHF") == "12.50 CHF")
        #expect(NumberFormat.price(nil, convert: "USD") == "—")
        #expect(NumberFormat.compactMoney(1_132_650_000_000.12, convert: "USD") == "$1.13T")
        #expect(NumberFormat.compactMoney(41_322_991_200, convert: "EUR") == "€41.32B")
        #expect(NumberFormat.compactMoney(812_400, convert: "USD") == "$812.40K")
        #expect(NumberFormat.compactMoney(950, convert: "USD") == "$950")
        #expect(NumberFormat.percent(1.234) == "+1.23%")
        #expect(NumberFormat.percent(-0.456) == "−0.46%")
        #expect(NumberFormat.percent(0.001) == "0.00%")
        #expect(NumberFormat.percent(nil) == "—")
        #expect(NumberFormat.trend(-2) == "down")
        #expect(NumberFormat.trend(nil) == "flat")
        #expect(NumberFormat.time(EpochMillis(iso8601: "2024-05-01T11:59:30.000Z")) == "2024-05-01 11:59 UTC")
        #expect(NumberFormat.duration(from: EpochMillis(0), to: EpochMillis(65_000)) == "1m 05s")
    }

    @Test func sortsWithNullsLast() throws {
        func row(_ id: Int, rank: Int?, price: Double?) -> QuoteRow {
            var row = QuoteRow(coinID: id, convert: "USD", lastUpdated: EpochMillis(0), firstSeenRun: "r")
            row.cmcRank = rank
            row.price = price
            row.name = "Coin \(id)"
            return row
        }
        let rows = [row(1, rank: 2, price: 5), row(2, rank: 1, price: nil), row(3, rank: nil, price: 9)]
        var query = LatestQuery()
        #expect(query.apply(to: rows).map(\.coinID) == [2, 1, 3])
        query.sort = .price
        query.ascending = false
        #expect(query.apply(to: rows).map(\.coinID) == [3, 1, 2])
        query.ascending = true
        #expect(query.apply(to: rows).map(\.coinID) == [1, 3, 2])
        query.search = "COIN 3"
        #expect(query.apply(to: rows).map(\.coinID) == [3])
    }

    @Test func parsesFormEncodedQueries() throws {
        let parameters = QueryParameters("q=bit+coin%2B&page=2&q=ignored&convert=eur")
        #expect(parameters["q"] == "bit coin+")
        #expect(try parameters.integer("page", in: 1...10, default: 1) == 2)
        #expect(try parameters.convert() == "EUR")
        #expect(throws: DashboardError.self) { try QueryParameters("page=11").integer("page", in: 1...10, default: 1) }
    }

    @Test func chartHasAxesAndMarkers() {
        let points = (0..<10).map { SVGChart.Point(time: Int64($0) * 3_600_000, value: Double(100 + $0 * $0)) }
        let svg = SVGChart.render(id: "t", title: "<x>", points: points) { String(format: "%.0f", $0) }
        #expect(svg.hasPrefix("<svg class=\"chart\""))
        #expect(svg.contains("<path class=\"chart-line up\" d=\"M"))
        #expect(svg.contains("High 181"))
        #expect(svg.contains("Low 100"))
        #expect(svg.contains("aria-label=\"&lt;x&gt;\""))
        #expect(svg.components(separatedBy: "<line x1=").count - 1 >= 3)
        let ticks = SVGChart.niceTicks(low: 0.13, high: 0.87, count: 4)
        #expect((ticks.first ?? 1) <= 0.13)
        #expect((ticks.last ?? 0) >= 0.87)
        #expect((4...7).contains(ticks.count))
        let many = (0..<5000).map { SVGChart.Point(time: Int64($0), value: sin(Double($0) / 100)) }
        let reduced = SVGChart.downsample(many)
        #expect(reduced.count <= SVGChart.maxPoints + 1)
        #expect(reduced.map(\.value).max() == many.map(\.value).max())
        #expect(reduced.last == many.last)
    }

    @Test func sparklineFollowsThePrices() {
        let points = [
            PricePoint(time: EpochMillis(0), price: 10), PricePoint(time: EpochMillis(1000), price: 12),
            PricePoint(time: EpochMillis(2000), price: 9),
        ]
        let svg = SVGChart.sparkline(points, width: 104, height: 26)
        #expect(svg.contains("class=\"spark down\""))
        #expect(svg.contains("<polyline points=\"2.0,16.3 52.0,3.0 102.0,23.0\"/>"))
        #expect(SVGChart.sparkline(Array(points.prefix(1))).contains("—"))
        let many = (0..<500).map { PricePoint(time: EpochMillis(Int64($0)), price: Double($0)) }
        let long = SVGChart.sparkline(many)
        #expect(long.contains("spark up"))
        #expect(long.components(separatedBy: ",").count - 1 == 60)
    }

    @Test func sniffsOnlyRasterImages() {
        #expect(ImageFormat.sniff(PlaceholderLogo.png)?.contentType == "image/png")
        #expect(ImageFormat.sniff(Data([0xFF, 0xD8, 0xFF, 0xE0]))?.contentType == "image/jpeg")
        #expect(ImageFormat.sniff(Data("GIF89a....".utf8))?.contentType == "image/gif")
        #expect(ImageFormat.sniff(Data("RIFF\0\0\0\0WEBPVP8 ".utf8))?.contentType == "image/webp")
        #expect(ImageFormat.sniff(Data("<svg onload=alert(1)>".utf8))?.contentType == nil)
        #expect(ImageFormat.sniff(Data("<html>".utf8))?.contentType == nil)
        #expect(ImageFormat.sniff(Data())?.contentType == nil)
    }

    @Test func runFolderNamesNeverLeaveTheRoot() {
        #expect(RunID("6F1C2A4E-3B7D-4E8A-9C1F-2D3E4F5A6B7C")?.description == "6f1c2a4e-3b7d-4e8a-9c1f-2d3e4f5a6b7c")
        #expect(RunID("../etc") == nil)
        #expect(RunFolder.isSafeName("2024-05-01_run.1"))
        #expect(!RunFolder.isSafeName(".."))
        #expect(!RunFolder.isSafeName("a/b"))
        #expect(!RunFolder.isSafeName(""))
    }
}
