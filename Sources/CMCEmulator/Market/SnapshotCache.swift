/// Keeps the snapshots of the most recent windows, so that every request within a window reuses one.
actor SnapshotCache {
    private let universe: Universe
    private let seed: UInt64
    private let intervalSeconds: Double
    private var snapshots: [Int64: MarketSnapshot] = [:]

    init(universe: Universe, seed: UInt64, intervalSeconds: Double) {
        self.universe = universe
        self.seed = seed
        self.intervalSeconds = intervalSeconds
    }

    func snapshot(window: Int64) -> MarketSnapshot {
        if let cached = snapshots[window] { return cached }
        let snapshot = MarketSnapshot(universe: universe, seed: seed, window: window, intervalSeconds: intervalSeconds)
        if snapshots.count >= 3, let oldest = snapshots.keys.min() { snapshots[oldest] = nil }
        snapshots[window] = snapshot
        return snapshot
    }
}
