/// The image formats a logo may be in, recognized by their first bytes.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    /// `89 50 4E 47 0D 0A 1A 0A`.
    case png
    /// `FF D8 FF`.
    case jpeg
    /// `GIF87a` or `GIF89a`.
    case gif
    /// `RIFF` + 4 length bytes + `WEBP`.
    case webp

    /// The media type to serve it with: `image/png`, `image/jpeg`, `image/gif` or `image/webp`.
    public var contentType: String { "image/" + rawValue }

    /// The fewest bytes ``sniff(_:)`` needs to recognize every format.
    public static let sniffLength = 12

    /// Recognizes an image by its magic bytes.
    ///
    /// HTML, JSON, text and anything else return `nil`, as does a prefix too short to decide.
    ///
    /// - Parameter bytes: The start of the body (at least ``sniffLength`` bytes for WebP).
    /// - Returns: The format, or `nil`.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        let head = Array(bytes.prefix(sniffLength))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return .gif }
        if head.count >= 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) {
            return .webp
        }
        return nil
    }
}
