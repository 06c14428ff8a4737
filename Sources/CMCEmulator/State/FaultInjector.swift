/// Decides, request by request, whether a fault rule fires (see ``FaultRule``).
actor FaultInjector {
    private let rules: [FaultRule]
    private var matches: [Int]
    private var fired: [Int]

    init(rules: [FaultRule]) {
        self.rules = rules
        self.matches = Array(repeating: 0, count: rules.count)
        self.fired = Array(repeating: 0, count: rules.count)
    }

    /// The fault to inject for a request, if any rule fires.
    func decide(path: String, isAPIPath: Bool) -> FaultRule.Kind? {
        for (index, rule) in rules.enumerated() where rule.matches(path: path, isAPIPath: isAPIPath) {
            matches[index] += 1
            if let count = rule.count, fired[index] >= count { continue }
            if let share = rule.share {
                let perMillion = Int((share * 1_000_000).rounded())
                let n = matches[index]
                let before = ((n - 1) * perMillion + 999_999) / 1_000_000
                let after = (n * perMillion + 999_999) / 1_000_000
                guard after > before else { continue }
            }
            fired[index] += 1
            return rule.kind
        }
        return nil
    }
}
