import CMCEmulator
import CoinPipeTestSupport
import Foundation
import Logging
import Testing

/// The built `coinpipe` binary, run as a user would run it.
@Suite(.serialized) struct CLITests {
    @Test func helpListsTheCommands() async throws {
        let result = try await runCoinPipe(["--help"])
        #expect(result.status == 0)
        for command in ["collect", "demo", "verify", "key", "emulator"] { #expect(result.stdout.contains(command)) }
    }

    @Test func noKeyIsAUsageErrorThatSaysHowToProvideOne() async throws {
        let result = try await runCoinPipe(["collect", "--out", try temporaryDirectory().path], environment: [:])
        #expect(result.status == 2)
        #expect(result.stderr.contains("CMC_API_KEY"))
        #expect(result.stderr.contains("--api-key-file"))
        #expect(result.stderr.contains("coinpipe demo"))
        // A problem found while running names its fix; the root command's usage would be noise.
        #expect(!result.stderr.contains("Usage:"))
    }

    @Test(arguments: [
        (["collect", "--base-url", "http://pro-api.example.com"], "plain http://"),
        (["collect", "--logo-size", "65"], "--logo-size"),
        (["collect", "--limit", "zero"], "--limit"),
        (["collect", "--resume", "not-a-uuid"], "--resume"),
        (["verify"], "--all"),
        // A negative number is the option's value, not a missing one: the message says what is wrong with it.
        (["collect", "--limit", "-1"], "not '-1'"),
        (["collect", "--info", "-5"], "not '-5'"),
        (["collect", "--timeout", "-1"], "at least 1 second"),
        // Metadata is billed per 100 ids: an uneven or smaller batch is refused, not silently changed.
        (["collect", "--batch-size", "150"], "multiple of 100, not 150"),
        (["collect", "--batch-size", "50"], "multiple of 100, not 50"),
    ])
    func badInputIsAUsageError(arguments: [String], mention: String) async throws {
        let result = try await runCoinPipe(arguments, environment: ["CMC_API_KEY": "k"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    @Test func collectAgainstTheEmulatorPrintsJSONAndExitsZero() async throws {
        try await withEmulator(emulator(coins: 400), logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let result = try await runCoinPipe(
                [
                    "collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--info", "all", "--out",
                    out.path, "--json",
                ],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(result.status == 0, "\(result.stderr)")
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            )
            #expect(summary["status"] as? String == "complete")
            #expect((summary["counts"] as? [String: Any])?["coins"] as? Int == 400)
            #expect(summary["credits_used"] as? Int == 2 + 4)
            let runID = try #require(summary["run_id"] as? String)
            let verify = try await runCoinPipe(["verify", runID, "--out", out.path])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }

    @Test func hostileLogosMakeAPartialRunThatExitsThree() async throws {
        var configuration = emulator(coins: 60)
        configuration.hostileLogos = HostileLogoKind.allCases
        try await withEmulator(configuration, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let result = try await runCoinPipe(
                ["collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--out", out.path],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stdout.contains("partial"))
        }
    }

    @Test func anInvalidKeyFailsWithExitOne() async throws {
        try await withEmulator(emulator(coins: 20), logger: silentLogger()) { running in
            let result = try await runCoinPipe(
                ["collect", "--base-url", running.baseURL.absoluteString, "--out", try temporaryDirectory().path],
                environment: ["CMC_API_KEY": "wrong"]
            )
            #expect(result.status == 1)
            #expect(result.stderr.contains("This API Key is invalid."))
            #expect(!result.stderr.contains("wrong"))
        }
    }

    @Test func aKilledRunIsCompletedByResumeWithoutFetchingAgain() async throws {
        var configuration = emulator(coins: 1500)
        configuration.logoLatency = .milliseconds(25)
        try await withEmulator(configuration, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let process = try startCoinPipe(
                [
                    "collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--info", "all", "--out",
                    out.path,
                ],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            // Wait until part of the logos are on disk, then kill the process hard.
            var runFolder: URL?
            for _ in 0..<400 {
                try await Task.sleep(for: .milliseconds(50))
                if let name = try? FileManager.default.contentsOfDirectory(atPath: out.path).first(where: {
                    UUID(uuidString: $0) != nil
                }) {
                    let images = out.appendingPathComponent(name).appendingPathComponent("Images")
                    if ((try? FileManager.default.contentsOfDirectory(atPath: images.path).count) ?? 0) > 200 {
                        runFolder = out.appendingPathComponent(name)
                        break
                    }
                }
            }
            kill(process.processIdentifier, SIGKILL)
            await waitForExit(process)
            let folder = try #require(runFolder)
            let before = await running.stats()
            let listingCalls = before.byPath["/v1/cryptocurrency/listings/latest"] ?? 0
            let infoCalls = before.byPath["/v2/cryptocurrency/info"] ?? 0
            let logosBefore = before.logoRequests

            let resumed = try await runCoinPipe(
                [
                    "collect", "--resume", folder.lastPathComponent, "--base-url", running.baseURL.absoluteString,
                    "--out", out.path, "--json",
                ],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let after = await running.stats()
            #expect(after.byPath["/v1/cryptocurrency/listings/latest"] ?? 0 == listingCalls)
            #expect(after.byPath["/v2/cryptocurrency/info"] ?? 0 == infoCalls)
            #expect(after.logoRequests - logosBefore < 1500 - 200)
            let images = try FileManager.default.contentsOfDirectory(
                atPath: folder.appendingPathComponent("Images").path
            )
            #expect(images.filter { $0.hasSuffix(".png") }.count == 1500)
            let verify = try await runCoinPipe(["verify", folder.lastPathComponent, "--out", out.path])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }

    @Test func verifyReportsATornFile() async throws {
        try await withEmulator(emulator(coins: 30), logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            let result = try await runCoinPipe(
                ["collect", "--base-url", running.baseURL.absoluteString, "--out", out.path, "--json"],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(result.status == 0)
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            )
            let runID = try #require(summary["run_id"] as? String)
            let data = out.appendingPathComponent(runID).appendingPathComponent("data.json")
            try Data("[]".utf8).write(to: data)
            let verify = try await runCoinPipe(["verify", "--all", "--out", out.path])
            #expect(verify.status == 1)
            #expect(verify.stdout.contains("data.json"))
        }
    }

    @Test func keyShowsThePlanAndUsage() async throws {
        try await withEmulator(emulator(coins: 20), logger: silentLogger()) { running in
            let result = try await runCoinPipe(
                ["key", "--base-url", running.baseURL.absoluteString],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Calls per minute"))
            #expect(result.stdout.contains("Monthly credits"))
            let noKey = try await runCoinPipe(["key", "--base-url", running.baseURL.absoluteString], environment: [:])
            #expect(noKey.status == 2)
            #expect(noKey.stderr.contains("CMC_API_KEY"))
        }
    }

    @Test func theEmulatorAnnouncesItsPortFirst() async throws {
        let process = Process()
        process.executableURL = coinPipeExecutable()
        process.arguments = ["emulator", "--port", "0", "--coins", "50"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = readLine(from: stdout.fileHandleForReading)
        #expect(line.hasPrefix("listening on http://127.0.0.1:"))
        let port = Int(line.split(separator: ":").last ?? "") ?? 0
        #expect(port > 0)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

// MARK: - Running the binary

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func coinPipeExecutable() -> URL {
    let here = URL(
        fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    )
    return here.deletingLastPathComponent().appendingPathComponent("coinpipe")
}

func startCoinPipe(_ arguments: [String], environment: [String: String]) throws -> Process {
    let process = makeCoinPipeProcess(arguments, environment: environment)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// Runs the binary to completion on a thread outside Swift's cooperative pool, so that waiting for it
/// never starves the in-process emulator it talks to.
///
/// With a `timeout`, a process still running after that many seconds is sent SIGTERM (so a command that should
/// have failed at once, such as `serve` on a bad store, fails the test instead of hanging it).
func runCoinPipe(
    _ arguments: [String],
    environment: [String: String] = [:],
    as user: TestUser = .current,
    timeout: TimeInterval? = nil
) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(
                with: Result {
                    try runCoinPipeBlocking(arguments, environment: environment, as: user, timeout: timeout)
                }
            )
        }
    }
}

func runCoinPipeBlocking(
    _ arguments: [String],
    environment: [String: String],
    as user: TestUser = .current,
    timeout: TimeInterval? = nil
) throws -> CommandResult {
    let process = makeCoinPipeProcess(arguments, environment: environment, as: user)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let pid = process.processIdentifier
    let stop = DispatchWorkItem { kill(pid, SIGTERM) }
    if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: stop) }
    let errorData = ReadAll(err.fileHandleForReading)
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    stop.cancel()
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outputData, as: UTF8.self),
        stderr: String(decoding: errorData.wait(), as: UTF8.self)
    )
}

/// Who runs the binary.
enum TestUser: Sendable, CustomStringConvertible {
    /// The user running the tests.
    case current
    /// `nobody` (uid and gid 65534, no supplementary groups), through setpriv(1): a user for whom `chmod`
    /// counts when the tests run as root. Only for ``available``.
    case nobody

    /// The users a test can run the binary as: the current one, and `nobody` when the tests run as root and
    /// setpriv(1) is installed.
    static var available: [TestUser] {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv) ? [.current, .nobody] : [.current]
    }

    static let setpriv = "/usr/bin/setpriv"

    var description: String {
        switch self {
        case .current: "uid \(getuid())"
        case .nobody: "nobody"
        }
    }
}

/// The binary with `arguments`, a minimal environment (PATH, LOG_LEVEL=warning) plus `environment`, run as
/// `user`.
func makeCoinPipeProcess(_ arguments: [String], environment: [String: String], as user: TestUser = .current) -> Process
{
    let process = Process()
    switch user {
    case .current:
        process.executableURL = coinPipeExecutable()
        process.arguments = arguments
    case .nobody:
        process.executableURL = URL(fileURLWithPath: TestUser.setpriv)
        process.arguments =
            ["--reuid=65534", "--regid=65534", "--clear-groups", coinPipeExecutable().path] + arguments
    }
    var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LOG_LEVEL": "warning"]
    env.merge(environment) { $1 }
    process.environment = env
    return process
}

/// Drains a pipe on a background thread, so a chatty stderr cannot block the child.
final class ReadAll: @unchecked Sendable {
    // Written once by the reading thread before `done` is signalled; read only after waiting on it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

func readLine(from handle: FileHandle) -> String {
    var bytes = Data()
    while true {
        let byte = handle.readData(ofLength: 1)
        if byte.isEmpty || byte == Data([0x0A]) { break }
        bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coinpipe-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func emulator(coins: Int) -> EmulatorConfiguration {
    var configuration = EmulatorConfiguration()
    configuration.coins = coins
    configuration.plan = .unlimited
    return configuration
}

/// Waits for a process without blocking a cooperative thread.
func waitForExit(_ process: Process) async {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            process.waitUntilExit()
            continuation.resume()
        }
    }
}
