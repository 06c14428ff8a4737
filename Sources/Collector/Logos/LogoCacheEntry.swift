public import Foundation

/// What the logo cache knows about one URL: the object holding its body and the validators and freshness
/// the server sent.
///
/// Stored as `<cache>/meta/<sha256-of-url>.json`.
public struct LogoCacheEntry: Codable, Sendable, Hashable {
    /// The heuristic freshness cap of RFC 9111 §4.2.2 as CoinPipe applies it: 24 hours.
    public static let heuristicCap: TimeInterval = 24 * 60 * 60

    /// The URL exactly as requested.
    public var url: String
    /// The SHA-256 of the body, which is also the object's file name.
    public var sha256: String
    /// The body's size in bytes.
    public var size: Int
    /// The `ETag` the server sent, verbatim.
    public var etag: String?
    /// The `Last-Modified` the server sent, verbatim.
    public var lastModified: String?
    /// When the body was fetched or last revalidated.
    public var fetchedAt: Date
    /// The `Cache-Control: max-age` in seconds (already reduced by any `Age`), `0` for `no-cache`, or
    /// `nil` when the server sent none.
    public var maxAge: Int?

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - url: The URL exactly as requested.
    ///   - sha256: The body's SHA-256.
    ///   - size: The body's size.
    ///   - etag: The `ETag` header.
    ///   - lastModified: The `Last-Modified` header.
    ///   - fetchedAt: When it was fetched or revalidated.
    ///   - maxAge: The freshness lifetime the server gave, in seconds.
    public init(
        url: String,
        sha256: String,
        size: Int,
        etag: String? = nil,
        lastModified: String? = nil,
        fetchedAt: Date,
        maxAge: Int? = nil
    ) {
        self.url = url
        self.sha256 = sha256
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.maxAge = maxAge
    }

    enum CodingKeys: String, CodingKey {
        case url
        case sha256
        case size
        case etag
        case lastModified = "last_modified"
        case fetchedAt = "fetched_at"
        case maxAge = "max_age"
    }

    /// How long the entry stays fresh after ``fetchedAt``, in seconds.
    ///
    /// ``maxAge`` when the server sent one; otherwise the heuristic of RFC 9111 §4.2.2: 10% of the time
    /// between `Last-Modified` and ``fetchedAt``, capped at ``heuristicCap``; otherwise 0.
    public var freshnessLifetime: TimeInterval {
        if let maxAge { return TimeInterval(max(0, maxAge)) }
        guard let lastModified, let modified = HTTPDate.parse(lastModified) else { return 0 }
        return min(max(0, fetchedAt.timeIntervalSince(modified)) * 0.1, Self.heuristicCap)
    }

    /// Whether the entry may be used without asking the server.
    ///
    /// - Parameter now: The current time.
    /// - Returns: `true` while the age (`now − fetchedAt`) is below ``freshnessLifetime``; a clock that
    ///   went backwards makes the entry stale.
    public func isFresh(at now: Date) -> Bool {
        let age = now.timeIntervalSince(fetchedAt)
        return age >= 0 && age < freshnessLifetime
    }
}
