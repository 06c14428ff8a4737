import Testing

@testable import Store

@Suite struct IdentityHistoryTests {
    let old = CoinIdentity(symbol: "OLD", name: "Old", slug: "old")
    let new = CoinIdentity(symbol: "NEW", name: "New", slug: "new")

    func version(_ identity: CoinIdentity, _ from: Int64, _ to: Int64? = nil) -> IdentityVersion {
        IdentityVersion(identity: identity, validFrom: EpochMillis(from), validTo: to.map(EpochMillis.init))
    }

    @Test func firstSightingOpensAVersion() {
        #expect(IdentityHistory.merge([], observing: old, at: EpochMillis(10)) == [version(old, 10)])
    }

    @Test func sameIdentityChangesNothing() {
        #expect(IdentityHistory.merge([version(old, 10)], observing: old, at: EpochMillis(20)) == nil)
        #expect(IdentityHistory.merge([version(old, 10)], observing: old, at: EpochMillis(10)) == nil)
    }

    @Test func rebrandClosesTheOldVersion() {
        #expect(
            IdentityHistory.merge([version(old, 10)], observing: new, at: EpochMillis(20))
                == [version(old, 10, 20), version(new, 20)]
        )
    }

    @Test func earlierSightingExtendsOrPrecedes() {
        #expect(IdentityHistory.merge([version(old, 10)], observing: old, at: EpochMillis(5)) == [version(old, 5)])
        #expect(
            IdentityHistory.merge([version(new, 10)], observing: old, at: EpochMillis(5))
                == [version(old, 5, 10), version(new, 10)]
        )
    }

    /// A sighting inside an old version, of the identity that follows it, moves the change earlier.
    @Test func outOfOrderSightingMovesTheBoundary() {
        let history = [version(old, 10, 30), version(new, 30)]
        #expect(
            IdentityHistory.merge(history, observing: new, at: EpochMillis(20))
                == [version(old, 10, 20), version(new, 20)]
        )
    }

    /// A brief third identity between two sightings splits the version it falls in.
    @Test func thirdIdentitySplits() {
        let other = CoinIdentity(symbol: "MID")
        #expect(
            IdentityHistory.merge([version(old, 10, 30), version(new, 30)], observing: other, at: EpochMillis(20))
                == [version(old, 10, 20), version(other, 20, 30), version(new, 30)]
        )
    }
}
