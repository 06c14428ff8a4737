import Foundation
import Logging

/// The emulator's immutable parts and its shared-state actors, built once per instance.
struct EmulatorEngine: Sendable {
    let configuration: EmulatorConfiguration
    let universe: Universe
    let hostileByID: [Int: HostileLogoKind]
    let snapshots: SnapshotCache
    let ledger: KeyLedger
    let faults: FaultInjector
    let stats: StatsRecorder
    let logos: LogoStore
    let boundAddress: BoundAddress
    let logger: Logger
    let refreshMilliseconds: Int64

    init(configuration: EmulatorConfiguration, logger: Logger) throws(EmulatorConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        let universe = UniverseBuilder(
            seed: configuration.seed,
            count: configuration.coins,
            includeHostileText: configuration.includeHostileText
        ).build()
        self.universe = universe
        var hostile: [Int: HostileLogoKind] = [:]
        for (rankIndex, kind) in configuration.hostileLogos.enumerated() where rankIndex < universe.coins.count {
            hostile[universe.coins[rankIndex].id] = kind
        }
        self.hostileByID = hostile
        let components = configuration.dataRefreshInterval.components
        let refresh = max(1, components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
        self.refreshMilliseconds = refresh
        self.snapshots = SnapshotCache(
            universe: universe,
            seed: configuration.seed,
            intervalSeconds: Double(refresh) / 1000
        )
        self.ledger = KeyLedger(plan: configuration.plan, rateLimitWindow: configuration.rateLimitWindow)
        self.faults = FaultInjector(rules: configuration.faults)
        self.stats = StatsRecorder()
        self.logos = LogoStore()
        self.boundAddress = BoundAddress(host: configuration.host, port: configuration.port)
    }

    func window(at date: Date) -> Int64 {
        Timestamp.floorDivide(KeyLedger.milliseconds(date), refreshMilliseconds)
    }
}
