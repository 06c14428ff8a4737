import Foundation

/// Paints a deterministic, recognisable coin logo: a shaded disc in a colour derived from the coin id,
/// with a ring and a stripe pattern chosen by id, on a transparent background.
enum LogoPainter {
    static let sizes: Set<Int> = [16, 32, 64, 128, 200]

    static func rgba(id: Int, size: Int) -> [UInt8] {
        let h = Mix.hash(UInt64(bitPattern: Int64(id)), 0x10605)
        let hue = Double(h % 360) / 360
        let (r, g, b) = hsv(hue, 0.65, 0.9)
        let (r2, g2, b2) = hsv((hue + 0.5).truncatingRemainder(dividingBy: 1), 0.5, 1)
        let stripes = Int(h >> 12 % 4) + 2
        let angle = Double(h >> 20 % 180) * Double.pi / 180
        var pixels = [UInt8](repeating: 0, count: size * size * 4)
        let centre = Double(size - 1) / 2
        let radius = Double(size) / 2 - 0.5
        for y in 0..<size {
            for x in 0..<size {
                let dx = Double(x) - centre
                let dy = Double(y) - centre
                let distance = (dx * dx + dy * dy).squareRoot()
                guard distance <= radius else { continue }
                let offset = (y * size + x) * 4
                let shade = 1 - 0.35 * distance / radius
                let ring = distance > radius * 0.78 && distance < radius * 0.9
                let along = (dx * cos(angle) + dy * sin(angle)) / radius
                let stripe = Int(((along + 1) * Double(stripes)).rounded(.down)) % 2 == 0 && distance < radius * 0.7
                let (cr, cg, cb) = ring || stripe ? (r2, g2, b2) : (r, g, b)
                pixels[offset] = UInt8(min(255, cr * shade * 255))
                pixels[offset + 1] = UInt8(min(255, cg * shade * 255))
                pixels[offset + 2] = UInt8(min(255, cb * shade * 255))
                pixels[offset + 3] = distance > radius - 1 ? 160 : 255
            }
        }
        return pixels
    }

    private static func hsv(_ h: Double, _ s: Double, _ v: Double) -> (Double, Double, Double) {
        let i = Int(h * 6) % 6
        let f = h * 6 - Double(Int(h * 6))
        let p = v * (1 - s)
        let q = v * (1 - f * s)
        let t = v * (1 - (1 - f) * s)
        switch i {
        case 0: return (v, t, p)
        case 1: return (q, v, p)
        case 2: return (p, v, t)
        case 3: return (p, q, v)
        case 4: return (t, p, v)
        default: return (v, p, q)
        }
    }
}
