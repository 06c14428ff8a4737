import CMCEmulator
import CompressNIO
import Foundation
import NIOCore
import Testing

@Suite struct LogoTests {
    @Test(arguments: [16, 32, 64, 128, 200])
    func logosAreValidPNGsOfTheRequestedSize(size: Int) async throws {
        try await withEmulatorAndClient { emulator, http async throws in
            let exchange = try await http.fetch(emulator.logoURL(coinID: 1027, size: size).absoluteString)
            #expect(exchange.status == 200)
            #expect(exchange.header("Content-Type") == "image/png")
            let image = try PNGCheck(exchange.body)
            #expect(image.width == size)
            #expect(image.height == size)
            #expect(image.colourType == 6)
            #expect(image.pixelBytes == size * (size * 4 + 1))
            let again = try await http.fetch(emulator.logoURL(coinID: 1027, size: size).absoluteString)
            #expect(again.body == exchange.body)
            let other = try await http.fetch(emulator.logoURL(coinID: 1, size: size).absoluteString)
            #expect(other.body != exchange.body)
        }
    }

    @Test func conditionalRequestsGet304() async throws {
        try await withEmulatorAndClient { emulator, http async throws in
            let url = emulator.logoURL(coinID: 1).absoluteString
            let first = try await http.fetch(url)
            let etag = try #require(first.header("ETag"))
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            let lastModified = try #require(first.header("Last-Modified"))
            #expect(lastModified.hasSuffix(" GMT"))
            #expect(first.header("Cache-Control")?.contains("max-age") == true)

            let byTag = try await http.fetch(url, headers: [("If-None-Match", etag)])
            #expect(byTag.status == 304)
            #expect(byTag.body.isEmpty)
            #expect(byTag.header("ETag") == etag)
            let weak = try await http.fetch(url, headers: [("If-None-Match", "\"other\", W/\(etag)")])
            #expect(weak.status == 304)
            let stale = try await http.fetch(url, headers: [("If-None-Match", "\"other\"")])
            #expect(stale.status == 200)
            let byDate = try await http.fetch(url, headers: [("If-Modified-Since", lastModified)])
            #expect(byDate.status == 304)
            let older = try await http.fetch(url, headers: [("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")])
            #expect(older.status == 200)
            #expect(await emulator.stats().notModified == 3)
        }
    }

    @Test func unknownIDsAndSizesAre404() async throws {
        try await withEmulatorAndClient { emulator, http async throws in
            let base = emulator.baseURL.absoluteString
            #expect(try await http.fetch(base + "/static/img/coins/64x64/99999999.png").status == 404)
            #expect(try await http.fetch(base + "/static/img/coins/48x48/1.png").status == 404)
            #expect(try await http.fetch(base + "/static/img/coins/64x32/1.png").status == 404)
            #expect(try await http.fetch(base + "/static/img/coins/64x64/1.gif").status == 404)
            let stats = await emulator.stats()
            #expect(stats.logoRequests == 4)
            #expect(stats.apiRequests == 0)
        }
    }

    @Test func logoLatencyIsApplied() async throws {
        try await withEmulatorAndClient(smallConfiguration { $0.logoLatency = .milliseconds(150) }) {
            emulator,
            http async throws in
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                _ = try await http.fetch(emulator.logoURL(coinID: 1).absoluteString)
            }
            #expect(elapsed >= .milliseconds(140))
        }
    }
}

/// A strict PNG reader: signature, chunk CRCs, IHDR, inflated IDAT size, IEND.
struct PNGCheck {
    let width: Int
    let height: Int
    let colourType: UInt8
    let pixelBytes: Int

    init(_ bytes: [UInt8]) throws {
        guard bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw TestFailure("no PNG signature")
        }
        var offset = 8
        var width = 0
        var height = 0
        var colourType: UInt8 = 0
        var idat: [UInt8] = []
        var sawEnd = false
        func uint32(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        while offset + 12 <= bytes.count {
            let length = uint32(offset)
            guard offset + 12 + length <= bytes.count else { throw TestFailure("chunk runs past the end") }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let crc = uint32(offset + 8 + length)
            guard crc == Int(Self.crc32(Array(bytes[(offset + 4)..<(offset + 8)]) + data)) else {
                throw TestFailure("bad CRC in \(type)")
            }
            switch type {
            case "IHDR":
                width = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                height = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
                colourType = data[9]
            case "IDAT": idat += data
            case "IEND": sawEnd = true
            default: break
            }
            offset += 12 + length
        }
        guard sawEnd, offset == bytes.count else { throw TestFailure("missing IEND or trailing bytes") }
        var buffer = ByteBuffer(bytes: idat)
        let inflated = try buffer.decompress(with: .zlib())
        self.width = width
        self.height = height
        self.colourType = colourType
        self.pixelBytes = inflated.readableBytes
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
