import Foundation

extension FaultRule {
    /// Parses the command-line form `KIND[:COUNT][:PERCENT%][@PATH_PREFIX]`.
    ///
    /// `KIND` is a ``Kind`` raw value (case-insensitive), `COUNT` a whole number of times, `PERCENT%` the
    /// share of matching requests, and `PATH_PREFIX` a path starting with `/`. Examples:
    /// `serverError:3@/v1/cryptocurrency/listings/latest`, `drop:10%`, `stall`, `truncate:1@/static`.
    ///
    /// - Throws: ``EmulatorConfigurationError`` explaining what is wrong with the text.
    public init(specification: String) throws(EmulatorConfigurationError) {
        var text = Substring(specification.trimmingCharacters(in: .whitespaces))
        var pathPrefix: String?
        if let at = text.firstIndex(of: "@") {
            pathPrefix = String(text[text.index(after: at)...])
            text = text[..<at]
            if pathPrefix?.isEmpty ?? true {
                throw .invalid("fault \"\(specification)\": empty path prefix after \"@\"")
            }
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard let kindText = parts.first, !kindText.isEmpty else {
            throw .invalid("fault \"\(specification)\": missing kind; expected KIND[:COUNT][:PERCENT%][@PATH_PREFIX]")
        }
        guard let kind = Kind.allCases.first(where: { $0.rawValue.lowercased() == kindText.lowercased() }) else {
            let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid("fault \"\(specification)\": unknown kind \"\(kindText)\"; known kinds: \(known)")
        }
        var count: Int?
        var share: Double?
        for part in parts.dropFirst() {
            if part.hasSuffix("%") {
                guard share == nil, let percent = Double(part.dropLast()), (0...100).contains(percent) else {
                    throw .invalid("fault \"\(specification)\": \"\(part)\" is not a percentage within 0%...100%")
                }
                share = percent / 100
            } else {
                guard count == nil, let value = Int(part), value >= 0 else {
                    throw .invalid("fault \"\(specification)\": \"\(part)\" is not a count (a whole number ≥ 0)")
                }
                count = value
            }
        }
        self.init(kind: kind, pathPrefix: pathPrefix, count: count, share: share)
        try validate()
    }
}
