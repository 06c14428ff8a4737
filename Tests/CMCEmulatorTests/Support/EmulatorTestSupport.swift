import AsyncHTTPClient
import CMCEmulator
import CompressNIO
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// One HTTP exchange as the tests see it.
struct Exchange {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body parsed as a JSON object (gunzipped first when the answer says gzip).
    func json() throws -> [String: Any] {
        var bytes = body
        if header("Content-Encoding") == "gzip" {
            var buffer = ByteBuffer(bytes: body)
            let plain = try buffer.decompress(with: .gzip())
            bytes = Array(plain.readableBytesView)
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw TestFailure("body is not a JSON object: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        }
        return object
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A silent logger, so test output stays readable.
let quietLogger: Logger = {
    var logger = Logger(label: "test.emulator") { _ in SwiftLogNoOpLogHandler() }
    logger.logLevel = .critical
    return logger
}()

/// A small configuration for fast tests: 300 coins, a generous plan.
func smallConfiguration(_ adjust: (inout EmulatorConfiguration) -> Void = { _ in }) -> EmulatorConfiguration {
    var configuration = EmulatorConfiguration()
    configuration.coins = 300
    configuration.plan = .standard
    adjust(&configuration)
    return configuration
}

/// Runs `body` against a fresh emulator and an HTTP client that neither follows redirects nor decompresses.
func withEmulatorAndClient<T: Sendable>(
    _ configuration: EmulatorConfiguration = smallConfiguration(),
    _ body: (RunningEmulator, TestHTTP) async throws -> T
) async throws -> T {
    try await withEmulator(configuration, logger: quietLogger) { emulator in
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.redirectConfiguration = .disallow
        clientConfiguration.decompression = .disabled
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let http = TestHTTP(client: client, emulator: emulator)
        do {
            let result = try await body(emulator, http)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// Thin helpers over AsyncHTTPClient.
struct TestHTTP: Sendable {
    let client: HTTPClient
    let emulator: RunningEmulator

    /// GETs a path (with query) on the emulator, with the API key header unless `key` is `nil`.
    func get(
        _ pathAndQuery: String,
        key: String? = "default",
        headers: [(String, String)] = [],
        timeout: TimeAmount = .seconds(20)
    ) async throws -> Exchange {
        var allHeaders = headers
        if let key { allHeaders.append(("X-CMC_PRO_API_KEY", key == "default" ? emulator.apiKey : key)) }
        return try await fetch(emulator.baseURL.absoluteString + pathAndQuery, headers: allHeaders, timeout: timeout)
    }

    /// GETs an absolute URL.
    func fetch(
        _ url: String,
        method: HTTPMethod = .GET,
        headers: [(String, String)] = [],
        timeout: TimeAmount = .seconds(20),
        maxBytes: Int = 64 << 20
    ) async throws -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: maxBytes)
        return Exchange(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(body.readableBytesView)
        )
    }

    /// JSON of a successful API call.
    func json(_ pathAndQuery: String, headers: [(String, String)] = []) async throws -> [String: Any] {
        let exchange = try await get(pathAndQuery, headers: headers)
        guard exchange.status == 200 else {
            throw TestFailure("GET \(pathAndQuery) answered \(exchange.status): \(exchange.text.prefix(300))")
        }
        return try exchange.json()
    }
}

/// A wall clock the test moves by hand.
final class ManualClock: Sendable {
    // NSLock guards `current`; the class is shared with the emulator's `now` closure across threads.
    private let lock = NSLock()
    private nonisolated(unsafe) var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func set(_ date: Date) { lock.withLock { current = date } }

    func advance(seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    var closure: @Sendable () -> Date { { self.now } }
}

extension Dictionary where Key == String, Value == Any {
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func array(_ key: String) -> [Any]? { self[key] as? [Any] }
    func objects(_ key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func string(_ key: String) -> String? { self[key] as? String }
    func isNull(_ key: String) -> Bool { self[key] is NSNull }
    var status: [String: Any] { object("status") ?? [:] }
}
