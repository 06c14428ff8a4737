import CMCEmulator
import Testing

@Suite struct ValidationTests {
    static let cases: [(String, String)] = [
        ("/v2/cryptocurrency/info?id=1,,2", #"Invalid value for "id": "1,,2""#),
        ("/v2/cryptocurrency/info?id=1,2,", #"Invalid value for "id": "1,2,""#),
        ("/v2/cryptocurrency/info?id=1,%202", #"Invalid value for "id": "1, 2""#),
        ("/v2/cryptocurrency/info?id=abc", #"Invalid value for "id": "abc""#),
        ("/v2/cryptocurrency/info", #"Invalid value for "id": """#),
        ("/v2/cryptocurrency/quotes/latest", #"Invalid value for "id": """#),
        ("/v2/cryptocurrency/info?slug=Not_A_Slug", #"Invalid value for "slug": "Not_A_Slug""#),
        ("/v2/cryptocurrency/info?symbol=BTC!", #"Invalid value for "symbol": "BTC!""#),
        ("/v2/cryptocurrency/info?id=1&skip_invalid=maybe", #"Invalid value for "skip_invalid": "maybe""#),
        ("/v2/cryptocurrency/info?id=1&aux=logo,bogus", #"Invalid value for "aux": "logo,bogus""#),
        ("/v1/cryptocurrency/listings/latest?limit=0", #"Invalid value for "limit": "0""#),
        ("/v1/cryptocurrency/listings/latest?limit=5001", #"Invalid value for "limit": "5001""#),
        ("/v1/cryptocurrency/listings/latest?start=0", #"Invalid value for "start": "0""#),
        ("/v1/cryptocurrency/listings/latest?sort=popularity", #"Invalid value for "sort": "popularity""#),
        ("/v1/cryptocurrency/listings/latest?sort_dir=up", #"Invalid value for "sort_dir": "up""#),
        (
            "/v1/cryptocurrency/listings/latest?cryptocurrency_type=nft",
            #"Invalid value for "cryptocurrency_type": "nft""#
        ),
        ("/v1/cryptocurrency/listings/latest?tag=memes", #"Invalid value for "tag": "memes""#),
        ("/v1/cryptocurrency/listings/latest?price_min=-1", #"Invalid value for "price_min": "-1""#),
        (
            "/v1/cryptocurrency/listings/latest?percent_change_24h_min=-101",
            #"Invalid value for "percent_change_24h_min": "-101""#
        ),
        ("/v1/cryptocurrency/listings/latest?convert=USD&convert_id=2781", #"Invalid value for "convert_id": "2781""#),
        ("/v1/cryptocurrency/listings/latest?convert=NOPE", #"Invalid value for "convert": "NOPE""#),
        ("/v1/cryptocurrency/listings/latest?convert_id=1,x", #"Invalid value for "convert_id": "1,x""#),
        ("/v1/cryptocurrency/map?sort=name", #"Invalid value for "sort": "name""#),
        ("/v1/fiat/map?include_metals=yes", #"Invalid value for "include_metals": "yes""#),
    ]

    @Test func messagesFollowCMCsForm() async throws {
        try await withEmulatorAndClient { emulator, http in
            for (path, message) in Self.cases {
                let exchange = try await http.get(path)
                #expect(exchange.status == 400, "\(path)")
                let status = try exchange.json().status
                #expect(status.int("error_code") == 400, "\(path)")
                #expect(status.string("error_message") == message, "\(path)")
                #expect(status.int("credit_count") == 0, "\(path)")
            }
            #expect(await emulator.stats().creditsUsed == 0)
            #expect(await emulator.stats().byStatus["400"] == Self.cases.count)
        }
    }

    @Test func overlongRequestTargetsAre414() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.maxRequestTargetLength = 200 }) { emulator, http in
            let ids = (1...100).map(String.init).joined(separator: ",")
            let exchange = try await http.get("/v2/cryptocurrency/info?id=\(ids)")
            #expect(exchange.status == 414)
            #expect(await emulator.stats().byStatus["414"] == 1)
        }
    }

    @Test func invalidConfigurationsAreRefused() async throws {
        var configuration = EmulatorConfiguration()
        configuration.coins = 0
        #expect(throws: EmulatorConfigurationError.self) { try configuration.validate() }
        configuration.coins = 10
        configuration.faults = [FaultRule(kind: .drop, share: 2)]
        await #expect(throws: EmulatorConfigurationError.self) {
            try await withEmulator(configuration, logger: quietLogger) { _ in () }
        }
    }

    @Test func aTakenPortSurfacesTheBindError() async throws {
        try await withEmulator(smallConfiguration(), logger: quietLogger) { first in
            let taken = smallConfiguration { $0.port = first.port }
            await #expect(throws: (any Error).self) {
                try await withEmulator(taken, logger: quietLogger) { _ in () }
            }
        }
    }
}
