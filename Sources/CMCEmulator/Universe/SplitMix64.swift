import Foundation

/// A small, fast, seedable generator (SplitMix64) whose output never depends on the toolchain.
///
/// The standard library's `random(in:using:)` algorithms are not guaranteed stable across Swift versions,
/// so every draw here goes through our own bounded helpers.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Mix.finalize(state)
    }

    /// A uniform value in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `range` (upper bound inclusive).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-53)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal draw with the given mean and deviation, clamped to `range`.
    mutating func normal(mean: Double, deviation: Double, clampedTo range: ClosedRange<Double>) -> Double {
        min(max(mean + deviation * normal(), range.lowerBound), range.upperBound)
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// An index chosen with the given relative weights.
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }
}

/// Stateless hashing used for values that must be a pure function of their inputs (market drift).
enum Mix {
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0, _ d: UInt64 = 0) -> UInt64 {
        var h = finalize(a &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ (b &* 0xD6E8_FEB8_6659_FD93))
        h = finalize(h ^ (c &* 0xA076_1D64_78BD_642F))
        return finalize(h ^ (d &* 0xE703_7ED1_A0B4_28DB))
    }

    /// A uniform value in `-1..<1`.
    static func signedUnit(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0, _ d: UInt64 = 0) -> Double {
        Double(hash(a, b, c, d) >> 11) * 0x1.0p-52 - 1
    }
}
