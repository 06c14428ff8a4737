import Collector
import Foundation
import Testing

@Suite struct LogoCacheTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100))
    static let url = "https://s2.coinmarketcap.com/static/img/coins/64x64/1.png"

    @Test func maxAgeDecidesFreshness() {
        let fetched = Date(timeIntervalSince1970: 1_700_000_000)
        let entry = LogoCacheEntry(url: Self.url, sha256: "", size: 0, fetchedAt: fetched, maxAge: 600)
        #expect(entry.freshnessLifetime == 600)
        #expect(entry.isFresh(at: fetched.addingTimeInterval(599)))
        #expect(!entry.isFresh(at: fetched.addingTimeInterval(600)))
        #expect(!entry.isFresh(at: fetched.addingTimeInterval(-1)), "a clock that went backwards means stale")
        let noCache = LogoCacheEntry(url: Self.url, sha256: "", size: 0, fetchedAt: fetched, maxAge: 0)
        #expect(!noCache.isFresh(at: fetched))
    }

    @Test func withoutMaxAgeTheHeuristicIsTenPercentOfTheAgeCappedAtADay() {
        let fetched = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        let oneDayOld = LogoCacheEntry(
            url: Self.url,
            sha256: "",
            size: 0,
            lastModified: "Mon, 13 Nov 2023 22:13:20 GMT",
            fetchedAt: fetched
        )
        #expect(abs(oneDayOld.freshnessLifetime - 8640) < 0.001)
        #expect(oneDayOld.isFresh(at: fetched.addingTimeInterval(8000)))
        #expect(!oneDayOld.isFresh(at: fetched.addingTimeInterval(9000)))
        let yearOld = LogoCacheEntry(
            url: Self.url,
            sha256: "",
            size: 0,
            lastModified: "Mon, 14 Nov 2022 22:13:20 GMT",
            fetchedAt: fetched
        )
        #expect(yearOld.freshnessLifetime == LogoCacheEntry.heuristicCap)
        let unknown = LogoCacheEntry(url: Self.url, sha256: "", size: 0, etag: "\"abc\"", fetchedAt: fetched)
        #expect(unknown.freshnessLifetime == 0)
        let garbled = LogoCacheEntry(url: Self.url, sha256: "", size: 0, lastModified: "yesterday", fetchedAt: fetched)
        #expect(garbled.freshnessLifetime == 0)
    }

    @Test func storeWritesAnObjectAndAMetaFile() async throws {
        try await ScratchDirectory.with { root in
            let cache = LogoCache(root: LogoCache.directory(inOutputRoot: root))
            #expect(cache.entry(for: Self.url) == nil)
            let fetched = Date(timeIntervalSince1970: 1_700_000_000.5)
            let stored = try cache.store(
                Self.png,
                as: LogoCacheEntry(
                    url: Self.url,
                    sha256: "",
                    size: 0,
                    etag: "\"v1\"",
                    lastModified: "Mon, 13 Nov 2023 22:13:20 GMT",
                    fetchedAt: fetched,
                    maxAge: 3600
                )
            )
            let sha = ScratchDirectory.sha256Hex(Self.png)
            #expect(stored.sha256 == sha && stored.size == Self.png.count)
            let urlHash = ScratchDirectory.sha256Hex(Data(Self.url.utf8))
            #expect(
                ScratchDirectory.allFiles(under: root) == [
                    ".cache/logos/meta/\(urlHash).json", ".cache/logos/objects/\(sha)",
                ]
            )
            let meta = try Data(contentsOf: root.appending(path: ".cache/logos/meta/\(urlHash).json"))
            let object = try #require(try JSONSerialization.jsonObject(with: meta) as? [String: Any])
            #expect(
                object.keys.sorted() == ["etag", "fetched_at", "last_modified", "max_age", "sha256", "size", "url"]
            )
            #expect(object["fetched_at"] as? String == "2023-11-14T22:13:20.500Z")
            let loaded = try #require(cache.entry(for: Self.url))
            #expect(loaded.etag == "\"v1\"" && loaded.maxAge == 3600 && loaded.sha256 == sha)
            #expect(cache.object(for: loaded) == Self.png)
        }
    }

    @Test func aCorruptObjectIsDiscarded() async throws {
        try await ScratchDirectory.with { root in
            let cache = LogoCache(root: LogoCache.directory(inOutputRoot: root))
            let entry = try cache.store(
                Self.png,
                as: LogoCacheEntry(url: Self.url, sha256: "", size: 0, fetchedAt: Date(), maxAge: 3600)
            )
            var damaged = Self.png
            damaged[20] ^= 0xff
            try damaged.write(to: cache.objectURL(sha256: entry.sha256))
            #expect(cache.object(for: entry) == nil)
            #expect(cache.entry(for: Self.url) == nil)
            #expect(ScratchDirectory.allFiles(under: root).isEmpty)
        }
    }

    @Test func aMetaFileForAnotherURLIsAMiss() async throws {
        try await ScratchDirectory.with { root in
            let cache = LogoCache(root: LogoCache.directory(inOutputRoot: root))
            try cache.store(Self.png, as: LogoCacheEntry(url: Self.url, sha256: "", size: 0, fetchedAt: Date()))
            let urlHash = ScratchDirectory.sha256Hex(Data(Self.url.utf8))
            let other = "https://s2.coinmarketcap.com/static/img/coins/64x64/2.png"
            let otherHash = ScratchDirectory.sha256Hex(Data(other.utf8))
            try FileManager.default.copyItem(
                at: root.appending(path: ".cache/logos/meta/\(urlHash).json"),
                to: root.appending(path: ".cache/logos/meta/\(otherHash).json")
            )
            #expect(cache.entry(for: other) == nil)
            try Data("{broken".utf8).write(to: root.appending(path: ".cache/logos/meta/\(urlHash).json"))
            #expect(cache.entry(for: Self.url) == nil)
        }
    }
}
