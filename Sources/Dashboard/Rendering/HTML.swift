import Foundation

/// Escaping and link checks for text that came from the API: every name, description, URL and tag is
/// untrusted and passes through here before it reaches a page.
enum HTML {
    /// `text` with `& < > " '` replaced by entities: safe in element content and in double- or
    /// single-quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\0": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An escaped optional: `—` for `nil` or empty text.
    static func escape(_ text: String?, placeholder: String = "—") -> String {
        guard let text, !text.isEmpty else { return placeholder }
        return escape(text)
    }

    /// `text` when it is an absolute `http` or `https` URL with a host, else `nil`: only such URLs become
    /// links (`javascript:`, `data:`, relative and malformed URLs are shown as text).
    static func webURL(_ text: String) -> URL? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed == text, !text.isEmpty, text.count <= 2048,
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host(), !host.isEmpty
        else { return nil }
        return url
    }

    /// An external link when `url` is http(s), else the escaped text in a `<span>`.
    ///
    /// - Parameters:
    ///   - url: The untrusted URL.
    ///   - label: The untrusted label; the URL itself when `nil`.
    static func externalLink(_ url: String, label: String? = nil) -> String {
        let shown = escape(label ?? url)
        guard webURL(url) != nil else {
            return "<span class=\"unlinked\" title=\"not an http(s) link\">\(shown)</span>"
        }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">\(shown)</a>"
    }

    /// A query string from pairs, each part percent-encoded (for links the pages build).
    static func query(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let parts = pairs.map { key, value in
            let k = key.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            let v = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(k)=\(v)"
        }
        return "?" + parts.joined(separator: "&")
    }
}
