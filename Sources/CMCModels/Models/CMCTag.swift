/// A coin tag: a plain slug (`"defi"`, as in listings and info) or a full object (as in v2 quotes and v3).
///
/// Decodes from either `"defi"` or `{"slug": "defi", "name": "DeFi", "category": "INDUSTRY"}`. A tag with
/// only a slug encodes back as a plain string, a tag with a name or category as an object.
public struct CMCTag: Codable, Sendable, Hashable, ExpressibleByStringLiteral {
    /// The tag's identifier, e.g. `store-of-value`.
    public var slug: String

    /// The display name, e.g. `Store Of Value`; only in the object form.
    public var name: String?

    /// The tag group, e.g. `CATEGORY`, `ALGORITHM`, `OTHERS`; only in the object form.
    public var category: String?

    /// Creates a tag.
    ///
    /// - Parameters:
    ///   - slug: The tag's identifier.
    ///   - name: The display name.
    ///   - category: The tag group.
    public init(slug: String, name: String? = nil, category: String? = nil) {
        self.slug = slug
        self.name = name
        self.category = category
    }

    /// Creates a slug-only tag from a string literal.
    ///
    /// - Parameter value: The slug.
    public init(stringLiteral value: String) {
        self.init(slug: value)
    }

    enum CodingKeys: String, CodingKey {
        case slug
        case name
        case category
    }

    /// Decodes a tag from a string or a `{slug,name,category}` object.
    ///
    /// - Throws: `DecodingError` when the value is neither, or the object has no string `slug`.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        // Probing the string form; when it fails, the object form below reports the error.
        if let slug = try? single.decode(String.self) {
            self.init(slug: slug)
            return
        }
        let container: KeyedDecodingContainer<CodingKeys>
        do {
            container = try decoder.container(keyedBy: CodingKeys.self)
        } catch let error as DecodingError {
            throw DecodingError.typeMismatch(
                CMCTag.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "Expected a tag string or a {slug, name, category} object.",
                    underlyingError: error
                )
            )
        }
        guard let slug = try container.lenientString(forKey: .slug) else {
            throw DecodingError.keyNotFound(
                CodingKeys.slug,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "A tag object needs a slug.")
            )
        }
        self.init(
            slug: slug,
            name: try container.lenientString(forKey: .name),
            category: try container.lenientString(forKey: .category)
        )
    }

    /// Encodes a slug-only tag as a string, otherwise as an object.
    public func encode(to encoder: any Encoder) throws {
        if name == nil && category == nil {
            var single = encoder.singleValueContainer()
            try single.encode(slug)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(category, forKey: .category)
    }
}
