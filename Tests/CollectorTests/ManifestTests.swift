import Collector
import Foundation
import Testing

@Suite struct ManifestTests {
    static func sample(runID: RunID = RunID()) -> RunManifest {
        RunManifest(
            runID: runID,
            status: .partial,
            startedAt: Date(timeIntervalSince1970: 1_700_000_000.125),
            endedAt: Date(timeIntervalSince1970: 1_700_000_042.5),
            coinpipeVersion: "1.2.3",
            baseURL: "https://pro-api.coinmarketcap.com",
            parameters: RunParameters(
                limit: "5000",
                convert: ["USD", "EUR"],
                info: "50",
                logoSize: 64,
                concurrency: 16,
                maxLogoBytes: 1 << 20,
                batchSize: 100,
                resumedFromStatus: nil
            ),
            requests: [
                RequestRecord(
                    endpoint: "/v1/cryptocurrency/listings/latest",
                    query: "start=1&limit=5000&convert=USD",
                    httpStatus: 200,
                    creditCount: 25,
                    elapsedMilliseconds: 812,
                    attempts: 2,
                    startedAt: Date(timeIntervalSince1970: 1_700_000_000.25),
                    rawFile: "raw/listings-1.json.gz"
                )
            ],
            creditsUsed: 26,
            counts: RunCounts(
                coins: 5000,
                info: 50,
                logosExpected: 50,
                logosDownloaded: 48,
                logosFailed: 2,
                diagnostics: 1
            ),
            failures: [
                RunFailure(stage: "logos", coinID: 7, url: "https://s2.coinmarketcap.com/x.png", reason: "HTTP 404")
            ],
            files: [
                FileRecord(path: "info.json", size: 10, sha256: String(repeating: "b", count: 64)),
                FileRecord(path: "Images/1.png", size: 3, sha256: String(repeating: "a", count: 64)),
                FileRecord(path: "data.json", size: 20, sha256: String(repeating: "c", count: 64)),
            ]
        )
    }

    @Test func roundTripKeepsEveryField() throws {
        let manifest = Self.sample()
        let data = try manifest.encoded()
        let decoded = try RunManifest.decode(data)
        #expect(decoded.runID == manifest.runID)
        #expect(decoded.status == .partial)
        #expect(decoded.parameters == manifest.parameters)
        #expect(decoded.counts == manifest.counts)
        #expect(decoded.failures == manifest.failures)
        #expect(decoded.requests.first?.rawFile == "raw/listings-1.json.gz")
        #expect(abs(decoded.startedAt.timeIntervalSince(manifest.startedAt)) < 0.001)
        #expect(decoded.files.map(\.path) == ["Images/1.png", "data.json", "info.json"])
        #expect(try decoded.encoded() == data)
    }

    @Test func jsonHasSortedSnakeCaseKeysAndMillisecondDates() throws {
        let text = String(decoding: try Self.sample().encoded(), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let expected = [
            "base_url", "coinpipe_version", "counts", "credits_used", "ended_at", "failures", "files", "parameters",
            "requests", "run_id", "started_at", "status",
        ]
        #expect(object.keys.sorted() == expected)
        // Top-level keys appear in sorted order (two-space indentation marks the top level).
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            String($0.dropFirst(3).prefix { $0 != "\"" })
        }
        #expect(topLevel == expected)
        #expect(text.contains(#""started_at" : "2023-11-14T22:13:20.125Z""#))
        #expect(text.contains(#""ended_at" : "2023-11-14T22:14:02.500Z""#))
        #expect(text.contains(#""base_url" : "https://pro-api.coinmarketcap.com""#))
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(
            parameters.keys.sorted() == [
                "batch_size", "concurrency", "convert", "info", "limit", "logo_size", "max_logo_bytes",
            ]
        )
        let counts = try #require(object["counts"] as? [String: Any])
        #expect(
            counts.keys.sorted() == [
                "coins", "diagnostics", "info", "logos_cached", "logos_downloaded", "logos_expected", "logos_failed",
                "logos_kept",
            ]
        )
        let request = try #require((object["requests"] as? [[String: Any]])?.first)
        #expect(
            request.keys.sorted() == [
                "attempts", "credit_count", "elapsed_ms", "endpoint", "http_status", "query", "raw_file", "started_at",
            ]
        )
        let failure = try #require((object["failures"] as? [[String: Any]])?.first)
        #expect(failure.keys.sorted() == ["coin_id", "reason", "stage", "url"])
        #expect(text.hasSuffix("}\n"))
    }

    @Test func writeAndLoadThroughARunFolder() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            let missing = #expect(throws: ManifestError.self) { try RunManifest.load(from: folder) }
            #expect(missing?.code == .missing)
            let manifest = Self.sample(runID: folder.runID)
            let record = try manifest.write(to: folder)
            #expect(record.path == "manifest.json")
            let loaded = try RunManifest.load(from: folder)
            #expect(try loaded.encoded() == manifest.encoded())
            #expect(try folder.listFiles() == ["manifest.json"])
        }
    }

    @Test func loadRefusesAnotherRunsOrBrokenManifest() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            try Self.sample().write(to: folder)
            let foreign = #expect(throws: ManifestError.self) { try RunManifest.load(from: folder) }
            #expect(foreign?.code == .invalid)
            try folder.write(Data("{not json".utf8), to: "manifest.json")
            let broken = #expect(throws: ManifestError.self) { try RunManifest.load(from: folder) }
            #expect(broken?.code == .invalid)
        }
    }
}

/// `resumed_from` of earlier manifests held a status, as `resumed_from_status` now says.
@Suite struct ResumedFromStatusTests {
    @Test func theEarlierNameIsReadAndTheNewOneWritten() throws {
        let earlier = Data(
            #"""
            {"limit": "5000", "convert": ["USD"], "info": "50", "logo_size": 64, "concurrency": 8,
             "max_logo_bytes": 2097152, "batch_size": 100, "resumed_from": "partial"}
            """#.utf8
        )
        let parameters = try JSONDecoder().decode(RunParameters.self, from: earlier)
        #expect(parameters.resumedFromStatus == "partial")
        let written = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
        #expect(written.contains(#""resumed_from_status":"partial""#))
        #expect(!written.contains(#""resumed_from":"#))
    }
}
