import CompressNIO
import NIOCore

/// Writes 8-bit RGBA PNG files: signature, IHDR, one zlib-compressed IDAT, IEND, each chunk with its CRC.
enum PNGEncoder {
    enum EncodingError: Error {
        case compressionFailed(String)
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes `rgba` (row-major, 4 bytes per pixel, `width * height * 4` bytes).
    static func encode(width: Int, height: Int, rgba: [UInt8]) throws -> [UInt8] {
        precondition(rgba.count == width * height * 4, "RGBA buffer does not match the image size")
        var raw = ByteBuffer()
        raw.reserveCapacity(height * (width * 4 + 1))
        for row in 0..<height {
            raw.writeInteger(UInt8(0))  // filter type None
            let start = row * width * 4
            raw.writeBytes(rgba[start..<(start + width * 4)])
        }
        let compressed: ByteBuffer
        do {
            compressed = try raw.compress(with: .zlib(configuration: .init(windowSize: 15, compressionLevel: 6)))
        } catch {
            throw EncodingError.compressionFailed("\(error)")
        }

        var png = signature
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 6, 0, 0, 0]  // bit depth 8, colour type RGBA, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", Array(compressed.readableBytesView), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        png += bigEndian(crc.value)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// CRC-32 (ISO 3309 / PNG), table-driven.
struct CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private var crc: UInt32 = 0xFFFF_FFFF

    mutating func update(_ bytes: [UInt8]) {
        for byte in bytes {
            crc = Self.table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
    }

    var value: UInt32 { crc ^ 0xFFFF_FFFF }
}
