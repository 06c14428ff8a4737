import AsyncHTTPClient
import CMCEmulator
import CoinPipeTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Store
import Testing

@testable import Dashboard

/// The dashboard over loopback, on a store filled from the emulator (three runs, hostile text on).
@Suite(.serialized) struct DashboardServerTests {
    // MARK: - Latest

    @Test func latestPageShowsRowsAndSnapshotTime() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let page = try await client.get("/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            // 100 coins on the first page, 300 in all.
            #expect(page.text.components(separatedBy: "<td class=\"left rank\">").count - 1 == 100)
            #expect(page.text.contains("1–100 of 300"))
            // The snapshot time is the newest last_updated of the newest run, read from its data.json.
            let newest = try #require(try fixture.listings(2).values.map(\.lastUpdated).max())
            let time = try #require(EpochMillis(iso8601: newest))
            #expect(page.text.contains("<time datetime=\"\(time.iso8601)\">"))
            #expect(page.text.contains(NumberFormat.time(time)))
            // Rank 1 is first, with its logo and a link to its page.
            let first = try #require(fixture.coins.first)
            #expect(page.text.contains("<a class=\"coin\" href=\"/coins/\(first.id)\">"))
            #expect(page.text.contains("<img src=\"/logos/\(first.id).png\""))
            let firstRow = try #require(page.text.range(of: "<td class=\"left rank\">"))
            #expect(page.text[firstRow.upperBound...].hasPrefix("1</td>"))
            // Each row has a sparkline of its three prices.
            #expect(page.text.components(separatedBy: "<svg class=\"spark ").count - 1 == 100)
            let spark = try #require(page.text.range(of: "<polyline points=\""))
            let points = page.text[spark.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
            #expect(points.count == 3)
            // Security headers.
            let policy = try #require(page.headers["content-security-policy"])
            #expect(policy.contains("default-src 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.headers["x-content-type-options"] == "nosniff")
        }
    }

    @Test func sortingSearchAndPaging() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let listings = try fixture.listings(2)
            // Price, largest first: the API's order equals data.json's prices sorted.
            let byPriceAnswer = try await client.get("/api/latest?sort=price&dir=desc&per_page=500")
            let byPrice = try byPriceAnswer.json()
            let items = try #require(try byPriceAnswer.exact()["items"]?.array)
            #expect(items.count == 300)
            let prices = items.compactMap { $0["price"]?.double }
            #expect(prices == listings.values.compactMap { $0.quote["price"]?.double }.sorted(by: >))
            #expect(byPrice["sort"] as? String == "price")
            #expect(byPrice["dir"] as? String == "desc")

            // Market cap ascending on the HTML page: the first row has the smallest cap (ties by rank).
            let caps = listings.values.compactMap { $0.quote["market_cap"]?.double }
            let smallestCap = try #require(caps.min())
            let ascending = try await client.get("/?sort=market_cap&dir=asc")
            #expect(ascending.status == 200)
            let firstLink = try #require(ascending.text.range(of: "<a class=\"coin\" href=\"/coins/"))
            let firstID = try #require(Int(ascending.text[firstLink.upperBound...].prefix { $0.isNumber }))
            #expect(listings[firstID]?.quote["market_cap"]?.double == smallestCap)
            #expect(ascending.text.contains("aria-sort=\"ascending\""))

            // Paging: page 2 of 50 holds ranks 51 to 100.
            let page2 = try await client.get("/api/latest?page=2&per_page=50").json()
            let ranks = try #require(page2["items"] as? [[String: Any]]).compactMap { $0["rank"] as? Int }
            #expect(ranks == Array(51...100))
            #expect(page2["pages"] as? Int == 6)
            #expect(page2["total"] as? Int == 300)
            let html2 = try await client.get("/?page=2")
            #expect(html2.text.contains("101–200 of 300"))
            #expect(html2.text.contains("rel=\"prev\""))
            let past = try await client.get("/?page=9")
            #expect(past.status == 200)
            #expect(past.text.contains("This page is past the last one."))
            #expect(past.text.contains("page 9 of 3"))
            #expect(past.text.contains("<a href=\"/?page=3\" rel=\"prev\">"))

