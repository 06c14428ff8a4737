import Foundation
import NIOHTTP1

extension LogoCacheEntry {
    /// An entry for a `200` response, or `nil` when the response must not be stored (`no-store`).
    init?(url: String, headers: HTTPHeaders, body: Data, fetchedAt: Date) {
        let control = CacheControl(headers)
        guard !control.noStore else { return nil }
        self.init(
            url: url,
            sha256: FileIO.sha256(body),
            size: body.count,
            etag: headers.first(name: "etag"),
            lastModified: headers.first(name: "last-modified"),
            fetchedAt: fetchedAt,
            maxAge: control.maxAge(age: headers.first(name: "age").flatMap(Int.init))
        )
    }

    /// The entry after a `304`: validators and freshness from the 304 when it sends them (RFC 9111
    /// §4.3.4), and a new ``fetchedAt``.
    func revalidated(with headers: HTTPHeaders, at date: Date) -> LogoCacheEntry {
        var entry = self
        entry.fetchedAt = date
        if let etag = headers.first(name: "etag") { entry.etag = etag }
        if let lastModified = headers.first(name: "last-modified") { entry.lastModified = lastModified }
        if headers.contains(name: "cache-control") {
            entry.maxAge = CacheControl(headers).maxAge(age: headers.first(name: "age").flatMap(Int.init))
        }
        return entry
    }
}

/// The `Cache-Control` directives a private logo cache cares about.
struct CacheControl {
    var noStore = false
    var noCache = false
    var maxAge: Int?

    init(_ headers: HTTPHeaders) {
        for field in headers[canonicalForm: "cache-control"] {
            let parts = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts[0].lowercased() {
            case "no-store": noStore = true
            case "no-cache": noCache = true
            case "max-age" where parts.count == 2:
                if maxAge == nil { maxAge = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
            default: break
            }
        }
    }

    /// The lifetime to store: 0 for `no-cache`, `max-age` minus `Age`, or `nil` for the heuristic.
    func maxAge(age: Int?) -> Int? {
        if noCache { return 0 }
        guard let maxAge else { return nil }
        return max(0, maxAge - max(0, age ?? 0))
    }
}
