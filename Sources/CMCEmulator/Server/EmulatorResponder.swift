import Foundation
import Hummingbird
import NIOCore

/// Thrown after the emulator has closed a connection on purpose (`drop`, `stall`, `truncate`), so that
/// Hummingbird gives up on the request without writing anything.
struct ConnectionAbandoned: Error {}

/// Routes every request: `/__stats`, logos and hostile logo routes, and the API.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    let engine: EmulatorEngine

    func respond(to request: Request, context: Context) async throws -> Response {
        let arrival = engine.configuration.now()
        let path = request.uri.path
        if path == "/__stats" || path == "/__stats/reset" {
            return await statsResponse(request: request, path: path)
        }
        let isLogo = Self.isLogoPath(path)
        let statsPath = isLogo ? Self.logoStatsPath(path) : path
        let method = request.method.rawValue
        await engine.stats.arrived(area: isLogo ? .logo : .api, path: statsPath, connection: context.connectionKey)

        if request.uri.string.utf8.count > engine.configuration.maxRequestTargetLength {
            try await pause(isLogo ? engine.configuration.logoLatency : engine.configuration.apiLatency)
            let answer = HTTPAnswer.plain(
                status: 414,
                contentType: "text/html",
                text: "<html>\r\n<head><title>414 Request-URI Too Large</title></head>\r\n<body>\r\n"
                    + "<center><h1>414 Request-URI Too Large</h1></center>\r\n</body>\r\n</html>\r\n"
            )
            return await finish(answer, method: method, statsPath: statsPath, isLogo: isLogo)
        }

        let fault = await engine.faults.decide(path: path, isAPIPath: !isLogo)
        if let fault, fault != .truncate, fault != .truncateJSON {
            await engine.stats.fault(fault)
            // The call reached the server: it counts against the key's window, as CMC may count it.
            if !isLogo { _ = await engine.ledger.admit(at: arrival) }
            try await pause(isLogo ? engine.configuration.logoLatency : engine.configuration.apiLatency)
            let answer = try await injectedFault(fault, request: request, context: context)
            return await finish(answer, method: method, statsPath: statsPath, isLogo: isLogo)
        }
        let answer =
            isLogo
            ? try await logoAnswer(request: request, path: path)
            : try await apiAnswer(request: request, arrival: arrival)
        if let fault {
            await engine.stats.fault(fault)
            return try await mangled(
                answer,
                fault: fault,
                context: context,
                method: method,
                statsPath: statsPath,
                isLogo: isLogo
            )
        }
        return await finish(answer, method: method, statsPath: statsPath, isLogo: isLogo)
    }

    // MARK: - Helpers

    /// Records the answer and turns it into a response.
    func finish(_ answer: HTTPAnswer, method: String, statsPath: String, isLogo: Bool) async -> Response {
        await engine.stats.answered(method: method, path: statsPath, status: answer.status)
        if isLogo {
            await engine.stats.logoBody(bytes: answer.body.readableBytes)
        } else {
            await engine.stats.apiBody(bytes: answer.body.readableBytes, gzip: answer.gzip)
        }
        return answer.response
    }

    func pause(_ duration: Duration) async throws {
        if duration > .zero { try await Task.sleep(for: duration) }
    }

    /// `http://host:port` as the client addressed us (the `Host` header), else the bound address.
    func base(for request: Request) async -> String {
        if let authority = request.head.authority, !authority.isEmpty { return "http://\(authority)" }
        return "http://\(await engine.boundAddress.value())"
    }

    static func isLogoPath(_ path: String) -> Bool {
        path.hasPrefix("/static/") || path.hasPrefix("/__hostile/")
    }

    /// Groups logo paths per size and per hostile route so that statistics stay small.
    static func logoStatsPath(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/static/img/coins/"), parts.count == 6 {
            return "/static/img/coins/\(parts[4])/{id}.png"
        }
        if path.hasPrefix("/__hostile/"), parts.count >= 3 {
            return "/__hostile/\(parts[2])"
        }
        return path
    }

    private func statsResponse(request: Request, path: String) async -> Response {
        if path == "/__stats/reset" {
            guard request.method == .post else { return Response(status: .methodNotAllowed) }
            await engine.stats.reset()
            return Response(status: .noContent)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let stats = await engine.stats.snapshot()
        guard let data = try? encoder.encode(stats) else { return Response(status: .internalServerError) }
        var headers = HTTPFields()
        headers[.contentType] = HTTPAnswer.jsonContentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
