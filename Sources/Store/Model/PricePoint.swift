/// One price of a coin at one CMC `last_updated`: the unit of ``RunStore/prices(coinIDs:convert:range:)``.
public struct PricePoint: Sendable, Hashable {
    /// CMC's `last_updated`.
    public var time: EpochMillis
    /// The price in the convert currency.
    public var price: Double

    /// Creates a point.
    ///
    /// - Parameters:
    ///   - time: CMC's `last_updated`.
    ///   - price: The price.
    public init(time: EpochMillis, price: Double) {
        self.time = time
        self.price = price
    }
}
