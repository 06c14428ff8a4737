/// Running account of the credits a client has spent, from each response's `status.credit_count`.
///
/// With a budget set, ``reserve(_:endpoint:)`` refuses a call whose estimated cost would take the total
/// past the budget, before the call is sent.
public actor CreditLedger {
    /// Credits spent so far, as CMC reported them.
    public private(set) var used = 0
    /// Credits spent per endpoint path.
    public private(set) var usedByEndpoint: [String: Int] = [:]
    /// Calls made per endpoint path (every attempt that got an answer).
    public private(set) var callsByEndpoint: [String: Int] = [:]
    /// The most credits this client may spend, if limited.
    public let budget: Int?
    private var reserved = 0

    /// Creates a ledger.
    public init(budget: Int? = nil) {
        self.budget = budget
    }

    /// Reserves the estimated cost of a call before it is sent.
    ///
    /// - Throws: ``CMCError`` with code ``CMCError/Code/budget`` when the budget would be exceeded.
    func reserve(_ estimate: Int, endpoint: String) throws(CMCError) {
        if let budget, used + reserved + estimate > budget {
            throw CMCError(
                code: .budget,
                endpoint: endpoint,
                message:
                    "this call would cost about \(estimate) credits, but only \(max(0, budget - used - reserved)) of the budget of \(budget) are left",
                hint: "Raise --max-credits or collect fewer coins."
            )
        }
        reserved += estimate
    }

    /// Replaces a reservation by the credits the server actually charged.
    func settle(reserved estimate: Int, charged: Int, endpoint: String) {
        reserved = max(0, reserved - estimate)
        used += charged
        usedByEndpoint[endpoint, default: 0] += charged
        callsByEndpoint[endpoint, default: 0] += 1
    }

    /// Releases a reservation for a call that was never answered.
    func release(_ estimate: Int) {
        reserved = max(0, reserved - estimate)
    }
}
