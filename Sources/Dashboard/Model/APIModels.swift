import CMCModels
import Foundation
import Store

/// An optional that encodes `nil` as JSON `null` (synthesized `Codable` would leave the key out).
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

/// The JSON documents of `/api/…`. Keys are snake case, as in CMC's own answers; numbers are exactly the
/// stored doubles; a value CMC sent as `null` is `null`.
enum API {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value here is a plain struct of strings and finite numbers; a failure is a programming error.
        return (try? encoder.encode(value)) ?? Data(#"{"error":{"status":500,"message":"encoding failed"}}"#.utf8)
    }

    struct ErrorBody: Encodable, Sendable {
        struct Detail: Encodable, Sendable {
            var status: Int
            var message: String
        }
        var error: Detail
    }

    /// One coin of the latest snapshot.
    struct LatestItem: Encodable, Sendable {
        var id: Int
        var rank: Nullable<Int>
        var name: Nullable<String>
        var symbol: Nullable<String>
        var slug: Nullable<String>
        var price: Nullable<Double>
        var percentChange1h: Nullable<Double>
        var percentChange24h: Nullable<Double>
        var percentChange7d: Nullable<Double>
        var marketCap: Nullable<Double>
        var volume24h: Nullable<Double>
        var circulatingSupply: Nullable<Double>
        var lastUpdated: String
        var logo: String
        var url: String

        init(_ row: QuoteRow) {
            id = row.coinID
            rank = Nullable(row.cmcRank)
            name = Nullable(row.name)
            symbol = Nullable(row.symbol)
            slug = Nullable(row.slug)
            price = Nullable(row.price)
            percentChange1h = Nullable(row.percentChange1h)
            percentChange24h = Nullable(row.percentChange24h)
            percentChange7d = Nullable(row.percentChange7d)
            marketCap = Nullable(row.marketCap)
            volume24h = Nullable(row.volume24h)
            circulatingSupply = Nullable(row.circulatingSupply)
            lastUpdated = row.lastUpdated.iso8601
            logo = "/logos/\(row.coinID).png"
            url = "/coins/\(row.coinID)"
        }

        enum CodingKeys: String, CodingKey {
            case id, rank, name, symbol, slug, price, logo, url
            case percentChange1h = "percent_change_1h"
            case percentChange24h = "percent_change_24h"
            case percentChange7d = "percent_change_7d"
            case marketCap = "market_cap"
            case volume24h = "volume_24h"
            case circulatingSupply = "circulating_supply"
            case lastUpdated = "last_updated"
        }
    }

    /// `/api/latest`.
    struct Latest: Encodable, Sendable {
        var convert: String
        var converts: [String]
        var snapshotAt: Nullable<String>
        var sort: String
        var dir: String
        var q: Nullable<String>
        var page: Int
        var perPage: Int
        var pages: Int
        var total: Int
        var items: [LatestItem]

        enum CodingKeys: String, CodingKey {
            case convert, converts, sort, dir, q, page, pages, total, items
            case snapshotAt = "snapshot_at"
            case perPage = "per_page"
        }
    }

    /// A coin's newest quote.
    struct Quote: Encodable, Sendable {
        var lastUpdated: String
        var price: Nullable<Double>
        var volume24h: Nullable<Double>
        var percentChange1h: Nullable<Double>
        var percentChange24h: Nullable<Double>
        var percentChange7d: Nullable<Double>
        var percentChange30d: Nullable<Double>
        var marketCap: Nullable<Double>
        var marketCapDominance: Nullable<Double>
        var fullyDilutedMarketCap: Nullable<Double>
        var circulatingSupply: Nullable<Double>
        var totalSupply: Nullable<Double>
        var maxSupply: Nullable<Double>
        var cmcRank: Nullable<Int>
        var numMarketPairs: Nullable<Int>

