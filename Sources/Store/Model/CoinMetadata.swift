public import CMCModels
import Foundation

/// A coin's stored metadata (the `coin_info` row from the newest run that fetched it): what v2 info said.
///
/// Every string came from the API and is untrusted: a page that shows it must escape it, and a URL must be
/// checked before it becomes a link.
public struct CoinMetadata: Sendable, Hashable {
    /// The CMC id.
    public var coinID: Int
    /// The symbol, as info sent it.
    public var symbol: String?
    /// The name, as info sent it.
    public var name: String?
    /// The slug.
    public var slug: String?
    /// `coin` or `token`.
    public var category: String?
    /// The description (plain text from CMC; may hold anything).
    public var description: String?
    /// The logo URL info named.
    public var logoURL: String?
    /// The subreddit name.
    public var subreddit: String?
    /// A notice CMC shows on the coin's page.
    public var notice: String?
    /// Tag slugs.
    public var tags: [String]
    /// Tag display names (parallel to ``tags`` when CMC sends both).
    public var tagNames: [String]
    /// Link lists by kind: `website`, `explorer`, `source_code`, `twitter`, `reddit`, `message_board`,
    /// `chat`, `announcement`, `technical_doc`, `facebook`.
    public var urls: [String: [String]]
    /// The chain a token lives on, with its main contract address.
    public var platform: CMCPlatform?
    /// Every contract address of the token, by platform.
    public var contractAddresses: [CMCContractAddress]
    /// When CMC added the coin.
    public var dateAdded: EpochMillis?
    /// When the coin launched.
    public var dateLaunched: EpochMillis?
    /// The Twitter/X handle.
    public var twitterUsername: String?
    /// When the run that stored this metadata started.
    public var observedAt: EpochMillis

    /// Creates metadata with the required fields; the others are empty or `nil`.
    ///
    /// - Parameters:
    ///   - coinID: The CMC id.
    ///   - observedAt: When the run that stored it started.
    public init(coinID: Int, observedAt: EpochMillis) {
        self.coinID = coinID
        self.observedAt = observedAt
        self.tags = []
        self.tagNames = []
        self.urls = [:]
        self.contractAddresses = []
    }

    /// Sets the JSON columns (`tags`, `tag_names`, `urls`, `platform`, `contract_address`) from their stored
    /// text; a value that does not decode is left empty (it was valid JSON when loaded, so this is only a
    /// safety net for hand-edited rows).
    mutating func setJSONColumns(
        tags: String?,
        tagNames: String?,
        urls: String?,
        platform: String?,
        contractAddresses: String?
    ) {
        let decoder = CMCJSON.makeDecoder()
        func decode<Value: Decodable>(_ type: Value.Type, _ text: String?) -> Value? {
            guard let text, text != "null" else { return nil }
            return try? decoder.decode(Value.self, from: Data(text.utf8))
        }
        self.tags = decode([String].self, tags) ?? []
        self.tagNames = decode([String].self, tagNames) ?? []
        self.urls = decode([String: [String]].self, urls) ?? [:]
        self.platform = decode(CMCPlatform.self, platform)
        self.contractAddresses = decode([CMCContractAddress].self, contractAddresses) ?? []
    }
}
