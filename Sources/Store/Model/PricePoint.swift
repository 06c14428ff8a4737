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

extension TimeRange {
    /// The boundaries of `count` equal slices of a range with both ends: `count + 1` instants from `from` to
    /// `to`; `nil` when an end is missing or the range is empty.
    func slices(_ count: Int) -> [EpochMillis]? {
        guard let from, let to, to > from, count >= 1 else { return nil }
        let span = to.value - from.value
        return (0...count).map { EpochMillis(from.value + span * Int64($0) / Int64(count)) }
    }
}