        init(_ row: QuoteRow) {
            lastUpdated = row.lastUpdated.iso8601
            price = Nullable(row.price)
            volume24h = Nullable(row.volume24h)
            percentChange1h = Nullable(row.percentChange1h)
            percentChange24h = Nullable(row.percentChange24h)
            percentChange7d = Nullable(row.percentChange7d)
            percentChange30d = Nullable(row.percentChange30d)
            marketCap = Nullable(row.marketCap)
            marketCapDominance = Nullable(row.marketCapDominance)
            fullyDilutedMarketCap = Nullable(row.fullyDilutedMarketCap)
            circulatingSupply = Nullable(row.circulatingSupply)
            totalSupply = Nullable(row.totalSupply)
            maxSupply = Nullable(row.maxSupply)
            cmcRank = Nullable(row.cmcRank)
            numMarketPairs = Nullable(row.numMarketPairs)
        }

        enum CodingKeys: String, CodingKey {
            case price
            case lastUpdated = "last_updated"
            case volume24h = "volume_24h"
            case percentChange1h = "percent_change_1h"
            case percentChange24h = "percent_change_24h"
            case percentChange7d = "percent_change_7d"
            case percentChange30d = "percent_change_30d"
            case marketCap = "market_cap"
            case marketCapDominance = "market_cap_dominance"
            case fullyDilutedMarketCap = "fully_diluted_market_cap"
            case circulatingSupply = "circulating_supply"
            case totalSupply = "total_supply"
            case maxSupply = "max_supply"
            case cmcRank = "cmc_rank"
            case numMarketPairs = "num_market_pairs"
        }
    }

    /// A coin's stored metadata.
    struct Metadata: Encodable, Sendable {
        struct Platform: Encodable, Sendable {
            var name: Nullable<String>
            var symbol: Nullable<String>
            var slug: Nullable<String>
            var tokenAddress: Nullable<String>

            enum CodingKeys: String, CodingKey {
                case name, symbol, slug
                case tokenAddress = "token_address"
            }
        }
        struct Contract: Encodable, Sendable {
            var platform: Nullable<String>
            var contractAddress: Nullable<String>

            enum CodingKeys: String, CodingKey {
                case platform
                case contractAddress = "contract_address"
            }
        }
        var category: Nullable<String>
        var description: Nullable<String>
        var notice: Nullable<String>
        var tags: [String]
        var tagNames: [String]
        var urls: [String: [String]]
        var platform: Nullable<Platform>
        var contractAddresses: [Contract]
        var dateAdded: Nullable<String>
        var dateLaunched: Nullable<String>
        var twitterUsername: Nullable<String>
        var subreddit: Nullable<String>
        var observedAt: String

        init(_ metadata: CoinMetadata) {
            category = Nullable(metadata.category)
            description = Nullable(metadata.description)
            notice = Nullable(metadata.notice)
            tags = metadata.tags
            tagNames = metadata.tagNames
            urls = metadata.urls
            platform = Nullable(
                metadata.platform.map {
                    Platform(
                        name: Nullable($0.name),
                        symbol: Nullable($0.symbol),
                        slug: Nullable($0.slug),
                        tokenAddress: Nullable($0.tokenAddress)
                    )
                }
            )
            contractAddresses = metadata.contractAddresses.map {
                Contract(platform: Nullable($0.platform?.name), contractAddress: Nullable($0.contractAddress))
            }
            dateAdded = Nullable(metadata.dateAdded?.iso8601)
            dateLaunched = Nullable(metadata.dateLaunched?.iso8601)
            twitterUsername = Nullable(metadata.twitterUsername)
            subreddit = Nullable(metadata.subreddit)
            observedAt = metadata.observedAt.iso8601
        }

        enum CodingKeys: String, CodingKey {
            case category, description, notice, tags, urls, platform, subreddit
            case tagNames = "tag_names"
            case contractAddresses = "contract_addresses"
            case dateAdded = "date_added"
            case dateLaunched = "date_launched"
            case twitterUsername = "twitter_username"
            case observedAt = "observed_at"
        }
    }

    /// Another coin with the same symbol.
    struct Candidate: Encodable, Sendable {
        var id: Int
        var name: Nullable<String>
        var symbol: Nullable<String>
        var slug: Nullable<String>
        var marketCap: Nullable<Double>
        var rank: Nullable<Int>
        var url: String

