/// One row to insert into `quotes`: a listing's quote in one convert currency.
struct QuoteRecord: Sendable, Hashable {
    var coinID: Int
    var convert: String
    var lastUpdated: EpochMillis
    /// The numeric columns, in the order of ``QuoteRow/doubleColumns``.
    var doubles: [Double?]
    var infiniteSupply: Bool?
    var cmcRank: Int?
    var numMarketPairs: Int?
}
