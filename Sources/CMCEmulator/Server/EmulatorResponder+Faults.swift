import Hummingbird
import NIOCore
import ServiceLifecycle

extension EmulatorResponder {
    /// Produces the answer of a fault that replaces the normal one (every kind but the truncations).
    ///
    /// - Throws: ``ConnectionAbandoned`` after `drop` and `stall` have closed the connection.
    func injectedFault(_ kind: FaultRule.Kind, request: Request, context: Context) async throws -> HTTPAnswer {
        let gzip = HTTPAnswer.acceptsGzip(request.headers[.acceptEncoding])
        switch kind {
        case .serverError:
            return errorAnswer(.serverFailure, gzip: gzip)
        case .badGateway:
            let body =
                "{\"statusCode\":502,\"error\":\"Bad Gateway\","
                + "\"message\":\"An invalid response was received from the upstream server\"}"
            return .plain(status: 502, contentType: HTTPAnswer.jsonContentType, text: body)
        case .htmlError:
            return .plain(
                status: 503,
                contentType: "text/html; charset=UTF-8",
                text: "<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>\n"
                    + "<body><center><h1>503 Service Temporarily Unavailable</h1></center>\n"
                    + "<hr><center>cloudflare</center></body></html>\n"
            )
        case .drop:
            // Closing an already closed channel fails harmlessly; either way nothing is sent.
            try? await context.channel.close()
            throw ConnectionAbandoned()
        case .stall:
            await Self.stall(context.channel, for: engine.configuration.stallDuration)
            throw ConnectionAbandoned()
        case .errorOn200:
            let json = Envelope.error(.serverFailure, timestampMilliseconds: nowMilliseconds(), elapsed: 0)
            return .json(status: 200, json: json, acceptsGzip: gzip)
        case .rateLimit:
            return errorAnswer(.minuteRateLimit, gzip: gzip)
        case .ipRateLimit:
            return errorAnswer(.ipRateLimit, gzip: gzip)
        case .dailyLimit:
            return errorAnswer(.dailyRateLimit, gzip: gzip)
        case .monthlyLimit:
            return errorAnswer(.monthlyRateLimit, gzip: gzip)
        case .truncate, .truncateJSON:
            return errorAnswer(.serverFailure, gzip: gzip)
        }
    }

    /// Applies `truncate` or `truncateJSON` to an answer produced normally.
    func mangled(
        _ answer: HTTPAnswer,
        fault: FaultRule.Kind,
        context: Context,
        method: String,
        statsPath: String,
        isLogo: Bool
    ) async throws -> Response {
        if fault == .truncateJSON, answer.stream == nil {
            var cut: HTTPAnswer
            if let json = answer.json {
                cut = HTTPAnswer.json(
                    status: answer.status,
                    json: Array(json.prefix(json.count / 2)),
                    acceptsGzip: answer.acceptsGzip
                )
            } else {
                cut = answer
                cut.body =
                    answer.body.getSlice(at: answer.body.readerIndex, length: answer.body.readableBytes / 2)
                    ?? ByteBuffer()
            }
            return await finish(cut, method: method, statsPath: statsPath, isLogo: isLogo)
        }
        if answer.stream != nil { return await finish(answer, method: method, statsPath: statsPath, isLogo: isLogo) }
        // truncate: announce the full length, send half, close.
        let full = answer.body.readableBytes
        let half = answer.body.getSlice(at: answer.body.readerIndex, length: full / 2) ?? ByteBuffer()
        await engine.stats.answered(method: method, path: statsPath, status: answer.status)
        if isLogo {
            await engine.stats.logoBody(bytes: half.readableBytes)
        } else {
            await engine.stats.apiBody(bytes: half.readableBytes, gzip: answer.gzip)
        }
        let channel = context.channel
        var headers = answer.headers
        headers[.contentLength] = String(full)
        let body = ResponseBody(contentLength: full) { writer in
            try await writer.write(half)
            // Give the half body time to leave the socket; cancellation or a closed channel changes nothing.
            try? await Task.sleep(for: .milliseconds(50))
            try? await channel.close()
            throw ConnectionAbandoned()
        }
        return Response(status: .init(code: answer.status), headers: headers, body: body)
    }

    /// Keeps a connection silent until `duration` passes, the client hangs up or the server shuts down,
    /// then closes it.
    static func stall(_ channel: any Channel, for duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
            }
            group.addTask {
                try? await channel.closeFuture.get()
            }
            await group.next()
            group.cancelAll()
            channel.close(promise: nil)
        }
    }
}
