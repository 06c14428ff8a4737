/// One contract address of a token, from `contract_address` in v2 info (cmc-api.md §3.3).
///
/// Its `platform.coin.id` is a string in the JSON and decodes to `Int`.
public struct CMCContractAddress: Codable, Sendable, Hashable {
    /// The address in the chain's own format (hex, base58, `0:…`, `…::asset::WETH`, …).
    public var contractAddress: String?

    /// The chain the address is on.
    public var platform: Platform?

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - contractAddress: The address in the chain's own format (hex, base58, `0:…`, `…::asset::WETH`, …).
    ///   - platform: The chain the address is on.
    public init(
        contractAddress: String? = nil,
        platform: Platform? = nil
    ) {
        self.contractAddress = contractAddress
        self.platform = platform
    }

    enum CodingKeys: String, CodingKey {
        case contractAddress = "contract_address"
        case platform
    }
}

extension CMCContractAddress {
    /// Decodes a contract address tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            contractAddress: try container.lenientString(forKey: .contractAddress),
            platform: try container.decodeIfPresent(Platform.self, forKey: .platform)
        )
    }
}

extension CMCContractAddress {
    /// The chain a contract address is on.
    public struct Platform: Codable, Sendable, Hashable {
        /// The chain's name, e.g. `Ethereum`.
        public var name: String?

        /// The chain's own coin.
        public var coin: Coin?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - name: The chain's name, e.g. `Ethereum`.
        ///   - coin: The chain's own coin.
        public init(
            name: String? = nil,
            coin: Coin? = nil
        ) {
            self.name = name
            self.coin = coin
        }

        enum CodingKeys: String, CodingKey {
            case name
            case coin
        }
    }

    /// The coin of a chain (`contract_address[].platform.coin`).
    public struct Coin: Codable, Sendable, Hashable {
        /// The platform coin's CMC id (a string such as `"1027"` in the JSON).
        public var id: Int?

        /// The platform coin's name.
        public var name: String?

        /// The platform coin's symbol (`TBA` for some new chains).
        public var symbol: String?

        /// The platform coin's slug.
        public var slug: String?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - id: The platform coin's CMC id (a string such as `"1027"` in the JSON).
        ///   - name: The platform coin's name.
        ///   - symbol: The platform coin's symbol (`TBA` for some new chains).
        ///   - slug: The platform coin's slug.
        public init(
            id: Int? = nil,
            name: String? = nil,
            symbol: String? = nil,
            slug: String? = nil
        ) {
            self.id = id
            self.name = name
            self.symbol = symbol
            self.slug = slug
        }

        enum CodingKeys: String, CodingKey {
            case id
            case name
            case symbol
            case slug
        }
    }
}

extension CMCContractAddress.Platform {
    /// Decodes a chain reference tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.lenientString(forKey: .name),
            coin: try container.decodeIfPresent(Coin.self, forKey: .coin)
        )
    }
}

extension CMCContractAddress.Coin {
    /// Decodes a chain coin tolerantly, reading `id` from a string or an integer.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.lenientInt(forKey: .id),
            name: try container.lenientString(forKey: .name),
            symbol: try container.lenientString(forKey: .symbol),
            slug: try container.lenientString(forKey: .slug)
        )
    }
}

extension CMCContractAddress.Platform {
    /// The coin of a chain; the same type as ``CMCContractAddress/Coin``.
    public typealias Coin = CMCContractAddress.Coin
}
