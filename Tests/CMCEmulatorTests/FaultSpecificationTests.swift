import CMCEmulator
import Testing

@Suite struct FaultSpecificationTests {
    @Test func parsesKindCountAndPrefix() throws {
        let rule = try FaultRule(specification: "serverError:3@/v1/cryptocurrency/listings/latest")
        #expect(rule == FaultRule(kind: .serverError, pathPrefix: "/v1/cryptocurrency/listings/latest", count: 3))
    }

    @Test func parsesPercentageAndIgnoresKindCase() throws {
        let rule = try FaultRule(specification: "DROP:10%")
        #expect(rule.kind == .drop)
        #expect(rule.share == 0.1)
        #expect(rule.count == nil)
        #expect(rule.pathPrefix == nil)
    }

    @Test func parsesCountAndPercentageTogether() throws {
        let rule = try FaultRule(specification: "truncate:2:50%@/static")
        #expect(rule == FaultRule(kind: .truncate, pathPrefix: "/static", count: 2, share: 0.5))
    }

    @Test(arguments: ["", "nope", "drop:x", "drop:150%", "drop:-1", "drop@", "drop@static", "drop:1:2"])
    func rejectsBadSpecifications(_ text: String) {
        #expect(throws: EmulatorConfigurationError.self) { try FaultRule(specification: text) }
    }

    @Test func hostileLogoListParsesAllAndNames() throws {
        #expect(try HostileLogoKind.parseList("all") == HostileLogoKind.allCases)
        #expect(try HostileLogoKind.parseList("notFound, redirectLoop") == [.notFound, .redirectLoop])
        #expect(throws: EmulatorConfigurationError.self) { try HostileLogoKind.parseList("notFound,bogus") }
    }

    @Test func planPresetsByName() throws {
        #expect(try EmulatorPlan.named("Standard") == .standard)
        #expect(EmulatorPlan.basic.rateLimitPerMinute == 30)
        #expect(EmulatorPlan.basic.monthlyCredits == 10_000)
        #expect(EmulatorPlan.basic.dailyCredits == nil)
        #expect(EmulatorPlan.professional.rateLimitPerMinute == 90)
        #expect(throws: EmulatorConfigurationError.self) { try EmulatorPlan.named("enterprise") }
    }
}
