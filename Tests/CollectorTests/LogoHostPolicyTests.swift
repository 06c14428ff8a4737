import Collector
import Foundation
import Testing

@Suite struct LogoHostPolicyTests {
    static let emulatorPolicy = LogoHostPolicy(apiBaseURL: URL(string: "http://127.0.0.1:8080")!)
    static let livePolicy = LogoHostPolicy(apiBaseURL: URL(string: "https://pro-api.coinmarketcap.com")!)

    /// URL → `nil` when allowed, else the failure code, under the emulator's base URL.
    static let emulatorTable: [(String, LogoFailure.Code?)] = [
        ("https://s2.coinmarketcap.com/static/img/coins/64x64/1.png", nil),
        ("https://s3.coinmarketcap.com/static/img/coins/200x200/1027.png", nil),
        ("https://S2.CoinMarketCap.com/static/img/coins/64x64/1.png", nil),
        ("https://s2.coinmarketcap.com:443/static/img/coins/64x64/1.png", nil),
        ("http://127.0.0.1:8080/static/img/coins/64x64/1.png", nil),
        ("http://s2.coinmarketcap.com/static/img/coins/64x64/1.png", .unsupportedScheme),
        ("file:///etc/passwd", .unsupportedScheme),
        ("ftp://s2.coinmarketcap.com/static/img/coins/64x64/1.png", .unsupportedScheme),
        ("javascript:alert(1)", .unsupportedScheme),
        ("https://s2.coinmarketcap.com:8443/static/img/coins/64x64/1.png", .disallowedHost),
        ("https://example.com/logo.png", .disallowedHost),
        ("https://s2.coinmarketcap.com.evil.example/x.png", .disallowedHost),
        ("http://localhost:8080/static/img/coins/64x64/1.png", .disallowedHost),
        ("http://logos.invalid/static/img/coins/64x64/1.png", .disallowedHost),
        ("http://127.0.0.1:9090/static/img/coins/64x64/1.png", .disallowedAddress),
        ("http://169.254.169.254/latest/meta-data/", .disallowedAddress),
        ("https://10.0.0.1/x.png", .disallowedAddress),
        ("https://192.168.1.10/x.png", .disallowedAddress),
        ("https://100.64.0.1/x.png", .disallowedAddress),
        ("https://0.0.0.0/x.png", .disallowedAddress),
        ("https://[fe80::1]/x.png", .disallowedAddress),
        ("https://[::1]/x.png", .disallowedAddress),
        ("https://[fd00:ec2::254]/x.png", .disallowedAddress),
        ("https://user:secret@s2.coinmarketcap.com/static/img/coins/64x64/1.png", .invalidURL),
        ("https://s2.coinmarketcap.com/static/img/coins/64x64/1.png?x=../../y", .invalidURL),
        ("https://s2.coinmarketcap.com/static/img/coins/64x64/1.png#frag", .invalidURL),
        ("https://s2.coinmarketcap.com/static/img/coins/64x64/..%2F..%2Fescape.png", .invalidURL),
        ("https://s2.coinmarketcap.com/static/img/coins/64x64/../../escape.png", .invalidURL),
        ("https://s2.coinmarketcap.com/static/./1.png", .invalidURL),
        ("s2.coinmarketcap.com/static/img/coins/64x64/1.png", .invalidURL),
    ]

