import CMCModels
import Foundation

/// One row to upsert into `coin_info`, with its JSON columns encoded and its dates parsed.
struct InfoRecord: Sendable, Hashable {
    var coinID: Int
    var symbol: String?
    var name: String?
    var slug: String?
    var category: String?
    var description: String?
    var logoURL: String?
    var subreddit: String?
    var notice: String?
    var tags: String?
    var tagNames: String?
    var tagGroups: String?
    var urls: String?
    var platform: String?
    var contractAddress: String?
    var dateAdded: EpochMillis?
    var dateLaunched: EpochMillis?
    var twitterUsername: String?
    var isHidden: Int?
    var selfReportedCirculatingSupply: Double?
    var selfReportedMarketCap: Double?
    var selfReportedTags: String?
    var infiniteSupply: Bool?
    var logoSHA256: String?
    var observedAt: EpochMillis

    /// The `coin_info` rows of a run: its metadata, with the SHA-256 of the logo stored with it.
    static func records(of run: PreparedRun) -> [InfoRecord] {
        let logoHashes = Dictionary(run.logos.map { ($0.coinID, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<Int>()
        return run.infos.filter { seen.insert($0.id).inserted }.map { info in
            InfoRecord(
                coinID: info.id,
                symbol: info.symbol,
                name: info.name,
                slug: info.slug,
                category: info.category,
                description: info.description,
                logoURL: info.logo,
                subreddit: info.subreddit,
                notice: info.notice,
                tags: jsonText(info.tags),
                tagNames: jsonText(info.tagNames),
                tagGroups: jsonText(info.tagGroups),
                urls: jsonText(info.urls),
                platform: jsonText(info.platform),
                contractAddress: jsonText(info.contractAddress),
                dateAdded: info.dateAdded.flatMap(EpochMillis.init(iso8601:)),
                dateLaunched: info.dateLaunched.flatMap(EpochMillis.init(iso8601:)),
                twitterUsername: info.twitterUsername,
                isHidden: info.isHidden,
                selfReportedCirculatingSupply: info.selfReportedCirculatingSupply,
                selfReportedMarketCap: info.selfReportedMarketCap,
                selfReportedTags: jsonText(info.selfReportedTags),
                infiniteSupply: info.infiniteSupply,
                logoSHA256: logoHashes[info.id],
                observedAt: run.record.startedAt
            )
        }
    }

    /// Compact JSON with sorted keys, or `nil` for a missing value.
    private static func jsonText(_ value: (some Encodable)?) -> String? {
        guard let value, let data = try? CMCJSON.makeEncoder().encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