            // Search by symbol and by name, case-insensitively.
            let target = fixture.coins[10]
            let bySymbol = try await client.get("/api/latest?q=\(target.symbol.lowercased())").json()
            let found = try #require(bySymbol["items"] as? [[String: Any]])
            #expect(found.contains { $0["id"] as? Int == target.id })
            #expect(
                found.allSatisfy { item in
                    [item["name"], item["symbol"], item["slug"]].contains {
                        ($0 as? String)?.lowercased().contains(target.symbol.lowercased()) ?? false
                    }
                }
            )
            let searchPage = try await client.get("/?q=\(target.slug)")
            #expect(searchPage.text.contains("href=\"/coins/\(target.id)\""))
            #expect(searchPage.text.contains("result"))
            let none = try await client.get("/?q=zzzz-no-such-coin")
            #expect(none.status == 200)
            #expect(none.text.contains("No coin matches this search."))
        }
    }

    @Test func convertSelection() async throws {
        try await DashboardFixture.withServer { fixture, client in
            // USD by default, with a switch to EUR.
            let page = try await client.get("/")
            #expect(page.text.contains("prices in USD"))
            #expect(page.text.contains("<a class=\"pill\" href=\"/?convert=EUR\">EUR</a>"))
            #expect(page.text.contains("<a class=\"pill active\" href=\"/?convert=USD\">USD</a>"))
            let euro = try await client.get("/?convert=EUR&sort=price&dir=desc")
            #expect(euro.text.contains("prices in EUR"))
            #expect(euro.text.contains("href=\"/?sort=price&amp;convert=USD\""))
            let coin = try #require(fixture.coins.first)
            let eurPrice = try #require(try fixture.listings(2, convert: "EUR")[coin.id]?.quote["price"]?.double)
            #expect(euro.text.contains(NumberFormat.price(eurPrice, convert: "EUR")))
            #expect(NumberFormat.price(eurPrice, convert: "EUR").hasPrefix("€"))

            let api = try await client.get("/api/latest?convert=eur&per_page=500")
            #expect(try api.json()["convert"] as? String == "EUR")
            #expect(try api.json()["converts"] as? [String] == ["EUR", "USD"])
            let items = try #require(try api.exact()["items"]?.array)
            let listings = try fixture.listings(2, convert: "EUR")
            for item in items.prefix(20) {
                let id = try #require(item["id"]?.double.map { Int($0) })
                #expect(item["price"]?.double == listings[id]?.quote["price"]?.double)
            }
            let history = try await client.get("/api/coins/\(coin.id)/history?range=all&convert=EUR").exact()
            #expect(history["convert"]?.string == "EUR")
            #expect(history["points"]?.array?.count == 3)
            #expect(try await client.get("/coins/\(coin.id)?convert=EUR").text.contains("price in EUR"))
            // A currency the store does not hold is a bad request.
            #expect(try await client.get("/api/latest?convert=JPY").status == 400)
        }
    }

    // MARK: - Coin pages

    @Test func coinPageHasChartsAndMetadata() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let coin = try #require(fixture.coins.first)
            let page = try await client.get("/coins/\(coin.id)?range=all")
            #expect(page.status == 200)
            #expect(page.text.contains("<svg class=\"chart\""))
            #expect(page.text.contains("<path class=\"chart-line"))
            #expect(page.text.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
            #expect(page.text.contains("3 points"))
            #expect(page.text.contains("High "))
            #expect(page.text.contains("Low "))
            // Metadata from info.json: description, a website link, tags.
            let info = try JSONSerialization.jsonObject(
                with: Data(contentsOf: fixture.folder(2).appending(path: "info.json"))
            )
            let entry = try #require((info as? [String: Any])?["\(coin.id)"] as? [String: Any])
            let description = try #require(entry["description"] as? String)
            let firstLine = try #require(description.split(whereSeparator: \.isNewline).first)
            #expect(page.text.contains(HTML.escape(String(firstLine).trimmingCharacters(in: .whitespaces))))
            let website = try #require(((entry["urls"] as? [String: Any])?["website"] as? [String])?.first)
            #expect(page.text.contains("<a href=\"\(HTML.escape(website))\" rel=\"noopener noreferrer nofollow\""))
            if let tag = (entry["tag-names"] as? [String])?.first {
                #expect(page.text.contains("<span class=\"chip\">\(HTML.escape(tag))</span>"))
            }
            // Every range renders.
            for range in ["24h", "7d", "30d", "1y", "all"] {
                let ranged = try await client.get("/coins/\(coin.id)?range=\(range)")
                #expect(ranged.status == 200, "range \(range)")
            }
        }
    }

    @Test func hostileCoinIsRenderedInert() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let hostile = fixture.coins.filter { $0.name.contains("<") }
            #expect(hostile.count == 2)
            for coin in hostile {
                let page = try await client.get("/coins/\(coin.id)")
                #expect(page.status == 200)
                // The pages carry no script at all, so any <script in them would have come from data.
                #expect(!page.text.lowercased().contains("<script"))
                #expect(!page.text.contains("<img src=x"))
                #expect(!page.text.contains("href=\"javascript:"))
                #expect(!page.text.contains("<b>bold</b>"))
                #expect(page.text.contains(HTML.escape(coin.name)))
            }
            // The escaped description is there, and the table escapes the names too.
            let script = try #require(hostile.first { $0.name.contains("<script>") })
            let scriptPage = try await client.get("/coins/\(script.id)")
            #expect(
                scriptPage.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; Coin (XSS) is a &quot;test&quot; asset")
            )
            let table = try await client.get("/?sort=rank&dir=desc")
            #expect(table.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; Coin"))
            #expect(!table.text.lowercased().contains("<script"))
            #expect(!table.text.contains("<img src=x"))
            // The JSON API returns the text as data (JSON-escaped, served as application/json).
            let api = try await client.get("/api/coins/\(script.id)")
            #expect(api.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(try api.json()["name"] as? String == script.name)
        }
    }

    @Test func symbolCollisionListsTheOtherCoins() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let groups = Dictionary(grouping: fixture.coins, by: { $0.symbol.uppercased() }).filter {
                $0.value.count > 1
            }
            let (symbol, sharing) = try #require(groups.first)
            for coin in sharing {
                let page = try await client.get("/coins/\(coin.id)")
                #expect(page.text.contains("\(HTML.escape(symbol)) is not unique."))
                for other in sharing where other.id != coin.id {
                    #expect(page.text.contains("<a href=\"/coins/\(other.id)\">"))
                }
                let api = try await client.get("/api/coins/\(coin.id)").json()
                let same = try #require(api["same_symbol"] as? [[String: Any]])
                #expect(Set(same.compactMap { $0["id"] as? Int }) == Set(sharing.map(\.id)).subtracting([coin.id]))
            }
            // A coin with a unique symbol has no such notice.
            let unique = try #require(fixture.coins.first { groups[$0.symbol.uppercased()] == nil })
            let plain = try await client.get("/coins/\(unique.id)")
            #expect(!plain.text.contains("is not unique."))
        }
    }

    // MARK: - Runs

    @Test func runsPageLinksManifests() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let page = try await client.get("/runs")
            #expect(page.status == 200)
            for folder in fixture.runFolders {
                #expect(page.text.contains("<a href=\"/runs/\(folder)/manifest.json\""))
            }
            #expect(page.text.components(separatedBy: "<span class=\"status complete\">").count - 1 == 3)
            let manifest = try await client.get("/runs/\(fixture.runFolders[1])/manifest.json")
            #expect(manifest.status == 200)
            #expect(manifest.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(manifest.bytes == (try Data(contentsOf: fixture.folder(1).appending(path: "manifest.json"))))

            let runs = try #require(try await client.get("/api/runs").json()["runs"] as? [[String: Any]])
            #expect(runs.compactMap { $0["id"] as? String } == fixture.runFolders.reversed())
            let stored = try JSONSerialization.jsonObject(
                with: Data(contentsOf: fixture.folder(2).appending(path: "manifest.json"))
            )
            let credits = (stored as? [String: Any])?["credits_used"] as? Int
            #expect(runs.first?["credits_used"] as? Int == credits)
            #expect(runs.first?["status"] as? String == "complete")
            #expect(runs.first?["coins"] as? Int == 300)
            #expect(runs.first?["manifest"] as? String == "/runs/\(fixture.runFolders[2])/manifest.json")

            // Ids are UUIDs; nothing else becomes a path.
            #expect(try await client.get("/runs/not-a-uuid/manifest.json").status == 400)
            #expect(try await client.get("/runs/..%2F..%2Fetc/manifest.json").status == 400)
            #expect(try await client.get("/runs/\(UUID().uuidString)/manifest.json").status == 404)
        }
    }

    // MARK: - API

    @Test func historyEqualsTheRunsDataJSON() async throws {
        try await DashboardFixture.withServer { fixture, client in
            for coin in fixture.coins.prefix(5) {
                let answer = try await client.get("/api/coins/\(coin.id)/history?range=all")
                let history = try answer.json()
                #expect(history["convert"] as? String == "USD")
                #expect(history["range"] as? String == "all")
                let points = try #require(try answer.exact()["points"]?.array)
                #expect(points.count == 3)
                for (index, point) in points.enumerated() {
                    let source = try #require(try fixture.listings(index)[coin.id])
                    #expect(point["price"]?.double == source.quote["price"]?.double)
                    #expect(point["market_cap"]?.double == source.quote["market_cap"]?.double)
                    #expect(point["volume_24h"]?.double == source.quote["volume_24h"]?.double)
                    #expect(point["price"]?.double != nil)
                    #expect(
                        point["time"]?.string.flatMap(EpochMillis.init(iso8601:))
                            == EpochMillis(iso8601: source.lastUpdated)
                    )
                }
                // 24h back from the newest snapshot still holds all three (they are two hours apart).
                let day = try await client.get("/api/coins/\(coin.id)/history?range=24h").json()
                #expect(day["count"] as? Int == 3)
            }
            let coin = try #require(fixture.coins.first)
            let detailAnswer = try await client.get("/api/coins/\(coin.id)")
            let detail = try detailAnswer.json()
            #expect(detail["id"] as? Int == coin.id)
            #expect(detail["symbol"] as? String == coin.symbol)
            #expect(detail["logo"] as? String == "/logos/\(coin.id).png")
            let price = try detailAnswer.exact()["quote"]?["price"]?.double
            #expect(price != nil)
            #expect(price == (try fixture.listings(2)[coin.id])?.quote["price"]?.double)
            let metadata = try #require(detail["metadata"] as? [String: Any])
            #expect(metadata["urls"] is [String: Any])
            #expect(metadata["tags"] is [Any])
            let latest = try await client.get("/api/latest").json()
            #expect(latest["convert"] as? String == "USD")
            #expect(latest["per_page"] as? Int == 100)
            #expect((latest["items"] as? [Any])?.count == 100)
            #expect(latest["snapshot_at"] is String)
        }
    }

    @Test func badRequestsAndUnknownCoins() async throws {
        try await DashboardFixture.withServer { _, client in
            let unknown = try await client.get("/api/coins/999999999")
            #expect(unknown.status == 404)
            let error = try #require(try unknown.json()["error"] as? [String: Any])
            #expect(error["status"] as? Int == 404)
            #expect((error["message"] as? String)?.contains("999999999") == true)
            #expect(try await client.get("/api/coins/999999999/history").status == 404)
            let page = try await client.get("/coins/999999999")
            #expect(page.status == 404)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)

            for path in [
                "/api/latest?sort=bogus", "/api/latest?dir=up", "/api/latest?page=0", "/api/latest?page=x",
                "/api/latest?per_page=100000", "/api/latest?convert=US%24", "/api/latest?convert=XYZ",
                "/api/coins/abc", "/api/coins/-1", "/api/coins/1/history?range=2d", "/api/runs?limit=0",
            ] {
                let answer = try await client.get(path)
                #expect(answer.status == 400, "\(path)")
                #expect((try? answer.json()["error"]) != nil, "\(path)")
            }
            #expect(try await client.get("/?sort=bogus").status == 400)
            // Unknown paths: a 404 page, or a JSON error under /api/, with the security headers.
            let nowhere = try await client.get("/nowhere")
            #expect(nowhere.status == 404)
            #expect(nowhere.text.contains("Not found"))
            #expect(nowhere.headers["content-security-policy"] != nil)
            let apiNowhere = try await client.get("/api/nowhere")
            #expect(apiNowhere.status == 404)
            #expect((try apiNowhere.json()["error"] as? [String: Any])?["status"] as? Int == 404)
            #expect(try await client.get("/coins/1?range=forever").status == 400)
        }
    }

    /// A coin id is plain digits without a leading zero that fits an `Int`: `+1`, `01`, `1.0` and overflowing
    /// numbers are refused with a 400, as `abc` is.
    @Test func coinIDsArePlainDigits() async throws {
        try await DashboardFixture.withServer { _, client in
            #expect(try await client.get("/api/coins/1").status == 200)
            for id in ["+1", "01", "1.0", "%2B1", "1e0", "99999999999999999999999"] {
                var paths = ["/api/coins/\(id)", "/coins/\(id)", "/api/coins/\(id)/history"]
                if !id.contains(".") { paths.append("/logos/\(id).png") }
                for path in paths {
                    let answer = try await client.get(path)
                    #expect(answer.status == 400, "\(path)")
                }
            }
        }
    }

    /// A method other than `GET` and `HEAD` on a route that exists is a 405 with an `Allow` header; on a path
    /// that does not exist it stays a 404.
    @Test func otherMethodsOnRoutesAre405() async throws {
        try await DashboardFixture.withServer { _, client in
            for path in ["/", "/coins/1", "/runs", "/logos/1.png", "/api/latest", "/api/coins/1", "/api/runs"] {
                for method: HTTPMethod in [.POST, .PUT, .DELETE, .PATCH] {
                    let answer = try await client.send(method, path)
                    #expect(answer.status == 405, "\(method) \(path)")
                    #expect(answer.headers["allow"] == "GET, HEAD", "\(method) \(path)")
                    #expect(answer.headers["content-security-policy"] != nil, "\(method) \(path)")
                }
            }
            let api = try await client.send(.POST, "/api/latest")
            #expect((try api.json()["error"] as? [String: Any])?["status"] as? Int == 405)
            #expect(try await client.send(.POST, "/no/such/page").status == 404)
        }
    }

    // MARK: - Logos

    @Test func logosComeFromTheNewestRunFolder() async throws {
        try await DashboardFixture.withServer { fixture, client in
            let coin = try #require(fixture.coins.first)
            let logo = try await client.get("/logos/\(coin.id).png")
            #expect(logo.status == 200)
            #expect(logo.headers["content-type"] == "image/png")
            #expect(logo.headers["cache-control"]?.contains("max-age") == true)
            let stored = try await withRunStore(
                .sqlite(path: fixture.root.appending(path: "raw_data/coinpipe.sqlite").path),
                logger: testLogger,
                access: .readOnly
            ) { store in try await store.logoRunIDs(coinID: coin.id) }
            let newest = try #require(stored.first)
            let file = fixture.root.appending(path: "raw_data/\(newest)/Images/\(coin.id).png")
            #expect(logo.bytes == (try Data(contentsOf: file)))

            let missing = try await client.get("/logos/999999999.png")
            #expect(missing.status == 200)
            #expect(missing.headers["content-type"] == "image/png")
            #expect(missing.bytes == PlaceholderLogo.png)
            #expect(try await client.get("/logos/abc.png").status == 400)
        }
    }

    // MARK: - Read-only store

    /// The store file 0444 in a folder 0555: every page and API answer is served, and the folder is unchanged
    /// afterwards (no `-wal` or `-shm`, the store's bytes and modification time), which also holds when the
    /// tests run as root (for whom `chmod` changes nothing).
    @Test func servesAReadOnlyStoreAndWritesNothing() async throws {
        try await DashboardFixture.withCopy { fixture, out in
            let store = out.appending(path: "coinpipe.sqlite").path
            let fileManager = FileManager.default
            #expect(!fileManager.fileExists(atPath: store + "-wal"))
            try fileManager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
            try fileManager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.path)
            defer { try? fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: out.path) }
            let before = try StoreFolderState(out)
            try await withDashboard(DashboardFixture.configuration(out: out), logger: testLogger) { running throws in
                let client = Client(running: running)
                let coin = try #require(fixture.coins.first)
                for path in [
                    "/", "/coins/\(coin.id)", "/runs", "/logos/\(coin.id).png", "/api/latest", "/api/runs",
                    "/api/coins/\(coin.id)", "/api/coins/\(coin.id)/history",
                ] {
                    #expect(try await client.get(path).status == 200, "\(path)")
                }
                #expect(try await client.get("/api/runs").text.contains(fixture.runFolders[0]))
            }
            #expect(try StoreFolderState(out) == before)
        }
    }

    /// An empty store file is refused before the server starts, and stays empty.
    @Test func refusesAnEmptyStore() async throws {
        try await DashboardFixture.withCopy { _, out in
            let store = out.appending(path: "coinpipe.sqlite").path
            try FileManager.default.removeItem(atPath: store)
            #expect(FileManager.default.createFile(atPath: store, contents: Data()))
            await #expect {
                try await withDashboard(DashboardFixture.configuration(out: out), logger: testLogger) { _ in }
            } throws: { error in
                (error as? StoreError)?.code == .emptyStore
            }
            #expect(try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int == 0)
            #expect(!FileManager.default.fileExists(atPath: store + "-wal"))
        }
    }

    // MARK: - Binding

    /// `HEAD` answers like `GET` (status and headers) without a body; unknown paths stay 404 for both.
    @Test func headAnswersLikeGet() async throws {
        try await DashboardFixture.withServer { _, client in
            for path in ["/", "/coins/1", "/runs", "/logos/1.png", "/api/latest", "/api/runs"] {
                let get = try await client.get(path)
                let head = try await client.send(.HEAD, path)
                #expect(head.status == 200, "HEAD \(path)")
                #expect(head.status == get.status)
                #expect(head.headers["content-type"] == get.headers["content-type"])
                #expect(head.headers["content-security-policy"] == get.headers["content-security-policy"])
                #expect(head.bytes.isEmpty, "HEAD \(path) sent a body")
                #expect(!get.bytes.isEmpty)
            }
            #expect(try await client.send(.HEAD, "/no/such/page").status == 404)
            #expect(try await client.send(.HEAD, "/api/coins/999999999").status == 404)
        }
    }

    @Test func bindsLoopbackByDefault() async throws {
        let configuration = DashboardConfiguration(
            store: .sqlite(path: "unused.sqlite"),
            outputRoot: URL(fileURLWithPath: "unused")
        )
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        try await DashboardFixture.withServer { _, client in
            #expect(client.running.host == "127.0.0.1")
            #expect(client.running.port > 0)
            #expect(client.running.baseURL.absoluteString == "http://127.0.0.1:\(client.running.port)")
            let runs = try await client.get("/runs")
            #expect(runs.status == 200)
            // Not reachable on this machine's other addresses.
            let others = Host.current().addresses.filter { $0.contains(".") && !$0.hasPrefix("127.") }
            for address in others {
                var request = HTTPClientRequest(url: "http://\(address):\(client.running.port)/runs")
                request.method = .GET
                var reached = false
                do {
                    _ = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                    reached = true
                } catch {
                    reached = false
                }
                #expect(!reached, "reachable on \(address)")
            }
        }
    }
}

/// The file names of an output root, and the store's bytes and modification time.
struct StoreFolderState: Equatable {
    var names: [String]
    var bytes: Data?
    var modified: Date?

    init(_ out: URL) throws {
        let fileManager = FileManager.default
        names = try fileManager.contentsOfDirectory(atPath: out.path).sorted()
        let store = out.appending(path: "coinpipe.sqlite").path
        bytes = fileManager.contents(atPath: store)
        modified = try fileManager.attributesOfItem(atPath: store)[.modificationDate] as? Date
    }
}
