// Tolerant field readers shared by every model (cmc-api.md §3, §8).
//
// The rule they implement: a missing key or a JSON `null` reads as `nil`; a value of a known alternative
// form (a number sent as a numeric string, a 0/1 flag sent as a boolean, an integral float) is converted;
// any other value is a decoding error whose message names what was expected and what was found, so the
// item it belongs to becomes a diagnostic instead of being silently emptied.
//
// The fast path is the plain `decodeIfPresent`; the alternatives are only tried after it failed.

extension KeyedDecodingContainer {
    /// A number sent as an integer literal, a float literal or a numeric string; `nil` when missing or null.
    func lenientDouble(forKey key: Key) throws -> Double? {
        do {
            return try decodeIfPresent(Double.self, forKey: key)
        } catch let error as DecodingError {
            // Probing the alternative forms: their own failures carry no information beyond `error`.
            if let text = try? decode(String.self, forKey: key), let value = LenientNumber.double(from: text) {
                return value
            }
            throw mismatch(
                Double.self,
                forKey: key,
                expected: "a number (an integer or float literal, or a numeric string)",
                underlying: error
            )
        }
    }

    /// An integer sent as an integer literal, an integral float, a numeric string or a boolean (as 0/1).
    func lenientInt(forKey key: Key) throws -> Int? {
        do {
            return try decodeIfPresent(Int.self, forKey: key)
        } catch let error as DecodingError {
            // Probing the alternative forms: their own failures carry no information beyond `error`.
            if let value = try? decode(Double.self, forKey: key), let integer = LenientNumber.exactInt(value) {
                return integer
            }
            if let flag = try? decode(Bool.self, forKey: key) {
                return flag ? 1 : 0
            }
            if let text = try? decode(String.self, forKey: key), let integer = LenientNumber.int(from: text) {
                return integer
            }
            throw mismatch(
                Int.self,
                forKey: key,
                expected: "an integer (an integer literal, an integral number, a numeric string or a boolean)",
                underlying: error
            )
        }
    }

    /// A required integer (see ``lenientInt(forKey:)``): missing and null are errors.
    func lenientRequiredInt(forKey key: Key) throws -> Int {
        guard contains(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Required key is missing.")
            )
        }
        guard let value = try lenientInt(forKey: key) else {
            throw DecodingError.valueNotFound(
                Int.self,
                DecodingError.Context(
                    codingPath: codingPath + [key],
                    debugDescription: "Expected an integer but found null."
                )
            )
        }
        return value
    }

    /// A boolean sent as `true`/`false`, the integers 0/1, or the strings "true"/"false"/"0"/"1".
    func lenientBool(forKey key: Key) throws -> Bool? {
        do {
            return try decodeIfPresent(Bool.self, forKey: key)
        } catch let error as DecodingError {
            // Probing the alternative forms: their own failures carry no information beyond `error`.
            if let value = try? decode(Int.self, forKey: key), value == 0 || value == 1 {
                return value == 1
            }
            if let text = try? decode(String.self, forKey: key) {
                switch text.lowercased() {
                case "true", "1": return true
                case "false", "0": return false
                default: break
                }
            }
            throw mismatch(
                Bool.self,
                forKey: key,
                expected: "a boolean (true/false, or 0/1)",
                underlying: error
            )
        }
    }

    /// A string; `nil` when missing or null. Other JSON types are errors.
    func lenientString(forKey key: Key) throws -> String? {
        do {
            return try decodeIfPresent(String.self, forKey: key)
        } catch let error as DecodingError {
            throw mismatch(String.self, forKey: key, expected: "a string", underlying: error)
        }
    }

    /// An array of strings; `nil` when missing or null. Other JSON types, and non-string elements, are errors.
    func lenientStrings(forKey key: Key) throws -> [String]? {
        do {
            return try decodeIfPresent([String].self, forKey: key)
        } catch let error as DecodingError {
            throw mismatch([String].self, forKey: key, expected: "an array of strings", underlying: error)
        }
    }

    // MARK: - Errors

    /// A type mismatch for `key` that says what was expected and describes the value that was found.
    ///
    /// Errors from deeper inside the value (a nested object) are passed through unchanged, since their
    /// coding path already points at the offending field.
    private func mismatch<T>(
        _ type: T.Type,
        forKey key: Key,
        expected: String,
        underlying: DecodingError
    ) -> DecodingError {
        if let path = underlying.codingPath, path.count > codingPath.count + 1 {
            return underlying
        }
        return DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: codingPath + [key],
                debugDescription: "Expected \(expected) but found \(describeValue(forKey: key)).",
                underlyingError: underlying
            )
        )
    }

    /// A short description of the JSON value stored under `key`, for error messages.
    func describeValue(forKey key: Key) -> String {
        // Each probe fails on the other JSON types; only the first success matters.
        if (try? decodeNil(forKey: key)) == true {
            return "null"
        }
        if let text = try? decode(String.self, forKey: key) {
            return "the string \(quoted(text))"
        }
        if let flag = try? decode(Bool.self, forKey: key) {
            return "the boolean \(flag)"
        }
        if let number = try? decode(Double.self, forKey: key) {
            return "the number \(number)"
        }
        if (try? nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)) != nil {
            return "an object"
        }
        if (try? nestedUnkeyedContainer(forKey: key)) != nil {
            return "an array"
        }
        return "an unreadable value"
    }
}

/// `text` in double quotes, shortened to 60 characters, for error messages.
private func quoted(_ text: String) -> String {
    let limit = 60
    let shown = text.count > limit ? text.prefix(limit) + "…" : Substring(text)
    return "\"" + shown + "\""
}

extension DecodingError {
    /// The coding path stored in the error's context, when it has one.
    var codingPath: [any CodingKey]? {
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath
        case .keyNotFound(_, let context):
            return context.codingPath
        @unknown default:
            return nil
        }
    }
}

extension KeyedDecodingContainer {
    /// An object of string arrays (info `urls`); `nil` when missing or null, `null` members are dropped.
    func lenientURLs(forKey key: Key) throws -> [String: [String]]? {
        try decodeIfPresent([String: [String]?].self, forKey: key)?.compactMapValues { $0 }
    }
}
