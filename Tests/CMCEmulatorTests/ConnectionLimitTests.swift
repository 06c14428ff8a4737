import CMCEmulator
import CoinPipeTestSupport
import ServerLimits
import Testing

/// The emulator closes idle connections and slow request heads, and serves at most `maxConnections` at once.
@Suite struct ConnectionLimitTests {
    @Test func idleConnectionsAreClosedAfterTheIdleTimeout() async throws {
        let configuration = smallConfiguration {
            $0.connectionLimits = ConnectionLimits(headerTimeout: .seconds(30), idleTimeout: .milliseconds(500))
        }
        try await withEmulator(configuration, logger: quietLogger) { emulator in
            try await ConnectionLimitChecks.idleConnectionsAreClosed(
                port: emulator.port,
                path: "/__stats",
                idleTimeout: .milliseconds(500)
            )
        }
    }

    @Test func aRequestHeadSentTooSlowlyIsCutOff() async throws {
        let configuration = smallConfiguration {
            $0.connectionLimits = ConnectionLimits(headerTimeout: .milliseconds(500), idleTimeout: .seconds(30))
        }
        try await withEmulator(configuration, logger: quietLogger) { emulator in
            try await ConnectionLimitChecks.slowRequestHeadsAreClosed(
                port: emulator.port,
                path: "/__stats",
                headerTimeout: .milliseconds(500)
            )
        }
    }

    @Test func connectionsBeyondTheLimitWaitForAFreeSlot() async throws {
        let configuration = smallConfiguration {
            $0.connectionLimits = ConnectionLimits(
                headerTimeout: .seconds(30),
                idleTimeout: .seconds(2),
                maxConnections: 3
            )
        }
        try await withEmulator(configuration, logger: quietLogger) { emulator in
            try await ConnectionLimitChecks.surplusConnectionsWaitForAFreeSlot(
                port: emulator.port,
                path: "/__stats",
                maxConnections: 3,
                idleTimeout: .seconds(2)
            )
        }
    }

    @Test func aSlowAnswerIsNotCutOffByTheIdleTimeout() async throws {
        let configuration = smallConfiguration {
            $0.apiLatency = .milliseconds(1200)
            $0.connectionLimits = ConnectionLimits(headerTimeout: .milliseconds(300), idleTimeout: .milliseconds(300))
        }
        try await withEmulator(configuration, logger: quietLogger) { emulator in
            let connection = try RawHTTPConnection(port: emulator.port)
            try connection.sendGet("/v1/key/info", headers: [("X-CMC_PRO_API_KEY", emulator.apiKey)])
            #expect(try await connection.waitForResponse(within: .seconds(10)) == 200)
        }
    }

    @Test func limitsOutOfRangeAreConfigurationErrors() async throws {
        for limits in [
            ConnectionLimits(headerTimeout: .zero),
            ConnectionLimits(idleTimeout: .seconds(-1)),
            ConnectionLimits(maxConnections: 0),
        ] {
            let configuration = smallConfiguration { $0.connectionLimits = limits }
            #expect(throws: EmulatorConfigurationError.self) { try configuration.validate() }
        }
    }
}
