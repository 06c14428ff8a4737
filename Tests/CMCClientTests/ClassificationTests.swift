import CMCClient
import CMCModels
import Foundation
import Synchronization
import Testing

/// The error taxonomy for codes the emulator does not produce, through a closure transport.
@Suite struct ClassificationTests {
    private func client(answering responses: [HTTPResponse]) throws -> (CMCClient, CallCounter) {
        let calls = CallCounter()
        let transport = ClosureTransport { _ in
            let index = calls.next()
            return responses[min(index, responses.count - 1)]
        }
        let configuration = CMCClient.Configuration(
            baseURL: try #require(URL(string: "https://pro-api.coinmarketcap.com")),
            apiKey: APIKey("k-123"),
            retry: fastRetry,
            rateWindow: .milliseconds(200)
        )
        return (try CMCClient(configuration: configuration, transport: transport, logger: testLogger()), calls)
    }

    @Test(arguments: [
        (401, 1002, "API key missing."),
        (402, 1003, "Your API Key must be activated. Please go to pro.coinmarketcap.com/account/plan."),
        (402, 1004, "Your API Key's subscription plan has expired."),
        (403, 1005, "An API Key is required for this call."),
        (403, 1007, "This API Key has been disabled. Please contact support."),
    ])
    func keyAndPlanErrorsFailAtOnce(http: Int, code: Int, message: String) async throws {
        let (client, calls) = try client(answering: [jsonResponse(http, errorBody(code, message))])
        let error = try await #require(throws: CMCError.self) { try await client.keyInfo() }
        #expect(error.cmcErrorCode == code)
        #expect(error.httpStatus == http)
        #expect(error.message == message)
        #expect(error.hint != nil)
        #expect(calls.count == 1)
    }

