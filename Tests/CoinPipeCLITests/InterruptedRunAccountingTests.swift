import CMCEmulator
import CoinPipeTestSupport
import Foundation
import Testing

/// What an interrupted run's manifest says it spent and holds: a run killed outright (SIGKILL) and resumed keeps
/// every request and credit of the attempt that was killed, and a run stopped by SIGTERM counts the logos its
/// file list holds.
@Suite(.serialized) struct InterruptedRunAccountingTests {
    @Test func aResumedRunKeepsTheRequestsAndCreditsOfTheKilledAttempt() async throws {
        var configuration = emulator(coins: 1200)
        configuration.logoLatency = .milliseconds(25)
        try await withEmulator(configuration, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let process = try startCoinPipe(
                collectArguments(running, out: out) + ["--info", "all", "--batch-size", "100"],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            // Every metadata batch answered (12 of 100 ids) and saved, logos under way: then kill it hard.
            let folder = try await waitForLogos(in: out, atLeast: 150)
            try await waitUntil { (await running.stats()).byPath["/v2/cryptocurrency/info"] == 12 }
            try await Task.sleep(for: .milliseconds(300))
            kill(process.processIdentifier, SIGKILL)
            await waitForExit(process)
            let killed = await running.stats()
            #expect(killed.creditsUsed > 0)
            let onDisk = try manifest(folder)
            #expect(onDisk["status"] as? String == "running")
            #expect(onDisk["credits_used"] as? Int == killed.creditsUsed, "the killed attempt's credits are on disk")
            // verify says the run is unfinished and how to finish it, and fails.
            let verify = try await runCoinPipe(["verify", folder.lastPathComponent, "--out", out.path])
            #expect(verify.status == 1)
            #expect(verify.stdout.contains("UNFINISHED (status running)"), "\(verify.stdout)")
            #expect(verify.stdout.contains("incomplete"), "\(verify.stdout)")
            // The files written since the last checkpoint are counted, not listed one per line.
            #expect(verify.stdout.contains("files written since the manifest was last saved"))
            #expect(verify.stdout.split(separator: "\n").count < 10, "\(verify.stdout.prefix(2000))")
            #expect(verify.stdout.contains("coinpipe collect --resume \(folder.lastPathComponent)"))

            let resumed = try await runCoinPipe(
                ["collect", "--resume", folder.lastPathComponent, "--base-url", running.baseURL.absoluteString]
                    + ["--out", out.path, "--json"],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let total = await running.stats()
            let final = try manifest(folder)
            #expect(final["status"] as? String == "complete")
            #expect(final["credits_used"] as? Int == total.creditsUsed)
            let requests = try #require(final["requests"] as? [[String: Any]])
            for path in ["/v1/cryptocurrency/listings/latest", "/v2/cryptocurrency/info"] {
                let recorded = requests.filter { $0["endpoint"] as? String == path }.count
                #expect(recorded == total.byPath[path] ?? 0, "\(path): every call of both attempts is recorded")
            }
            #expect(requests.compactMap { $0["credit_count"] as? Int }.reduce(0, +) == total.creditsUsed)
        }
    }

    @Test func aRunStoppedBySIGTERMCountsTheLogosItsManifestLists() async throws {
        var configuration = emulator(coins: 1200)
        configuration.logoLatency = .milliseconds(25)
        try await withEmulator(configuration, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let process = try startCoinPipe(
                collectArguments(running, out: out) + ["--info", "all"],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            let folder = try await waitForLogos(in: out, atLeast: 150)
            kill(process.processIdentifier, SIGTERM)
            await waitForExit(process)
            #expect(process.terminationStatus == 130, "an interrupted run exits 130, never 0")
            let stopped = try manifest(folder)
            #expect(stopped["status"] as? String == "partial")
            let files = try #require(stopped["files"] as? [[String: Any]])
            let logosListed = files.filter { ($0["path"] as? String)?.hasPrefix("Images/") == true }.count
            #expect(logosListed >= 150)
            let counts = try #require(stopped["counts"] as? [String: Any])
            let held = ["logos_downloaded", "logos_cached", "logos_kept"].compactMap { counts[$0] as? Int }.reduce(0, +)
            #expect(held == logosListed, "\(counts)")
            #expect((counts["logos_expected"] as? Int ?? 0) >= logosListed)
            #expect(stopped["credits_used"] as? Int == (await running.stats()).creditsUsed)
        }
    }

    private func collectArguments(_ running: RunningEmulator, out: URL) -> [String] {
        ["collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--out", out.path]
    }

    /// Waits until the run folder under `out` holds at least `count` logos, and returns it.
    private func waitForLogos(in out: URL, atLeast count: Int) async throws -> URL {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(40))
            guard
                let name = try? FileManager.default.contentsOfDirectory(atPath: out.path).first(where: {
                    UUID(uuidString: $0) != nil
                })
            else { continue }
            let folder = out.appendingPathComponent(name)
            let images = folder.appendingPathComponent("Images").path
            if ((try? FileManager.default.contentsOfDirectory(atPath: images).count) ?? 0) >= count { return folder }
        }
        throw WaitTimedOut()
    }

    private func waitUntil(_ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw WaitTimedOut()
    }

    private struct WaitTimedOut: Error {}

    private func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
