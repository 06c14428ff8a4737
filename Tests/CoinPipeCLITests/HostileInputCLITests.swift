import CMCEmulator
import CoinPipeTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The binary against hostile input: a key that is not a key, a base URL where nothing listens.
@Suite(.serialized) struct HostileInputCLITests {
    /// Keys that must be refused when read, with what the refusal must say.
    static let badKeys: [(key: String, problem: String)] = [
        ("sekret-abc123\u{1B}", "contains a control character (U+001B) at position 14"),
        ("sekret abc123", "contains a space at position 7"),
        ("sekr\u{E9}t-abc123", "contains a non-ASCII character (U+00E9) at position 5"),
        (String(repeating: "k", count: 10_240), "is 10240 characters long; at most 128"),
    ]

    enum Source: String, CaseIterable {
        case cmcAPIKey = "CMC_API_KEY"
        case apiKey = "API_KEY"
        case file = "--api-key-file"
    }

    @Test(arguments: badKeys.indices, Source.allCases)
    func aBadKeyIsAConfigurationErrorThatNeverShowsTheKey(index: Int, source: Source) async throws {
        let (key, problem) = Self.badKeys[index]
        let escaped = String(String(reflecting: key).dropFirst().dropLast())
        try await withEmulator(emulator(coins: 20), logger: silentLogger()) { running in
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let out = directory.appendingPathComponent("out")
            var environment = ["LOG_LEVEL": "trace"]
            var keyArguments: [String] = []
            let holder: String
            switch source {
            case .cmcAPIKey, .apiKey:
                environment[source.rawValue] = key
                holder = source.rawValue
            case .file:
                let file = directory.appendingPathComponent("key.txt")
                try Data((key + "\n").utf8).write(to: file)
                keyArguments = ["--api-key-file", file.path]
                holder = file.path
            }
            let base = ["--base-url", running.baseURL.absoluteString] + keyArguments
            for arguments in [["collect", "--out", out.path] + base, ["key"] + base, ["collect", "--plan"] + base] {
                let result = try await runCoinPipe(arguments, environment: environment)
                let what = "\(arguments.first ?? "") with the key in \(holder)"
                #expect(result.status == 2, "\(what): \(result.stderr)")
                #expect(result.stderr.contains(holder), "\(what): \(result.stderr)")
                #expect(result.stderr.contains(problem), "\(what): \(result.stderr)")
                var texts = [result.stdout, result.stderr]
                if let files = FileManager.default.enumerator(atPath: out.path) {
                    for case let path as String in files {
                        let url = out.appendingPathComponent(path)
                        if let data = try? Data(contentsOf: url) { texts.append(String(decoding: data, as: UTF8.self)) }
                    }
                }
                for text in texts {
                    #expect(!text.contains(key), "\(what) leaks the key")
                    #expect(!text.contains(escaped), "\(what) leaks the key, escaped")
                }
            }
            #expect(await running.stats().requests == 0)
        }
    }

    /// A valid key reaches the API through every source, so the refusals above are about the key alone.
    @Test(arguments: Source.allCases)
    func aValidKeyFromEverySourceWorks(source: Source) async throws {
        try await withEmulator(emulator(coins: 20), logger: silentLogger()) { running in
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            var environment: [String: String] = [:]
            var arguments = ["key", "--base-url", running.baseURL.absoluteString]
            switch source {
            case .cmcAPIKey, .apiKey: environment[source.rawValue] = running.apiKey
            case .file:
                let file = directory.appendingPathComponent("key.txt")
                try Data((running.apiKey + "\r\n").utf8).write(to: file)
                arguments += ["--api-key-file", file.path]
            }
            let result = try await runCoinPipe(arguments, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    /// A key file that is a pipe (`--api-key-file <(pass show cmc)`) is read like a file.
    @Test func aKeyFileThatIsAPipeWorks() async throws {
        try await withEmulator(emulator(coins: 20), logger: silentLogger()) { running in
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let fifo = directory.appendingPathComponent("key.fifo").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let key = running.apiKey
            // The writer blocks until coinpipe opens the pipe, so it runs beside it.
            let writer = Thread {
                if let handle = FileHandle(forWritingAtPath: fifo) {
                    handle.write(Data((key + "\n").utf8))
                    try? handle.close()
                }
            }
            writer.start()
            let result = try await runCoinPipe([
                "key", "--base-url", running.baseURL.absoluteString, "--api-key-file", fifo,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Calls per minute"))
        }
    }

    /// Connection refused: a few quick retries, then exit 1 with a message that names the host and port.
    @Test func collectAgainstAPortWithNothingListeningFailsFastNamingIt() async throws {
        let port = try unusedLoopbackPort()
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let started = ContinuousClock.now
        let result = try await runCoinPipe(
            ["collect", "--base-url", "http://127.0.0.1:\(port)", "--out", out.path],
            environment: ["CMC_API_KEY": "k-123"]
        )
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 1, "\(result.stderr)")
        #expect(elapsed < .seconds(15), "took \(elapsed)")
        let message = "cannot connect to 127.0.0.1:\(port): connection refused"
        #expect(
            result.stdout.contains(message) || result.stderr.contains(message),
            "\(result.stdout)\n\(result.stderr)"
        )
        #expect(result.stderr.contains("Is the base URL right"), "\(result.stderr)")
    }
}

/// A loopback port that nothing listens on: bound to port 0, read back, and closed again.
func unusedLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard named == 0 else { throw POSIXError(.EIO) }
    return Int(UInt16(bigEndian: address.sin_port))
}
