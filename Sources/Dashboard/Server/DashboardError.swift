import Hummingbird

/// A request the dashboard refuses: a bad parameter (400) or an unknown coin, run or route (404).
///
/// Rendered as an HTML page or as `{"error": {"status": 400, "message": "…"}}`, depending on the route.
struct DashboardError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// What was wrong, safe to show (it is escaped where it is shown).
    var message: String

    static func badRequest(_ message: String) -> DashboardError {
        DashboardError(status: .badRequest, message: message)
    }

    static func notFound(_ message: String) -> DashboardError {
        DashboardError(status: .notFound, message: message)
    }

    var description: String { "\(status.code) \(message)" }
}
