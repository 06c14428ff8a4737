import Foundation

/// The content type of logo bytes, read from their magic numbers: only raster formats a browser shows
/// inertly. Anything else (SVG, HTML, a script, garbage) is refused, so a hostile "logo" is never served.
enum ImageSniffer {
    /// `image/png`, `image/jpeg`, `image/gif` or `image/webp`, or `nil` for anything else.
    static func contentType(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if bytes.count == 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        return nil
    }
}
