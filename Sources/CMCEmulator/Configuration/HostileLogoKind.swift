import Foundation

/// A logo URL or logo answer designed to break a careless downloader.
///
/// The coin ranked `i + 1` gets `hostileLogos[i]` (see ``EmulatorConfiguration/hostileLogos``). Kinds
/// marked "ordinary URL" keep the normal `…/static/img/coins/64x64/ID.png` URL and misbehave when fetched.
public enum HostileLogoKind: String, Sendable, CaseIterable {
    /// Ordinary URL; answers 404.
    case notFound
    /// Ordinary URL; answers 200 with a `text/html` page instead of a PNG.
    case htmlBody
    /// Ordinary URL; answers 200 `image/png` without a length and streams junk until the client hangs up
    /// (bounded at 1 GiB).
    case endlessBody
    /// Ordinary URL; answers 200 `image/png` with 50 MB of junk.
    case hugeBody
    /// `…/64x64/..%2F..%2Fescape.png`: a path-traversal file name that serves a valid PNG.
    case traversalName
    /// `…/64x64/ID.png?x=../../y#frag`: a query and fragment that must not leak into file names.
    case queryAndFragment
    /// `…/__hostile/redirect-loop/ID/0.png`: a 302 chain that loops forever.
    case redirectLoop
    /// `…/__hostile/link-local/ID.png`: a 302 to `http://169.254.169.254/latest/meta-data/`.
    case redirectToLinkLocal
    /// `…/__hostile/other-host/ID.png`: a 302 to `https://example.com/logo.png`.
    case redirectToOtherHost
    /// `http://logos.invalid/static/img/coins/64x64/ID.png`: a host that never resolves.
    case unresolvableHost
    /// `file:///etc/passwd`: a scheme no downloader should follow.
    case unsupportedScheme

    /// Parses a comma-separated list of raw values (case-insensitive), or `all` for every kind in order.
    ///
    /// - Throws: ``EmulatorConfigurationError`` naming the unknown kind.
    public static func parseList(_ text: String) throws(EmulatorConfigurationError) -> [HostileLogoKind] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "all" { return allCases }
        var kinds: [HostileLogoKind] = []
        for item in trimmed.split(separator: ",") {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard let kind = allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalid("unknown hostile logo kind \"\(name)\"; known kinds: \(known), or all")
            }
            kinds.append(kind)
        }
        return kinds
    }
}
