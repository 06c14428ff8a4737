public import CMCClient
public import Foundation

/// What `coinpipe collect` fetches and where it writes it.
///
/// The defaults are the original script's: the top 5000 coins in USD, metadata and 64×64 logos for the
/// top 50, written to `./raw_data/<uuid>/`.
public struct CollectConfiguration: Sendable {
    /// How many listing rows to fetch.
    public enum Limit: Sendable, Hashable, CustomStringConvertible {
        /// The top N by rank.
        case count(Int)
        /// Every listed coin.
        case all

        /// The number of rows, or `nil` for all.
        public var rows: Int? {
            if case .count(let count) = self { return count }
            return nil
        }

        public var description: String { rows.map(String.init) ?? "all" }

        /// Parses `5000` or `all`.
        public init?(_ text: String) {
            if text.lowercased() == "all" {
                self = .all
            } else if let count = Int(text), count > 0 {
                self = .count(count)
            } else {
                return nil
            }
        }
    }

    /// Which coins get metadata (and logos).
    public enum InfoSelection: Sendable, Hashable, CustomStringConvertible {
        /// The top N by rank.
        case top(Int)
        /// Every collected coin.
        case all
        /// None: no info.json, no logos.
        case none

        public var description: String {
            switch self {
            case .top(let count): String(count)
            case .all: "all"
            case .none: "none"
            }
        }

        /// Parses `50`, `all` or `none`.
        public init?(_ text: String) {
            switch text.lowercased() {
            case "all": self = .all
            case "none": self = .none
            default:
                guard let count = Int(text), count >= 0 else { return nil }
                self = count == 0 ? .none : .top(count)
            }
        }
    }

    /// The output root: run folders and the logo cache live below it.
    public var outputRoot: URL
    /// Listing rows to fetch.
    public var limit: Limit
    /// Convert currencies.
    public var convert: [String]
    /// Which coins get metadata and logos.
    public var info: InfoSelection
    /// Logo edge in pixels: 16, 32, 64, 128 or 200.
    public var logoSize: Int
    /// Logo downloads in flight at once.
    public var concurrency: Int
    /// The largest logo accepted, in bytes.
    public var maxLogoBytes: Int
    /// Ids per info call.
    public var batchSize: Int
    /// Refuse a run predicted to cost more credits than this, and never spend more.
    public var maxCredits: Int?
    /// Revalidate every cached logo even when it is still fresh.
    public var forceRevalidateLogos: Bool
    /// CMC's static image hosts that logos may come from (besides the API host itself).
    public var staticLogoHosts: [String]

    /// The logo sizes CMC serves.
    public static let logoSizes = [16, 32, 64, 128, 200]

    /// Creates a configuration with the original script's defaults.
    public init(
        outputRoot: URL = URL(fileURLWithPath: "raw_data"),
        limit: Limit = .count(5000),
        convert: [String] = ["USD"],
        info: InfoSelection = .top(50),
        logoSize: Int = 64,
        concurrency: Int = 16,
        maxLogoBytes: Int = 1 << 20,
        batchSize: Int = CMCClient.defaultBatchSize,
        maxCredits: Int? = nil,
        forceRevalidateLogos: Bool = false,
        staticLogoHosts: [String] = ["s2.coinmarketcap.com", "s3.coinmarketcap.com"]
    ) {
        self.outputRoot = outputRoot
        self.limit = limit
        self.convert = convert
        self.info = info
        self.logoSize = logoSize
        self.concurrency = concurrency
        self.maxLogoBytes = maxLogoBytes
        self.batchSize = batchSize
        self.maxCredits = maxCredits
        self.forceRevalidateLogos = forceRevalidateLogos
        self.staticLogoHosts = staticLogoHosts
    }

    /// The listings query for this configuration.
    var listingsQuery: ListingsQuery {
        ListingsQuery(
            start: 1,
            limit: min(limit.rows ?? ListingsQuery.maxLimit, ListingsQuery.maxLimit),
            convert: convert
        )
    }

    /// The ids that get metadata, from the collected listing in rank order.
    func infoIDs(from ids: [Int]) -> [Int] {
        switch info {
        case .all: ids
        case .none: []
        case .top(let count): Array(ids.prefix(count))
        }
    }
}
