/// The payload of `v1/key/info`: the key's plan limits and live usage (cmc-api.md §2.6).
///
/// Every daily field is optional: real responses since 2024 leave out `credit_limit_daily*` and
/// `current_day.credits_left`.
public struct KeyInfo: Codable, Sendable, Hashable {
    /// The key's plan limits.
    public var plan: Plan

    /// The key's current usage.
    public var usage: Usage

    /// Creates a value; every field but the required ones defaults to `nil`.
    ///
    /// - Parameters:
    ///   - plan: The key's plan limits.
    ///   - usage: The key's current usage.
    public init(
        plan: Plan,
        usage: Usage
    ) {
        self.plan = plan
        self.usage = usage
    }

    enum CodingKeys: String, CodingKey {
        case plan
        case usage
    }
}

extension KeyInfo {
    /// Decodes key information.
    ///
    /// - Throws: `DecodingError` when `plan` or `usage` is missing, or a field has a type that cannot be
    ///   converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            plan: try container.decode(Plan.self, forKey: .plan),
            usage: try container.decode(Usage.self, forKey: .usage)
        )
    }
}

extension KeyInfo {
    /// The limits of the key's plan (`data.plan`).
    public struct Plan: Codable, Sendable, Hashable {
        /// The daily credit limit; absent on modern free plans.
        public var creditLimitDaily: Int?

        /// A text countdown to the daily reset, e.g. `In 19 hours, 56 minutes`.
        public var creditLimitDailyReset: String?

        /// When the daily credits reset, ISO 8601.
        public var creditLimitDailyResetTimestamp: String?

        /// The monthly credit limit, e.g. `10000`.
        public var creditLimitMonthly: Int?

        /// A text countdown to the monthly reset, e.g. `In 9 days, 6 hours, 27 minutes`.
        public var creditLimitMonthlyReset: String?

        /// When the monthly credits reset, ISO 8601.
        public var creditLimitMonthlyResetTimestamp: String?

        /// Calls allowed per UTC minute.
        public var rateLimitMinute: Int?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - creditLimitDaily: The daily credit limit; absent on modern free plans.
        ///   - creditLimitDailyReset: A text countdown to the daily reset, e.g. `In 19 hours, 56 minutes`.
        ///   - creditLimitDailyResetTimestamp: When the daily credits reset, ISO 8601.
        ///   - creditLimitMonthly: The monthly credit limit, e.g. `10000`.
        ///   - creditLimitMonthlyReset: A text countdown to the monthly reset, e.g. `In 9 days, 6 hours, 27 minutes`.
        ///   - creditLimitMonthlyResetTimestamp: When the monthly credits reset, ISO 8601.
        ///   - rateLimitMinute: Calls allowed per UTC minute.
        public init(
            creditLimitDaily: Int? = nil,
            creditLimitDailyReset: String? = nil,
            creditLimitDailyResetTimestamp: String? = nil,
            creditLimitMonthly: Int? = nil,
            creditLimitMonthlyReset: String? = nil,
            creditLimitMonthlyResetTimestamp: String? = nil,
            rateLimitMinute: Int? = nil
        ) {
            self.creditLimitDaily = creditLimitDaily
            self.creditLimitDailyReset = creditLimitDailyReset
            self.creditLimitDailyResetTimestamp = creditLimitDailyResetTimestamp
            self.creditLimitMonthly = creditLimitMonthly
            self.creditLimitMonthlyReset = creditLimitMonthlyReset
            self.creditLimitMonthlyResetTimestamp = creditLimitMonthlyResetTimestamp
            self.rateLimitMinute = rateLimitMinute
        }

        enum CodingKeys: String, CodingKey {
            case creditLimitDaily = "credit_limit_daily"
            case creditLimitDailyReset = "credit_limit_daily_reset"
            case creditLimitDailyResetTimestamp = "credit_limit_daily_reset_timestamp"
            case creditLimitMonthly = "credit_limit_monthly"
            case creditLimitMonthlyReset = "credit_limit_monthly_reset"
            case creditLimitMonthlyResetTimestamp = "credit_limit_monthly_reset_timestamp"
            case rateLimitMinute = "rate_limit_minute"
        }
    }

    /// The key's usage counters (`data.usage`).
    public struct Usage: Codable, Sendable, Hashable {
        /// Calls in the current UTC minute.
        public var currentMinute: Minute?

        /// Credits used today (`credits_left` is absent on modern plans).
        public var currentDay: Day?

