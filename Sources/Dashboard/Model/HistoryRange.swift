import Store

/// The windows a coin's charts offer, measured back from the newest snapshot in the store.
enum HistoryRange: String, Sendable, CaseIterable {
    case day = "24h"
    case week = "7d"
    case month = "30d"
    case year = "1y"
    case all

    /// The window's length in milliseconds, or `nil` for all.
    var millis: Int64? {
        switch self {
        case .day: 86_400_000
        case .week: 7 * 86_400_000
        case .month: 30 * 86_400_000
        case .year: 365 * 86_400_000
        case .all: nil
        }
    }

    /// Reads `range`; default 7d.
    ///
    /// - Throws: ``DashboardError`` (400) for an unknown range.
    init(_ parameters: QueryParameters) throws(DashboardError) {
        guard let text = parameters["range"] else {
            self = .week
            return
        }
        guard let range = HistoryRange(rawValue: text) else {
            throw .badRequest("range must be one of 24h, 7d, 30d, 1y, all.")
        }
        self = range
    }

    /// The store's time range for this window ending at `anchor` (inclusive).
    func timeRange(anchor: EpochMillis) -> TimeRange {
        guard let millis else { return .all }
        return TimeRange(from: EpochMillis(anchor.value - millis), to: nil)
    }
}
