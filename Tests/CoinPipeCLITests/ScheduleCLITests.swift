import CMCEmulator
import CoinPipeTestSupport
import Foundation
import Testing

/// `collect --every` flags, checked by the built binary.
@Suite(.serialized) struct ScheduleCLITests {
    @Test(arguments: [
        (["collect", "--every", "30s"], "--every must be at least 1m"),
        (["collect", "--every", "5x"], "--every takes a duration"),
        (["collect", "--every", "5m", "--info-every", "10s"], "--info-every"),
        (["collect", "--every", "5m", "--stop-timeout", "soon"], "--stop-timeout"),
        (["collect", "--metrics-port", "9464"], "--metrics-port needs --every"),
        (["collect", "--every", "5m", "--metrics-port", "70000"], "--metrics-port must be between"),
        (["collect", "--every", "5m", "--json"], "--json"),
        (["collect", "--every", "5m", "--plan"], "--plan"),
        (["collect", "--every", "5m", "--tick-offset", "60"], "--tick-offset"),
        (["collect", "--every", "5m", "--metrics-idle-timeout", "0"], "--metrics-idle-timeout"),
        (["collect", "--every", "5m", "--metrics-header-timeout", "-1"], "--metrics-header-timeout"),
        (["collect", "--every", "5m", "--metrics-max-connections", "0"], "--metrics-max-connections"),
    ])
    func badScheduleFlagsAreUsageErrors(arguments: [String], mention: String) async throws {
        let result = try await runCoinPipe(arguments, environment: ["CMC_API_KEY": "k"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    /// Issue 9, defect 10: a stop whose run in flight outlasts `--stop-timeout` is still a graceful stop
    /// (the run is marked partial, the process exits 0), so nothing may be logged at `error` level; the
    /// metrics endpoint used to be cancelled with it and log `CancellationError` and `Already closed`.
    @Test func aStopDuringARunLogsNoErrorAndExitsZero() async throws {
        var configuration = emulator(coins: 500)
        configuration.logoLatency = .milliseconds(200)
        try await withEmulator(configuration, logger: silentLogger()) { running in
            let out = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            // The first tick falls two or three seconds from now instead of at the next :05.
            let second = Calendar(identifier: .gregorian).component(.second, from: Date())
            let process = makeCoinPipeProcess(
                [
                    "collect", "--every", "1m", "--tick-offset", "\((second + 3) % 60)", "--metrics-port",
                    "\(try unusedLoopbackPort())", "--stop-timeout", "1s", "--base-url", running.baseURL.absoluteString,
                    "--limit", "all", "--info", "all", "--out", out.path,
                ],
                environment: ["CMC_API_KEY": running.apiKey, "LOG_LEVEL": "info"]
            )
            let stderr = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = stderr
            try process.run()
            let log = ReadAll(stderr.fileHandleForReading)
            // SIGTERM once the run is fetching logos (500 at 200 ms each, 16 at a time: about 6 s).
            let deadline = ContinuousClock.now + .seconds(70)
            while await running.stats().logoRequests < 16, ContinuousClock.now < deadline, process.isRunning {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await running.stats().logoRequests >= 16, "the run never started")
            kill(process.processIdentifier, SIGTERM)
            await waitForExit(process)
            let text = String(decoding: log.wait(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("stopped during a run"), "\(text)")
            let errors = text.split(separator: "\n").filter { line in
                let fields = line.split(separator: " ", maxSplits: 2)
                return fields.count > 1 && (fields[1] == "error" || fields[1] == "critical")
            }
            #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        }
    }

    @Test func helpDocumentsTheSchedule() async throws {
        let result = try await runCoinPipe(["collect", "--help"])
        #expect(result.status == 0)
        for flag in [
            "--every", "--info-every", "--metrics-port", "--metrics-host", "--stop-timeout",
            "--metrics-header-timeout", "--metrics-idle-timeout", "--metrics-max-connections", "--tick-offset",
        ] {
            #expect(result.stdout.contains(flag), "\(flag)")
        }
    }
}
