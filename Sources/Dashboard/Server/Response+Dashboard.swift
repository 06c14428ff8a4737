import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension Response {
    /// The Content-Security-Policy of every answer: nothing from other origins, no script at all, styles and
    /// images from this server only (the pages use no inline styles or scripts).
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
        + "frame-ancestors 'none'"

    /// The headers every dashboard answer carries.
    static func dashboardHeaders(contentType: String, cacheControl: String = "no-store") -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = cacheControl
        if let referrer = HTTPField.Name("Referrer-Policy") {
            headers[referrer] = "no-referrer"
        }
        return headers
    }

    /// An HTML page.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: dashboardHeaders(contentType: "text/html; charset=utf-8"),
            body: ResponseBody(byteBuffer: ByteBuffer(string: page))
        )
    }

    /// A JSON document.
    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: dashboardHeaders(contentType: "application/json; charset=utf-8"),
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// An error as the dashboard answers one for a request to `path`: a JSON error body
    /// (`{"error": {"status", "message"}}`) under `/api/`, an error page elsewhere.
    static func error(_ status: HTTPResponse.Status, title: String, message: String, path: String) -> Response {
        if path.hasPrefix("/api/") {
            return .json(API.encode(API.ErrorBody(error: .init(status: status.code, message: message))), status: status)
        }
        return .html(ErrorPage.render(status: status.code, title: title, message: message), status: status)
    }

    /// Bytes with their content type and cache policy.
    static func bytes(_ data: Data, contentType: String, cacheControl: String) -> Response {
        Response(
            status: .ok,
            headers: dashboardHeaders(contentType: contentType, cacheControl: cacheControl),
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
