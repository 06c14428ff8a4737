/// The one place every answer is counted.
actor StatsRecorder {
    enum Area: Sendable {
        case api
        case logo
    }

    private var stats = EmulatorStats()
    private var connectionKeys: Set<String> = []

    func snapshot() -> EmulatorStats { stats }

    func reset() {
        stats = EmulatorStats()
        connectionKeys = []
    }

    /// Counts a request on arrival, and its connection when the remote address is new.
    func arrived(area: Area, path: String, connection: String?) {
        stats.requests += 1
        switch area {
        case .api: stats.apiRequests += 1
        case .logo: stats.logoRequests += 1
        }
        stats.byPath[path, default: 0] += 1
        if let connection, connectionKeys.insert(connection).inserted {
            stats.connections = connectionKeys.count
        }
    }

    /// Counts an answer that was (or is being) sent.
    func answered(method: String, path: String, status: Int) {
        stats.byStatus[String(status), default: 0] += 1
        stats.byPathAndStatus["\(method) \(path) \(status)", default: 0] += 1
        if status == 304 { stats.notModified += 1 }
    }

    func charged(_ credits: Int) {
        stats.creditsUsed += credits
    }

    func rateLimited() {
        stats.rateLimited += 1
    }

    func fault(_ kind: FaultRule.Kind) {
        stats.faultsInjected[kind.rawValue, default: 0] += 1
    }

    func hostileLogo(_ kind: HostileLogoKind) {
        stats.hostileLogoHits[kind.rawValue, default: 0] += 1
    }

    func apiBody(bytes: Int, gzip: Bool) {
        stats.apiBodyBytes += bytes
        if gzip { stats.gzipResponses += 1 }
    }

    func logoBody(bytes: Int) {
        stats.logoBodyBytes += bytes
    }
}
