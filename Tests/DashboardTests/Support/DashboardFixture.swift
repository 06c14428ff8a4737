import AsyncHTTPClient
import CMCClient
import CMCEmulator
import CoinPipeTestSupport
import Collector
import Dashboard
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ServerLimits
import Store
import Testing

let testLogger: Logger = {
    var logger = Logger(label: "DashboardTests")
    logger.logLevel = .warning
    return logger
}()

/// A store filled from the emulator: three runs of a 300-coin universe (hostile text on) in USD and EUR,
/// collected with the emulator's clock set two hours, one hour and zero hours back, so every coin has three
/// distinct quotes per currency.
///
/// Built once per test process into its own directory; each test copies it into a fresh temporary directory
/// (so tests never share files) and starts its own dashboard on its own port.
struct DashboardFixture: Sendable {
    static let coinCount = 300
    static let offsets: [TimeInterval] = [-7200, -3600, 0]

    /// The fixture's directory: `raw_data/` (run folders and `coinpipe.sqlite`).
    let root: URL
    /// The run folders, oldest first.
    let runFolders: [String]
    /// The emulator's coins, in rank order.
    let coins: [EmulatorCoin]

    private static let shared = Task<DashboardFixture, any Error> { try await build() }

    /// The shared fixture, built on first use.
    static func get() async throws -> DashboardFixture { try await shared.value }

    /// Where the shared fixture lives: one directory per test process, removed when the process exits.
    private static let sharedRoot = FileManager.default.temporaryDirectory.appending(
        path: "DashboardFixture-\(ProcessInfo.processInfo.processIdentifier)"
    )

    private static func build() async throws -> DashboardFixture {
        let root = sharedRoot
        try? FileManager.default.removeItem(at: root)
        atexit { try? FileManager.default.removeItem(at: DashboardFixture.sharedRoot) }
        let out = root.appending(path: "raw_data")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let storeURL = StoreURL.sqlite(path: out.appending(path: "coinpipe.sqlite").path)
        var folders: [String] = []
        var coins: [EmulatorCoin] = []
        for offset in offsets {
            var emulator = EmulatorConfiguration()
            emulator.coins = coinCount
            emulator.includeHostileText = true
            emulator.plan = .standard
            emulator.now = { Date().addingTimeInterval(offset) }
            let summary = try await withEmulator(emulator, logger: testLogger) { running in
                coins = running.coins
                let apiKey = try #require(APIKey(running.apiKey))
                let client = CMCClient.Configuration(baseURL: running.baseURL, apiKey: apiKey)
                let collect = CollectConfiguration(
                    outputRoot: out,
                    limit: .all,
                    convert: ["USD", "EUR"],
                    info: .all,
                    concurrency: 16
                )
                return try await CollectRunner.run(
                    client: client,
                    collect: collect,
                    resume: nil,
                    logger: testLogger,
                    progress: SilentProgress()
                )
            }
            let folder = URL(fileURLWithPath: summary.path)
            _ = try await RunLoader.load(folder: folder, into: storeURL, logger: testLogger)
            folders.append(folder.lastPathComponent)
        }
        return DashboardFixture(root: root, runFolders: folders, coins: coins)
    }

    /// Copies the fixture into a fresh temporary directory and runs a dashboard over it on a free port.
    static func withServer<T: Sendable>(
        host: String? = nil,
        connectionLimits: ConnectionLimits = ConnectionLimits(),
        _ body: (DashboardFixture, Client) async throws -> T
    ) async throws -> T {
        try await withCopy { copy, out in
            var configuration = Self.configuration(out: out)
            configuration.connectionLimits = connectionLimits
            if let host { configuration.host = host }
            return try await withDashboard(configuration, logger: testLogger) { running in
                try await body(copy, Client(running: running))
            }
        }
    }

    /// Copies the fixture into a fresh temporary directory for `body`, which gets the copy and its `raw_data`.
    static func withCopy<T: Sendable>(_ body: (DashboardFixture, URL) async throws -> T) async throws -> T {
        let fixture = try await get()
        let directory = FileManager.default.temporaryDirectory.appending(path: "DashboardTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appending(path: "raw_data")
        try FileManager.default.copyItem(at: fixture.root.appending(path: "raw_data"), to: out)
        let copy = DashboardFixture(root: directory, runFolders: fixture.runFolders, coins: fixture.coins)
        return try await body(copy, out)
    }

    /// A dashboard over the store in `out`, on a free port.
    static func configuration(out: URL) -> DashboardConfiguration {
        var configuration = DashboardConfiguration(
            store: .sqlite(path: out.appending(path: "coinpipe.sqlite").path),
            outputRoot: out
        )
        configuration.port = 0
        return configuration
    }

    /// The run folder `index` (0 = oldest).
    func folder(_ index: Int) -> URL {
        root.appending(path: "raw_data").appending(path: runFolders[index])
    }

    /// `data.json` of run `index`, parsed independently of CoinPipe (numbers read exactly): coin id →
    /// (`last_updated` of the quote, the quote in `convert`).
    func listings(
        _ index: Int,
        convert: String = "USD"
    ) throws -> [Int: (lastUpdated: String, quote: [String: ExactJSON])] {
        let data = try Data(contentsOf: folder(index).appending(path: "data.json"))
        let items = try #require(try ExactJSON.parse(data).array)
        var result: [Int: (String, [String: ExactJSON])] = [:]
        for item in items {
            let id = try #require(item["id"]?.double.map { Int($0) })
            guard case .object(let quote) = item["quote"]?[convert] else { continue }
            result[id] = (quote["last_updated"]?.string ?? item["last_updated"]?.string ?? "", quote)
        }
        return result
    }
}

/// A tiny HTTP client for one running dashboard.
struct Client: Sendable {
    let running: RunningDashboard

    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var bytes: Data
        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// The body parsed with numbers read exactly (for comparing values with data.json).
        func exact() throws -> ExactJSON { try ExactJSON.parse(bytes) }

        /// The body as a JSON object.
        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        }
    }

    /// GETs a path (with its query) from the dashboard.
    func get(_ pathAndQuery: String) async throws -> Answer {
        try await send(.GET, pathAndQuery)
    }

    /// Sends a request without a body to the dashboard.
    func send(_ method: HTTPMethod, _ pathAndQuery: String) async throws -> Answer {
        var request = HTTPClientRequest(url: running.baseURL.absoluteString + pathAndQuery)
        request.method = method
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers {
            headers[header.name.lowercased()] = header.value
        }
        return Answer(status: Int(response.status.code), headers: headers, bytes: Data(buffer: body))
    }
}