    @Test func aGatewayBodyIsAClearErrorAndRetriedOn5xx() async throws {
        let gateway = jsonResponse(502, #"{"statusCode":502,"error":"Bad Gateway","message":"upstream timed out"}"#)
        let (client, calls) = try client(answering: [gateway])
        let error = try await #require(throws: CMCError.self) { try await client.keyInfo() }
        #expect(error.code == .gateway)
        #expect(error.description.contains("Bad Gateway"))
        #expect(calls.count == fastRetry.maxAttempts)
    }

    @Test func aGateway4xxIsNotRetried() async throws {
        let gateway = jsonResponse(
            403,
            #"{"statusCode":403,"error":"Forbidden","message":"Missing Authentication Token"}"#
        )
        let (client, calls) = try client(answering: [gateway])
        let error = try await #require(throws: CMCError.self) { try await client.keyInfo() }
        #expect(error.code == .gateway)
        #expect(calls.count == 1)
    }

    @Test func anHTMLErrorPageNamesItsTitle() async throws {
        let html = jsonResponse(
            503,
            "<html><head><title>503 Service Unavailable</title></head><body>down</body></html>"
        )
        let (client, calls) = try client(answering: [html])
        let error = try await #require(throws: CMCError.self) { try await client.keyInfo() }
        #expect(error.description.contains("HTML error page (503 Service Unavailable)"))
        #expect(calls.count == fastRetry.maxAttempts)
    }

    @Test func aTruncatedSuccessIsRetriedThenSucceeds() async throws {
        let full = #"{"status":{"error_code":0,"credit_count":0},"data":{"plan":{"rate_limit_minute":30},"usage":{}}}"#
        let (client, calls) = try client(answering: [
            jsonResponse(200, String(full.prefix(40))), jsonResponse(200, full),
        ])
        let info = try await client.keyInfo()
        #expect(info.value.plan.rateLimitMinute == 30)
        #expect(info.exchange.attempts == 2)
        #expect(calls.count == 2)
    }

    @Test func errorCodeIsCheckedEvenOnHTTP200() async throws {
        let body =
            #"{"status":{"error_code":1006,"error_message":"Your API Key subscription plan doesn't support this endpoint.","credit_count":0}}"#
        let (client, _) = try client(answering: [jsonResponse(200, body)])
        let error = try await #require(throws: CMCError.self) { try await client.keyInfo() }
        #expect(error.cmcErrorCode == 1006)
        #expect(error.httpStatus == 200)
    }

    @Test func stringErrorCodeZeroIsSuccess() async throws {
        let body = #"{"status":{"error_code":"0","error_message":"","credit_count":0},"data":{"plan":{},"usage":{}}}"#
        let (client, _) = try client(answering: [jsonResponse(200, body)])
        #expect(try await client.keyInfo().status.errorCode == 0)
    }

    @Test func oneMalformedItemIsADiagnosticAndTheRestAreKept() async throws {
        let body = """
            {"status":{"error_code":0,"credit_count":1,"total_count":3},"data":[
              {"id":1,"name":"Bitcoin","symbol":"BTC","quote":{"USD":{"price":1.5}}},
              {"id":2,"name":"Broken","symbol":"BRK","quote":"not an object"},
              {"id":3,"name":"Third","symbol":"THR","unknown_field":{"x":[1,2]},"quote":{"USD":{"price":3}}}
            ]}
            """
        let (client, _) = try client(answering: [jsonResponse(200, body)])
        let page = try await client.listingsLatest(ListingsQuery(limit: 3))
        #expect(page.value.items.map(\.id) == [1, 3])
        #expect(page.value.diagnostics.count == 1)
        #expect(page.value.diagnostics.first?.id == 2)
        #expect(page.value.diagnostics.first?.location == "data[1]")
    }

    @Test func theKeyTravelsOnlyInTheHeader() async throws {
        let seen = Mutex<[HTTPRequest]>([])
        let transport = ClosureTransport { request in
            seen.withLock { $0.append(request) }
            return jsonResponse(200, #"{"status":{"error_code":0,"credit_count":0},"data":{"plan":{},"usage":{}}}"#)
        }
        let configuration = CMCClient.Configuration(
            baseURL: try #require(URL(string: "https://pro-api.coinmarketcap.com")),
            apiKey: APIKey("secret-key-value")
        )
        let client = try CMCClient(configuration: configuration, transport: transport, logger: testLogger())
        _ = try await client.keyInfo()
        let request = try #require(seen.withLock { $0.first })
        #expect(request.header("X-CMC_PRO_API_KEY") == "secret-key-value")
        #expect(!request.url.absoluteString.contains("secret-key-value"))
        #expect(request.header("Accept-Encoding")?.contains("gzip") == true)
        #expect(request.url.absoluteString == "https://pro-api.coinmarketcap.com/v1/key/info")
    }

    @Test(arguments: [
        ("https://pro-api.coinmarketcap.com", true),
        ("https://pro-api.coinmarketcap.com/", true),
        ("http://127.0.0.1:8080", true),
        ("http://localhost:9000", true),
        ("http://[::1]:9000", true),
        ("http://pro-api.coinmarketcap.com", false),
        ("http://10.0.0.5:8080", false),
        ("https://user:pass@pro-api.coinmarketcap.com", false),
        ("https://pro-api.coinmarketcap.com/?CMC_PRO_API_KEY=x", false),
        ("ftp://pro-api.coinmarketcap.com", false),
    ])
    func baseURLValidation(text: String, accepted: Bool) throws {
        let url = try #require(URL(string: text))
        if accepted {
            #expect(throws: Never.self) { try CMCClient.validatedBaseURL(url) }
        } else {
            #expect(throws: CMCError.self) { try CMCClient.validatedBaseURL(url) }
        }
    }

    @Test func proxySettingsFollowTheEnvironment() throws {
        let api = try #require(URL(string: "https://pro-api.coinmarketcap.com"))
        let environment = ["HTTPS_PROXY": "http://user:pw@proxy.corp:3128", "NO_PROXY": "localhost,.internal"]
        let proxy = try #require(ProxySettings.proxy(for: api, environment: environment))
        #expect(proxy.host == "proxy.corp")
        #expect(proxy.port == 3128)
        #expect(proxy.basicAuthorization == "user:pw")
        #expect(
            ProxySettings.proxy(for: try #require(URL(string: "https://api.internal")), environment: environment) == nil
        )
        #expect(
            ProxySettings.proxy(for: try #require(URL(string: "http://127.0.0.1:80")), environment: environment) == nil
        )
        #expect(ProxySettings.proxy(for: api, environment: ["NO_PROXY": "*", "HTTPS_PROXY": "proxy:1"]) == nil)
    }

    @Test func apiKeyResolutionOrderAndRedaction() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coinpipe-key-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("key")
        try Data("from-file\n".utf8).write(to: file)

        let fromFile = try #require(
            try APIKeySource.resolve(apiKeyFile: file.path, environment: ["CMC_API_KEY": "env"])
        )
        #expect(fromFile.key.secret == "from-file")
        let fromEnv = try #require(
            try APIKeySource.resolve(apiKeyFile: nil, environment: ["CMC_API_KEY": "a", "API_KEY": "b"])
        )
        #expect(fromEnv.key.secret == "a")
        let fromOriginal = try #require(try APIKeySource.resolve(apiKeyFile: nil, environment: ["API_KEY": "b"]))
        #expect(fromOriginal.source == .environment("API_KEY"))
        #expect(try APIKeySource.resolve(apiKeyFile: nil, environment: [:]) == nil)
        #expect(throws: CMCError.self) {
            try APIKeySource.resolve(apiKeyFile: directory.appendingPathComponent("nope").path, environment: [:])
        }

        let key = try #require(APIKey("super-secret"))
        #expect(!"\(key)".contains("super-secret"))
        #expect(!String(reflecting: key).contains("super-secret"))
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("super-secret"))
    }

    @Test func backoffGrowsAndIsCapped() {
        let policy = RetryPolicy(initialBackoff: .milliseconds(100), maxBackoff: .seconds(1))
        #expect(policy.backoff(afterAttempt: 1, random: 1) == .milliseconds(100))
        #expect(policy.backoff(afterAttempt: 1, random: 0) == .milliseconds(50))
        #expect(policy.backoff(afterAttempt: 3, random: 1) == .milliseconds(400))
        #expect(policy.backoff(afterAttempt: 10, random: 1) == .seconds(1))
    }

    @Test func batchesAreCreditMinimal() {
        let ids = Array(1...1234)
        #expect(CMCClient.batches(of: ids, size: 500).map(\.count) == [500, 500, 234])
        #expect(CMCClient.batches(of: ids, size: 250).map(\.count) == [200, 200, 200, 200, 200, 200, 34])
        #expect(CMCClient.batches(of: [1, 1, 2], size: 500) == [[1, 2]])
    }

    @Test func creditRulesFollowTheDocs() {
        let rules = CreditRules()
        #expect(rules.listings(rows: 5000, converts: 1) == 25)
        #expect(rules.listings(rows: 201, converts: 3) == 4)
        #expect(rules.info(coins: 101) == 2)
        #expect(rules.quotes(coins: 100, converts: 2) == 2)
        #expect(ListingsQuery(limit: 5000).endpoint().estimatedCredits == 25)
        #expect(
            ListingsQuery().endpoint().pathAndQuery
                == "/v1/cryptocurrency/listings/latest?start=1&limit=5000&convert=USD"
        )
    }
}

/// Counts calls made through a closure transport.
final class CallCounter: Sendable {
    private let value = Mutex(0)

    /// Counts one call and returns its 0-based index.
    func next() -> Int {
        value.withLock { count in
            count += 1
            return count - 1
        }
    }

    var count: Int { value.withLock { $0 } }
}
