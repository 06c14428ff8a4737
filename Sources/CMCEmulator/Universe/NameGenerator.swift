/// Made-up but plausible coin names, symbols and slugs.
enum NameGenerator {
    static let stems = [
        "Aether", "Nova", "Quanta", "Zen", "Lumen", "Orbit", "Hyper", "Meta", "Sola", "Terra", "Astro", "Byte",
        "Crypto", "Doge", "Floki", "Pepe", "Shiba", "Moon", "Star", "Vela", "Kira", "Neo", "Omni", "Poly", "Sky",
        "Vox", "Xeno", "Yield", "Zap", "Arc", "Bit", "Chain", "Dex", "Flux", "Gala", "Hash", "Ion", "Jet", "Kaya",
        "Lyra", "Myst", "Nex", "Onyx", "Pix", "Qubit", "Rune", "Sora", "Tidal", "Umbra", "Vertex", "Wave", "Aura",
        "Blaze", "Cobalt", "Delta", "Echo", "Fusion", "Glyph", "Helix", "Iris", "Jade", "Karma", "Lotus", "Mint",
        "Nimbus", "Opal", "Prism", "Quasar", "Radix", "Sigma", "Titan", "Unity", "Volt", "Warp", "Zephyr", "Boson",
        "Cipher", "Dyna", "Ember", "Frost", "Gravi", "Halo", "Indigo", "Kinetic", "Lambda", "Magma", "Nebula",
    ]
    static let endings = [
        "", "", "", "coin", "chain", "swap", "fi", "verse", "x", "io", "net", "dao", "ium", "bit", "pad", "link",
        "node", "ra", "ex", "ly", "za", "os", "ia", "on",
    ]
    static let words = [
        "", "", "", "", " Protocol", " Finance", " Network", " Token", " Inu", " AI", " DAO", " Swap", " Labs",
        " Chain", " Exchange", " Cash", " Gold", " World", " Bridge", " Capital", " Games", " Coin", " Pay",
    ]
    static let domains = ["io", "org", "com", "finance", "xyz", "network", "app", "fi"]

    /// A random name; the caller makes it unique.
    static func name(using rng: inout SplitMix64) -> String {
        let stem = rng.pick(stems)
        let ending = rng.pick(endings)
        let word = rng.pick(words)
        return stem + ending + word
    }

    /// A symbol derived from a name: 3–5 upper-case letters.
    static func symbol(for name: String, using rng: inout SplitMix64) -> String {
        let words = name.split(separator: " ")
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII }.map(Character.init)
        var symbol: String
        if words.count > 1, let first = words.first {
            let initials = words.dropFirst().compactMap(\.first)
            symbol = String(first.prefix(rng.int(in: 2...3))) + String(initials)
        } else {
            symbol = String(letters.prefix(rng.int(in: 3...5)))
        }
        if symbol.count < 3 { symbol += String(letters.dropFirst(symbol.count).prefix(3 - symbol.count)) }
        return symbol.uppercased()
    }

    /// A slug: lower-case ASCII letters and digits separated by single dashes.
    static func slug(for name: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "coin" : result
    }

    /// A handle for social links: the name's ASCII letters and digits.
    static func handle(for name: String) -> String {
        String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
    }
}