    @Test(arguments: emulatorTable)
    func urlsUnderTheEmulatorBaseURL(url: String, expected: LogoFailure.Code?) throws {
        let parsed = try #require(URL(string: url), "\(url) does not parse")
        do {
            try Self.emulatorPolicy.check(parsed)
            #expect(expected == nil, "\(url) was allowed")
        } catch {
            #expect(error.code == expected, "\(url): \(error)")
            #expect(
                error.detail.contains(parsed.host(percentEncoded: true) ?? parsed.scheme ?? url)
                    || expected == .invalidURL
            )
        }
    }

    @Test func theLiveAPIHostIsAllowedOnlyOnItsPortAndOverHTTPS() throws {
        try Self.livePolicy.check(URL(string: "https://pro-api.coinmarketcap.com/static/img/coins/64x64/1.png")!)
        try Self.livePolicy.check(URL(string: "https://s2.coinmarketcap.com/static/img/coins/64x64/1.png")!)
        let port = #expect(throws: LogoFailure.self) {
            try Self.livePolicy.check(URL(string: "https://pro-api.coinmarketcap.com:444/x.png")!)
        }
        #expect(port?.code == .disallowedHost)
        let plain = #expect(throws: LogoFailure.self) {
            try Self.livePolicy.check(URL(string: "http://pro-api.coinmarketcap.com/x.png")!)
        }
        #expect(plain?.code == .disallowedHost)
        let loopback = #expect(throws: LogoFailure.self) {
            try Self.livePolicy.check(URL(string: "http://127.0.0.1:8080/static/img/coins/64x64/1.png")!)
        }
        #expect(loopback?.code == .disallowedAddress)
    }

    /// Resolved address → allowed, for a CMC static host.
    static let addressTable: [(String, Bool)] = [
        ("104.18.14.101", true), ("2606:4700::6812:e65", true), ("172.32.0.1", true), ("100.128.0.1", true),
        ("10.1.2.3", false), ("172.16.0.1", false), ("172.31.255.255", false), ("192.168.0.1", false),
        ("169.254.1.1", false), ("169.254.169.254", false), ("100.64.0.1", false), ("100.127.255.255", false),
        ("0.0.0.0", false), ("0.1.2.3", false), ("127.0.0.1", false), ("127.8.8.8", false), ("224.0.0.1", false),
        ("255.255.255.255", false), ("::", false), ("::1", false), ("fe80::1", false), ("febf::1", false),
        ("fc00::1", false), ("fd12:3456::1", false), ("ff02::1", false), ("::ffff:10.0.0.1", false),
        ("::ffff:127.0.0.1", false), ("::ffff:104.18.14.101", true),
    ]

    @Test(arguments: addressTable)
    func resolvedAddressesOfAStaticHost(address: String, allowed: Bool) {
        let url = URL(string: "https://s2.coinmarketcap.com/static/img/coins/64x64/1.png")!
        do {
            try Self.emulatorPolicy.checkAddress(address, for: url)
            #expect(allowed, "\(address) was allowed")
        } catch {
            #expect(!allowed, "\(address): \(error)")
            #expect(error.code == .disallowedAddress)
        }
    }

    @Test func loopbackIsAllowedForTheExactAPIHostOnly() throws {
        let api = URL(string: "http://127.0.0.1:8080/static/img/coins/64x64/1.png")!
        try Self.emulatorPolicy.checkAddress("127.0.0.1", for: api)
        try Self.emulatorPolicy.checkAddress("::1", for: api)
        let privateAddress = #expect(throws: LogoFailure.self) {
            try Self.emulatorPolicy.checkAddress("10.0.0.1", for: api)
        }
        #expect(privateAddress?.code == .disallowedAddress)
        let otherPort = URL(string: "http://127.0.0.1:9090/x.png")!
        #expect(throws: LogoFailure.self) { try Self.emulatorPolicy.checkAddress("127.0.0.1", for: otherPort) }
    }

    @Test func failuresEncodeTheirCodeAsText() throws {
        let failure = LogoFailure(.notAnImage, "https://s2.coinmarketcap.com/x.png sent HTML")
        let data = try JSONEncoder().encode(failure)
        #expect(String(decoding: data, as: UTF8.self).contains(#""not_an_image""#))
        #expect(try JSONDecoder().decode(LogoFailure.self, from: data) == failure)
        #expect(Set(LogoFailure.Code.allCases.map(\.description)).count == LogoFailure.Code.allCases.count)
        #expect(failure.description == "not_an_image: https://s2.coinmarketcap.com/x.png sent HTML")
    }
}
