/// One row of the `coins` history: an identity and the window it was valid in.
public struct IdentityVersion: Sendable, Hashable {
    /// The identity.
    public var identity: CoinIdentity
    /// The first time it was seen (inclusive).
    public var validFrom: EpochMillis
    /// When the next identity took over (exclusive); `nil` while current.
    public var validTo: EpochMillis?

    /// Creates a version.
    ///
    /// - Parameters:
    ///   - identity: The identity.
    ///   - validFrom: The start of the window.
    ///   - validTo: The end of the window, or `nil` while current.
    public init(identity: CoinIdentity, validFrom: EpochMillis, validTo: EpochMillis? = nil) {
        self.identity = identity
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
