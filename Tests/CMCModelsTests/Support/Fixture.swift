import CMCModels
import Foundation
import Testing

/// Recorded CMC response bodies from `Fixtures/` (see `Fixtures/PROVENANCE.md`), loaded from the test bundle.
enum Fixture {
    /// The payload type a fixture decodes to.
    enum Kind: Sendable {
        case listings
        case quotes
        case info
        case keyInfo
        case error
    }

    /// Every `.json` fixture and its payload kind. A test checks that this table covers the folder.
    static let all: [String: Kind] = [
        "error_1001.all-about-apikey.2022-04-17": .error,
        "error_1001.rahaconv.2022-03-23": .error,
        "info_by_id.cryptocurrency-tracker.2021-08-09": .info,
        "info_v2.skip-mev.weth.2024-08-28": .info,
        "key_info.sem4.2024-02-20": .keyInfo,
        "key_info.sem4.2024-02-21": .keyInfo,
        "listings_latest.crypto-price-list.2019-02-08": .listings,
        "listings_latest.cryptocurrency-tracker.2021-08-09": .listings,
        "listings_latest.glartir.2020-06-30": .listings,
        "listings_latest.mini-crypto-cap.2021-04-20": .listings,
        "listings_latest.openbb.2022-01-29": .listings,
        "quotes_v1_by_symbol.sem4.2024-02-20": .quotes,
        "quotes_v1_by_symbol.sem4.2024-02-21": .quotes,
        "quotes_v2_by_id.dzhegash.2022-06-01": .quotes,
        "quotes_v2_by_id.dzhegash.2022-06-16": .quotes,
        "quotes_v2_by_slug.dzhegash.2022-06-16": .quotes,
        "quotes_v2_by_symbol.dzhegash.2022-06-16": .quotes,
        "sandbox_listings_latest.sem4.2024-02-20": .listings,
        "sandbox_quotes_v1_by_symbol.rahaconv.2022-03-23": .quotes,
    ]

    /// The fixture names (without `.json`), sorted.
    static var names: [String] {
        all.keys.sorted()
    }

    /// The names of the fixtures of one kind, sorted.
    static func names(of kind: Kind) -> [String] {
        all.filter { $0.value == kind }.keys.sorted()
    }

    /// The folder holding the fixtures inside the test bundle.
    static func directory() throws -> URL {
        let readme = try #require(
            Bundle.module.url(forResource: "README", withExtension: "md", subdirectory: "Fixtures")
        )
        return readme.deletingLastPathComponent()
    }

    /// The bytes of fixture `name` (without `.json`).
    static func data(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            "fixture \(name).json is not in the test bundle"
        )
        return try Data(contentsOf: url)
    }

    /// The bytes of fixture `name` as an array.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try data(name))
    }

    /// Decodes fixture `name` as `type` with the CMCModels decoder.
    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try CMCJSON.makeDecoder().decode(type, from: data(name))
    }

    /// Decodes fixture `name` as a listings page.
    static func listings(_ name: String) throws -> CMCEnvelope<DecodedList<Listing>> {
        try decode(CMCEnvelope<DecodedList<Listing>>.self, name)
    }

    /// Decodes fixture `name` as a quotes map.
    static func quotes(_ name: String) throws -> CMCEnvelope<DecodedMap<Listing>> {
        try decode(CMCEnvelope<DecodedMap<Listing>>.self, name)
    }

    /// Decodes fixture `name` as an info map.
    static func info(_ name: String) throws -> CMCEnvelope<DecodedMap<CoinInfo>> {
        try decode(CMCEnvelope<DecodedMap<CoinInfo>>.self, name)
    }
}

/// Decodes an inline JSON string literal with the CMCModels decoder.
func decodeJSON<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try CMCJSON.makeDecoder().decode(type, from: Data(json.utf8))
}
