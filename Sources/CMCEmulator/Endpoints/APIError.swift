/// An error answer in CMC's envelope: HTTP status, `status.error_code` and `status.error_message`.
struct APIError: Error, Sendable, Equatable {
    let httpStatus: Int
    let errorCode: Int
    let message: String

    /// `Invalid value for "<param>": "<value>"`, the one attested validation message.
    static func invalidValue(_ parameter: String, _ value: String) -> APIError {
        APIError(httpStatus: 400, errorCode: 400, message: "Invalid value for \"\(parameter)\": \"\(value)\"")
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(httpStatus: 400, errorCode: 400, message: message)
    }

    static let keyInvalid = APIError(httpStatus: 401, errorCode: 1001, message: "This API Key is invalid.")
    static let keyMissing = APIError(httpStatus: 401, errorCode: 1002, message: "API key missing.")
    static let planNotAuthorized = APIError(
        httpStatus: 403,
        errorCode: 1006,
        message: "Your API Key subscription plan doesn't support this endpoint."
    )
    static let minuteRateLimit = APIError(
        httpStatus: 429,
        errorCode: 1008,
        message: "You've exceeded your API Key's HTTP request rate limit. Rate limits reset every minute."
    )
    static let dailyRateLimit = APIError(
        httpStatus: 429,
        errorCode: 1009,
        message: "You've exceeded your API Key's daily rate limit."
    )
    static let monthlyRateLimit = APIError(
        httpStatus: 429,
        errorCode: 1010,
        message: "You've exceeded your API Key's monthly rate limit."
    )
    static let ipRateLimit = APIError(httpStatus: 429, errorCode: 1011, message: "You've hit an IP rate limit.")
    static let serverFailure = APIError(httpStatus: 500, errorCode: 500, message: "An internal server error occurred")
    static let notFound = APIError(httpStatus: 404, errorCode: 404, message: "Not Found")
}
