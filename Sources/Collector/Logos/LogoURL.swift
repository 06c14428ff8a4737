import Foundation

/// Helpers for CMC logo URLs.
public enum LogoURL {
    /// The logo sizes CMC serves, in pixels.
    public static let sizes = [16, 32, 64, 128, 200]

    /// The same logo at another size: the `64x64` path segment becomes `NxN`.
    ///
    /// CMC's info endpoint returns `…/static/img/coins/64x64/<id>.png`; the other sizes live at the same
    /// path with `16x16`, `32x32`, `128x128` or `200x200`. Only a whole path segment `64x64` (before any
    /// query or fragment) is replaced; a URL without one is returned unchanged, as is any URL when
    /// `size` is not positive.
    ///
    /// - Parameters:
    ///   - url: The logo URL as the API sent it.
    ///   - size: The wanted edge in pixels.
    /// - Returns: The URL for that size.
    public static func resized(_ url: String, to size: Int) -> String {
        guard size > 0, size != 64 else { return url }
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let head = url[..<end]
        guard let schemeEnd = head.range(of: "://") else { return url }
        let afterAuthority = head[schemeEnd.upperBound...].firstIndex(of: "/") ?? head.endIndex
        var segments = head[afterAuthority...].split(separator: "/", omittingEmptySubsequences: false)
        guard let index = segments.firstIndex(of: "64x64") else { return url }
        segments[index] = "\(size)x\(size)"
        return String(head[..<afterAuthority]) + segments.joined(separator: "/") + String(url[end...])
    }
}
