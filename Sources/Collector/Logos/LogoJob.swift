/// One logo to fetch: the coin it belongs to and its URL.
public struct LogoJob: Sendable, Hashable {
    /// The CMC id; the logo is saved as `Images/<coinID>.png`.
    public var coinID: Int
    /// The URL exactly as the API sent it (checked, never used to name a file).
    public var url: String

    /// Creates a job.
    ///
    /// - Parameters:
    ///   - coinID: The CMC id.
    ///   - url: The logo URL as the API sent it.
    public init(coinID: Int, url: String) {
        self.coinID = coinID
        self.url = url
    }
}
