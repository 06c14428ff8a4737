import CompressNIO
import Foundation
import Hummingbird
import NIOCore

/// A response before it becomes a Hummingbird `Response`, so that faults can still mangle its body.
struct HTTPAnswer {
    var status: Int
    var headers: HTTPFields
    var body: ByteBuffer
    /// Whether the body is gzip-compressed (for statistics).
    var gzip = false
    /// The JSON before compression, kept so that `truncateJSON` can cut it and re-encode.
    var json: [UInt8]?
    var acceptsGzip = false
    /// A streamed body that replaces `body` (endless and huge hostile logos).
    var stream: ResponseBody?

    static let jsonContentType = "application/json; charset=utf-8"

    /// A JSON answer with CMC's headers, gzip-compressed when the client accepts it.
    static func json(
        status: Int,
        json: [UInt8],
        acceptsGzip: Bool,
        retryAfterSeconds: Int? = nil
    ) -> HTTPAnswer {
        var headers = HTTPFields()
        headers[.contentType] = jsonContentType
        headers[.cacheControl] = "no-cache"
        headers[.vary] = "origin,accept-encoding"
        Self.set(&headers, "X-Content-Type-Options", "nosniff")
        Self.set(&headers, "X-Frame-Options", "SAMEORIGIN")
        if status == 429, let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        var body = ByteBuffer(bytes: json)
        var compressed = false
        // Level 1 keeps a 5000-coin page (~4.8 MB) near 30 ms; small bodies can afford level 6.
        let level: Int32 = json.count > 512 * 1024 ? 1 : 6
        // zlib cannot fail on well-formed input with a sized output buffer; if it ever did, plain JSON is still
        // a correct answer (the client asked for gzip, it did not require it).
        if acceptsGzip,
            let gzipped = try? body.compress(with: .gzip(configuration: .init(windowSize: 15, compressionLevel: level)))
        {
            body = gzipped
            headers[.contentEncoding] = "gzip"
            compressed = true
        }
        return HTTPAnswer(
            status: status,
            headers: headers,
            body: body,
            gzip: compressed,
            json: json,
            acceptsGzip: acceptsGzip
        )
    }

    /// A plain body with the given content type.
    static func plain(status: Int, contentType: String, text: String) -> HTTPAnswer {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return HTTPAnswer(status: status, headers: headers, body: ByteBuffer(string: text))
    }

    static func set(_ headers: inout HTTPFields, _ name: String, _ value: String) {
        if let fieldName = HTTPFields.Element.Name(name) { headers[fieldName] = value }
    }

    var response: Response {
        Response(status: .init(code: status), headers: headers, body: stream ?? .init(byteBuffer: body))
    }

    /// Whether an `Accept-Encoding` value allows gzip (listed, and not with `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.first == "gzip" || parts.first == "x-gzip" else { continue }
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                if let quality = Double(parameter.dropFirst(2)), quality <= 0 { return false }
            }
            return true
        }
        return false
    }
}