        init(_ candidate: CoinCandidate) {
            id = candidate.id
            name = Nullable(candidate.name)
            symbol = Nullable(candidate.symbol)
            slug = Nullable(candidate.slug)
            marketCap = Nullable(candidate.marketCap)
            rank = Nullable(candidate.cmcRank)
            url = "/coins/\(candidate.id)"
        }

        enum CodingKeys: String, CodingKey {
            case id, name, symbol, slug, rank, url
            case marketCap = "market_cap"
        }
    }

    /// `/api/coins/{id}`.
    struct Coin: Encodable, Sendable {
        var id: Int
        var name: Nullable<String>
        var symbol: Nullable<String>
        var slug: Nullable<String>
        var convert: String
        var logo: String
        var quote: Nullable<Quote>
        var metadata: Nullable<Metadata>
        var sameSymbol: [Candidate]

        enum CodingKeys: String, CodingKey {
            case id, name, symbol, slug, convert, logo, quote, metadata
            case sameSymbol = "same_symbol"
        }
    }

    /// One point of a series.
    struct Point: Encodable, Sendable {
        var time: String
        var price: Nullable<Double>
        var marketCap: Nullable<Double>
        var volume24h: Nullable<Double>
        var run: String

        init(_ row: QuoteRow) {
            time = row.lastUpdated.iso8601
            price = Nullable(row.price)
            marketCap = Nullable(row.marketCap)
            volume24h = Nullable(row.volume24h)
            run = row.firstSeenRun
        }

        enum CodingKeys: String, CodingKey {
            case time, price, run
            case marketCap = "market_cap"
            case volume24h = "volume_24h"
        }
    }

    /// `/api/coins/{id}/history`.
    struct History: Encodable, Sendable {
        var id: Int
        var convert: String
        var range: String
        var from: Nullable<String>
        var count: Int
        var points: [Point]
    }

    /// One run of `/api/runs`.
    struct Run: Encodable, Sendable {
        var id: String
        var source: String
        var status: String
        var startedAt: String
        var endedAt: Nullable<String>
        var durationMs: Nullable<Int64>
        var snapshotAt: Nullable<String>
        var converts: [String]
        var coins: Nullable<Int>
        var info: Nullable<Int>
        var logos: Nullable<Int>
        var logosFailed: Nullable<Int>
        var creditsUsed: Nullable<Int>
        var failures: Nullable<Int>
        var diagnostics: Nullable<Int>
        var quotesSeen: Int
        var quotesNew: Int
        var manifest: Nullable<String>

        init(_ run: StoredRun, manifest: String?) {
            id = run.id
            source = run.source
            status = run.status
            startedAt = run.startedAt.iso8601
            endedAt = Nullable(run.endedAt?.iso8601)
            durationMs = Nullable(run.endedAt.map { $0.value - run.startedAt.value })
            snapshotAt = Nullable(run.snapshotAt?.iso8601)
            converts = run.converts
            coins = Nullable(run.coins)
            info = Nullable(run.info)
            logos = Nullable(run.logos)
            logosFailed = Nullable(run.logosFailed)
            creditsUsed = Nullable(run.creditsUsed)
            failures = Nullable(run.failures)
            diagnostics = Nullable(run.diagnostics)
            quotesSeen = run.quotesSeen
            quotesNew = run.quotesNew
            self.manifest = Nullable(manifest)
        }

        enum CodingKeys: String, CodingKey {
            case id, source, status, converts, coins, info, logos, failures, diagnostics, manifest
            case startedAt = "started_at"
            case endedAt = "ended_at"
            case durationMs = "duration_ms"
            case snapshotAt = "snapshot_at"
            case logosFailed = "logos_failed"
            case creditsUsed = "credits_used"
            case quotesSeen = "quotes_seen"
            case quotesNew = "quotes_new"
        }
    }

    /// `/api/runs`.
    struct Runs: Encodable, Sendable {
        var runs: [Run]
    }
}
