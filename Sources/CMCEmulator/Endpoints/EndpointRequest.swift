/// Everything an endpoint needs to answer one request.
struct EndpointRequest: Sendable {
    let query: QueryParameters
    let universe: Universe
    let snapshot: MarketSnapshot
    let plan: EmulatorPlan
    let maxIDsPerRequest: Int?
    /// `http://host:port` as the client reached us, for logo URLs.
    let logoBase: String
    /// Coin id → hostile logo kind.
    let hostileLogos: [Int: HostileLogoKind]
}

/// A validated request: what it costs and how to write its `data` value. Rendering is deferred so that
/// a call refused for lack of credits never renders anything.
struct PreparedAnswer {
    let credits: Int
    let totalCount: Int?
    let write: (inout JSONWriter) -> Void

    init(credits: Int, totalCount: Int? = nil, write: @escaping (inout JSONWriter) -> Void) {
        self.credits = credits
        self.totalCount = totalCount
        self.write = write
    }

    /// `ceil(count / per)`, at least 1: a successful data call always costs a credit.
    static func credits(for count: Int, per: Int, extraConverts: Int = 0) -> Int {
        max(1, (count + per - 1) / per) + max(0, extraConverts)
    }
}
