/// Builds the `logo` URL info returns for a coin, hostile or not.
enum LogoURL {
    static let traversalFileName = "..%2F..%2Fescape.png"

    /// - Parameters:
    ///   - base: `http://host:port` as the client reached the emulator.
    static func forCoin(id: Int, base: String, hostile: HostileLogoKind?, size: Int = 64) -> String {
        let ordinary = "\(base)/static/img/coins/\(size)x\(size)/\(id).png"
        guard let hostile else { return ordinary }
        switch hostile {
        case .notFound, .htmlBody, .endlessBody, .hugeBody:
            return ordinary
        case .traversalName:
            return "\(base)/static/img/coins/\(size)x\(size)/\(traversalFileName)"
        case .queryAndFragment:
            return ordinary + "?x=../../y#frag"
        case .redirectLoop:
            return "\(base)/__hostile/redirect-loop/\(id)/0.png"
        case .redirectToLinkLocal:
            return "\(base)/__hostile/link-local/\(id).png"
        case .redirectToOtherHost:
            return "\(base)/__hostile/other-host/\(id).png"
        case .unresolvableHost:
            return "http://logos.invalid/static/img/coins/\(size)x\(size)/\(id).png"
        case .unsupportedScheme:
            return "file:///etc/passwd"
        }
    }
}
