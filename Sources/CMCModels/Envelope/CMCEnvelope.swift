/// A whole CMC response body: the `status` block and, when the API sent one, the `data` payload.
///
/// Error bodies carry only `status` (cmc-api.md §3.4); for them ``data`` is `nil`. Pick the payload type by
/// endpoint:
///
/// | Endpoint | Payload |
/// |---|---|
/// | `v1/cryptocurrency/listings/latest` | `DecodedList<Listing>` |
/// | `v2/cryptocurrency/quotes/latest`, `v1/…/quotes/latest` | `DecodedMap<Listing>` |
/// | `v2/cryptocurrency/info` | `DecodedMap<CoinInfo>` |
/// | `v1/cryptocurrency/map` | `DecodedList<MapEntry>` |
/// | `v1/fiat/map` | `DecodedList<FiatEntry>` |
/// | `v1/global-metrics/quotes/latest` | `GlobalMetrics` |
/// | `v1/key/info` | `KeyInfo` |
///
/// ```swift
/// let envelope = try CMCJSON.makeDecoder().decode(CMCEnvelope<KeyInfo>.self, from: body)
/// guard envelope.status.isSuccess, let info = envelope.data else { … }
/// ```
///
/// A body without a `status` object (a gateway error such as `{"statusCode":…,"message":…}`) does not
/// decode as an envelope.
public struct CMCEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    /// The status block.
    public var status: CMCStatus

    /// The payload; `nil` when the body has no `data` key or it is `null`.
    public var data: Payload?

    /// Creates an envelope.
    ///
    /// - Parameters:
    ///   - status: The status block.
    ///   - data: The payload.
    public init(status: CMCStatus, data: Payload? = nil) {
        self.status = status
        self.data = data
    }

    /// Decodes `status` (required) and `data` (optional).
    ///
    /// - Throws: `DecodingError` when `status` is missing or unreadable, or when `data` is present but is
    ///   not a `Payload` (for the tolerant containers: not an array or object at all).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.status = try container.decode(CMCStatus.self, forKey: .status)
        self.data = try container.decodeIfPresent(Payload.self, forKey: .data)
    }

    enum CodingKeys: String, CodingKey {
        case status
        case data
    }
}

extension CMCEnvelope: Encodable where Payload: Encodable {
    /// Encodes `status` and, when present, `data`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(data, forKey: .data)
    }
}

extension CMCEnvelope: Equatable where Payload: Equatable {}

extension CMCEnvelope: Hashable where Payload: Hashable {}
