import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `coinpipe serve` as a user runs it: it announces a loopback URL, serves the store, and stops cleanly on
/// SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    @Test func servesTheDemoStoreOnLoopbackAndStopsOnSIGTERM() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("raw_data").path
        let demo = try await runCoinPipe(["demo", "--coins", "60", "--out", out])
        #expect(demo.status == 0, "\(demo.stderr)")

        let (process, line) = try startServe(out: out)
        #expect(line.hasPrefix("serve: dashboard on http://127.0.0.1:"))
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: url + "runs")))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("status complete"))
        kill(process.processIdentifier, SIGTERM)
        await waitForExit(process)
        #expect(process.terminationStatus == 0)
    }

    @Test func aMissingStoreIsAUsageError() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await runCoinPipe([
            "serve", "--port", "0", "--out", directory.appendingPathComponent("none").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no store"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("none/coinpipe.sqlite").path))
    }

    @Test func badFlagsAreUsageErrors() async throws {
        #expect(try await runCoinPipe(["serve", "--port", "70000"]).status == 2)
        #expect(try await runCoinPipe(["serve", "--convert", "U$D"]).status == 2)
    }

    @Test(arguments: ["serve", "emulator"])
    func connectionLimitFlagsAreDocumentedAndChecked(command: String) async throws {
        let help = try await runCoinPipe([command, "--help"])
        #expect(help.status == 0)
        for flag in ["--header-timeout", "--idle-timeout", "--max-connections"] {
            #expect(help.stdout.contains(flag), "\(flag)")
        }
        for (flag, value) in [("--header-timeout", "0"), ("--idle-timeout", "nan"), ("--max-connections", "0")] {
            let result = try await runCoinPipe([command, flag, value])
            #expect(result.status == 2, "\(flag) \(value): \(result.stderr)")
            #expect(result.stderr.contains(flag), "\(result.stderr)")
        }
    }
}

/// Starts `coinpipe serve --port 0 --out OUT` as `user` and reads its standard error up to the line that
/// announces the dashboard's URL (or the last line before it stopped).
///
/// - Returns: The running process (stop it with SIGTERM) and that line.
func startServe(out: String, as user: TestUser = .current) throws -> (process: Process, announcement: String) {
    let process = makeCoinPipeProcess(["serve", "--port", "0", "--out", out], environment: [:], as: user)
    let stderr = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = stderr
    try process.run()
    var line = ""
    for _ in 0..<20 {
        line = readLine(from: stderr.fileHandleForReading)
        if line.hasPrefix("serve: dashboard on ") || line.isEmpty { break }
    }
    return (process, line)
}
