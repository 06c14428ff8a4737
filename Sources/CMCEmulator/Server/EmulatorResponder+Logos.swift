import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

extension EmulatorResponder {
    static let notFoundPage =
        "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
        + "</body>\r\n</html>\r\n"

    /// Answers `/static/img/coins/{S}x{S}/{id}.png` like a CDN (no key, no rate limit, validators and 304),
    /// and the hostile logo routes under `/__hostile/`.
    func logoAnswer(request: Request, path: String) async throws -> HTTPAnswer {
        try await pause(engine.configuration.logoLatency)
        guard request.method == .get else {
            return .plain(status: 405, contentType: "text/plain; charset=utf-8", text: "Method Not Allowed")
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3, parts[1] == "__hostile" {
            return await hostileRoute(parts, request: request)
        }
        guard parts.count == 6, parts[1] == "static", parts[2] == "img", parts[3] == "coins",
            let size = Self.logoSize(parts[4])
        else { return notFound() }
        let file = parts[5]
        if file == LogoURL.traversalFileName {
            await engine.stats.hostileLogo(.traversalName)
            return try await png(
                id: 0,
                size: size,
                lastModified: Universe.referenceMilliseconds / 1000,
                request: request
            )
        }
        guard file.hasSuffix(".png"), let id = Int(file.dropLast(4)), let index = engine.universe.indexByID[id] else {
            return notFound()
        }
        let lastModified = (engine.universe.coins[index].dateAdded ?? Universe.referenceMilliseconds) / 1000
        if let kind = engine.hostileByID[id] {
            switch kind {
            case .notFound:
                await engine.stats.hostileLogo(kind)
                return notFound()
            case .htmlBody:
                await engine.stats.hostileLogo(kind)
                return .plain(
                    status: 200,
                    contentType: "text/html; charset=utf-8",
                    text: "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                        + "<body><h1>Checking your browser</h1><script>location.reload()</script></body></html>"
                )
            case .endlessBody:
                await engine.stats.hostileLogo(kind)
                return junkStream(length: nil)
            case .hugeBody:
                await engine.stats.hostileLogo(kind)
                return junkStream(length: 50_000_000)
            case .queryAndFragment:
                if request.uri.query != nil { await engine.stats.hostileLogo(kind) }
            default:
                break
            }
        }
        return try await png(id: id, size: size, lastModified: lastModified, request: request)
    }

    static func logoSize(_ text: String) -> Int? {
        let sides = text.split(separator: "x")
        guard sides.count == 2, sides[0] == sides[1], let size = Int(sides[0]), LogoPainter.sizes.contains(size) else {
            return nil
        }
        return size
    }

    private func notFound() -> HTTPAnswer {
        .plain(status: 404, contentType: "text/html", text: Self.notFoundPage)
    }

    private func png(id: Int, size: Int, lastModified: Int64, request: Request) async throws -> HTTPAnswer {
        let asset = try await engine.logos.logo(id: id, size: size, lastModifiedSeconds: lastModified)
        var headers = HTTPFields()
        headers[.eTag] = asset.etag
        headers[.lastModified] = Timestamp.httpDate(seconds: asset.lastModifiedSeconds)
        headers[.cacheControl] = "public, max-age=2592000"
        if Self.notModified(request: request, asset: asset) {
            return HTTPAnswer(status: 304, headers: headers, body: ByteBuffer())
        }
        headers[.contentType] = "image/png"
        return HTTPAnswer(status: 200, headers: headers, body: asset.body)
    }

    /// RFC 9110 §13.1: `If-None-Match` (weak comparison) wins over `If-Modified-Since`.
    static func notModified(request: Request, asset: LogoAsset) -> Bool {
        if let ifNoneMatch = request.headers[.ifNoneMatch] {
            let wanted = Self.opaqueTag(asset.etag)
            return ifNoneMatch.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingCharacters(in: .whitespaces)
                return tag == "*" || Self.opaqueTag(tag) == wanted
            }
        }
        if let ifModifiedSince = request.headers[.ifModifiedSince],
            let since = Timestamp.parseHTTPDate(ifModifiedSince)
        {
            return asset.lastModifiedSeconds <= since
        }
        return false
    }

    private static func opaqueTag(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    /// `image/png` junk, streamed in 64 KiB chunks: `length` bytes, or endless (bounded at 1 GiB) until the
    /// client hangs up or the server shuts down.
    private func junkStream(length: Int?) -> HTTPAnswer {
        var chunk = ByteBuffer(bytes: PNGEncoder.signature)
        var rng = SplitMix64(seed: 0x5EED)
        while chunk.readableBytes < 65_536 { chunk.writeInteger(rng.next()) }
        let block = chunk
        let limit = length ?? (1 << 30)
        let stats = engine.stats
        var headers = HTTPFields()
        headers[.contentType] = "image/png"
        let body = ResponseBody(contentLength: length) { writer in
            var sent = 0
            do {
                while sent < limit {
                    if length == nil, Task.isShuttingDownGracefully || Task.isCancelled { break }
                    let count = min(block.readableBytes, limit - sent)
                    try await writer.write(block.getSlice(at: block.readerIndex, length: count) ?? block)
                    sent += count
                }
            } catch {
                await stats.logoBody(bytes: sent)
                throw error
            }
            await stats.logoBody(bytes: sent)
            try await writer.finish(nil)
        }
        if let length { headers[.contentLength] = String(length) }
        return HTTPAnswer(status: 200, headers: headers, body: ByteBuffer(), stream: body)
    }

    private func hostileRoute(_ parts: [String], request: Request) async -> HTTPAnswer {
        let base = await base(for: request)
        var location: String?
        var kind: HostileLogoKind?
        switch parts[2] {
        case "redirect-loop" where parts.count == 5:
            if let id = Int(parts[3]), let step = Int(parts[4].replacingOccurrences(of: ".png", with: "")) {
                location = "\(base)/__hostile/redirect-loop/\(id)/\((step + 1) % 3).png"
                kind = .redirectLoop
            }
        case "link-local" where parts.count == 4:
            location = "http://169.254.169.254/latest/meta-data/"
            kind = .redirectToLinkLocal
        case "other-host" where parts.count == 4:
            location = "https://example.com/logo.png"
            kind = .redirectToOtherHost
        default:
            break
        }
        guard let location, let kind else { return notFound() }
        await engine.stats.hostileLogo(kind)
        var answer = HTTPAnswer.plain(
            status: 302,
            contentType: "text/html",
            text: "<html><head><title>302 Found</title></head><body><center><h1>302 Found</h1></center></body></html>"
        )
        answer.headers[.location] = location
        return answer
    }
}
