import NIOCore

/// One encoded logo with the validators that conditional requests compare against.
struct LogoAsset: Sendable {
    let body: ByteBuffer
    /// A strong ETag: the quoted FNV-1a 64 hash of the bytes.
    let etag: String
    let lastModifiedSeconds: Int64
}

/// Encodes logos on first use and keeps them (bounded), so repeated fetches are cheap and byte-identical.
actor LogoStore {
    private var cache: [Int: LogoAsset] = [:]
    private let capacity: Int

    init(capacity: Int = 60_000) {
        self.capacity = capacity
    }

    func logo(id: Int, size: Int, lastModifiedSeconds: Int64) throws -> LogoAsset {
        let key = id &* 1024 &+ size
        if let cached = cache[key] { return cached }
        let png = try PNGEncoder.encode(width: size, height: size, rgba: LogoPainter.rgba(id: id, size: size))
        let asset = LogoAsset(
            body: ByteBuffer(bytes: png),
            etag: "\"" + Self.fnv1a(png) + "\"",
            lastModifiedSeconds: lastModifiedSeconds
        )
        if cache.count < capacity { cache[key] = asset }
        return asset
    }

    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
