import CMCClient
import CMCEmulator
import Foundation
import Logging

/// A transport backed by a closure, for tests of request building and answer classification.
struct ClosureTransport: HTTPTransport {
    let handler: @Sendable (HTTPRequest) async throws(TransportError) -> HTTPResponse
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        try await handler(request)
    }
}

/// A fast retry policy for tests.
let fastRetry = RetryPolicy(
    maxAttempts: 4,
    initialBackoff: .milliseconds(10),
    maxBackoff: .milliseconds(50),
    maxTotalWait: .seconds(10)
)

func testLogger(_ label: String = "test", level: Logger.Level = .critical) -> Logger {
    var logger = Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
    logger.logLevel = level
    return logger
}

/// Runs `body` with a client pointed at a running emulator.
func withEmulatorClient<T: Sendable>(
    _ emulatorConfiguration: EmulatorConfiguration = EmulatorConfiguration(),
    configure: (inout CMCClient.Configuration) -> Void = { _ in },
    logger: Logger = testLogger(),
    _ body: (CMCClient, RunningEmulator) async throws -> T
) async throws -> T {
    try await withEmulator(emulatorConfiguration, logger: testLogger("emulator")) { emulator in
        var configuration = CMCClient.Configuration(
            baseURL: emulator.baseURL,
            apiKey: APIKey(emulator.apiKey),
            requestTimeout: .seconds(5),
            retry: fastRetry
        )
        configure(&configuration)
        return try await CMCClient.withClient(configuration: configuration, logger: logger, environment: [:]) {
            client in
            try await body(client, emulator)
        }
    }
}

func smallUniverse(_ coins: Int = 300) -> EmulatorConfiguration {
    var configuration = EmulatorConfiguration()
    configuration.coins = coins
    configuration.plan = .unlimited
    return configuration
}

func jsonResponse(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
    HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
}

func errorBody(_ code: Int, _ message: String) -> String {
    #"{"status":{"timestamp":"2024-05-01T12:00:00.000Z","error_code":\#(code),"error_message":"\#(message)","elapsed":0,"credit_count":0}}"#
}