        /// Credits in the current month.
        public var currentMonth: Month?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - currentMinute: Calls in the current UTC minute.
        ///   - currentDay: Credits used today (`credits_left` is absent on modern plans).
        ///   - currentMonth: Credits in the current month.
        public init(
            currentMinute: Minute? = nil,
            currentDay: Day? = nil,
            currentMonth: Month? = nil
        ) {
            self.currentMinute = currentMinute
            self.currentDay = currentDay
            self.currentMonth = currentMonth
        }

        enum CodingKeys: String, CodingKey {
            case currentMinute = "current_minute"
            case currentDay = "current_day"
            case currentMonth = "current_month"
        }
    }
}

extension KeyInfo.Usage {
    /// Calls in the current UTC minute (`current_minute`).
    public struct Minute: Codable, Sendable, Hashable {
        /// Calls made this minute.
        public var requestsMade: Int?

        /// Calls left this minute.
        public var requestsLeft: Int?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - requestsMade: Calls made this minute.
        ///   - requestsLeft: Calls left this minute.
        public init(
            requestsMade: Int? = nil,
            requestsLeft: Int? = nil
        ) {
            self.requestsMade = requestsMade
            self.requestsLeft = requestsLeft
        }

        enum CodingKeys: String, CodingKey {
            case requestsMade = "requests_made"
            case requestsLeft = "requests_left"
        }
    }

    /// Credits of the current day (`current_day`).
    public struct Day: Codable, Sendable, Hashable {
        /// Credits used in the period.
        public var creditsUsed: Int?

        /// Credits left in the period.
        public var creditsLeft: Int?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - creditsUsed: Credits used in the period.
        ///   - creditsLeft: Credits left in the period.
        public init(
            creditsUsed: Int? = nil,
            creditsLeft: Int? = nil
        ) {
            self.creditsUsed = creditsUsed
            self.creditsLeft = creditsLeft
        }

        enum CodingKeys: String, CodingKey {
            case creditsUsed = "credits_used"
            case creditsLeft = "credits_left"
        }
    }

    /// Credits of the current month (`current_month`).
    public struct Month: Codable, Sendable, Hashable {
        /// Credits used in the period.
        public var creditsUsed: Int?

        /// Credits left in the period.
        public var creditsLeft: Int?

        /// Creates a value; every field but the required ones defaults to `nil`.
        ///
        /// - Parameters:
        ///   - creditsUsed: Credits used in the period.
        ///   - creditsLeft: Credits left in the period.
        public init(
            creditsUsed: Int? = nil,
            creditsLeft: Int? = nil
        ) {
            self.creditsUsed = creditsUsed
            self.creditsLeft = creditsLeft
        }

        enum CodingKeys: String, CodingKey {
            case creditsUsed = "credits_used"
            case creditsLeft = "credits_left"
        }
    }
}

extension KeyInfo.Plan {
    /// Decodes plan limits tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            creditLimitDaily: try container.lenientInt(forKey: .creditLimitDaily),
            creditLimitDailyReset: try container.lenientString(forKey: .creditLimitDailyReset),
            creditLimitDailyResetTimestamp: try container.lenientString(forKey: .creditLimitDailyResetTimestamp),
            creditLimitMonthly: try container.lenientInt(forKey: .creditLimitMonthly),
            creditLimitMonthlyReset: try container.lenientString(forKey: .creditLimitMonthlyReset),
            creditLimitMonthlyResetTimestamp: try container.lenientString(forKey: .creditLimitMonthlyResetTimestamp),
            rateLimitMinute: try container.lenientInt(forKey: .rateLimitMinute)
        )
    }
}

extension KeyInfo.Usage {
    /// Decodes usage counters tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            currentMinute: try container.decodeIfPresent(Minute.self, forKey: .currentMinute),
            currentDay: try container.decodeIfPresent(Day.self, forKey: .currentDay),
            currentMonth: try container.decodeIfPresent(Month.self, forKey: .currentMonth)
        )
    }
}

extension KeyInfo.Usage.Minute {
    /// Decodes minute counters tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            requestsMade: try container.lenientInt(forKey: .requestsMade),
            requestsLeft: try container.lenientInt(forKey: .requestsLeft)
        )
    }
}

extension KeyInfo.Usage.Day {
    /// Decodes day credits tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            creditsUsed: try container.lenientInt(forKey: .creditsUsed),
            creditsLeft: try container.lenientInt(forKey: .creditsLeft)
        )
    }
}

extension KeyInfo.Usage.Month {
    /// Decodes month credits tolerantly.
    ///
    /// - Throws: `DecodingError` when a field has a type that cannot be converted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            creditsUsed: try container.lenientInt(forKey: .creditsUsed),
            creditsLeft: try container.lenientInt(forKey: .creditsLeft)
        )
    }
}
