import Foundation
import Hummingbird
import NIOCore

extension EmulatorResponder {
    typealias Prepare = (EndpointRequest) throws(APIError) -> PreparedAnswer

    /// The data endpoints; `/v1/key/info` is answered separately because it reads the live counters.
    static func endpoint(for path: String) -> Prepare? {
        switch path {
        case ListingsEndpoint.path: ListingsEndpoint.prepare
        case InfoEndpoint.path: InfoEndpoint.prepare
        case QuotesEndpoint.path: QuotesEndpoint.prepare
        case MapEndpoint.path: MapEndpoint.prepare
        case FiatMapEndpoint.path: FiatMapEndpoint.prepare
        case GlobalMetricsEndpoint.path: GlobalMetricsEndpoint.prepare
        default: nil
        }
    }

    /// Answers an API call: unknown path, key, minute limit (all decided on arrival), latency, plan,
    /// validation, credit caps, then the data.
    func apiAnswer(request: Request, arrival: Date) async throws -> HTTPAnswer {
        let configuration = engine.configuration
        let gzip = HTTPAnswer.acceptsGzip(request.headers[.acceptEncoding])
        let query = QueryParameters(query: request.uri.query)
        let path = request.uri.path
        let isKeyInfo = path == KeyInfoEndpoint.path
        let prepare = Self.endpoint(for: path)
        let denied = configuration.plan.deniedEndpoints.contains(path)
        let known = request.method == .get && (prepare != nil || isKeyInfo || denied)

        var refusal: APIError?
        if !known {
            refusal = .notFound
        } else if let key = Self.apiKey(request: request, query: query) {
            if key != configuration.apiKey { refusal = .keyInvalid }
        } else {
            refusal = .keyMissing
        }
        if refusal == nil, !(await engine.ledger.admit(at: arrival)) {
            refusal = .minuteRateLimit
            await engine.stats.rateLimited()
        }
        try await pause(configuration.apiLatency)
        let started = ContinuousClock.now
        if let refusal { return errorAnswer(refusal, gzip: gzip) }
        if denied { return errorAnswer(.planNotAuthorized, gzip: gzip) }

        if isKeyInfo {
            let usage = await engine.ledger.usage(at: arrival)
            var data = JSONWriter(capacity: 1024)
            KeyInfoEndpoint.write(
                &data,
                plan: configuration.plan,
                usage: usage,
                nowMilliseconds: KeyLedger.milliseconds(arrival)
            )
            return successAnswer(data.bytes, credits: 0, notice: nil, totalCount: nil, started: started, gzip: gzip)
        }
        guard let prepare else { return errorAnswer(.notFound, gzip: gzip) }

        let snapshot = await engine.snapshots.snapshot(window: engine.window(at: arrival))
        let endpointRequest = EndpointRequest(
            query: query,
            universe: engine.universe,
            snapshot: snapshot,
            plan: configuration.plan,
            maxIDsPerRequest: configuration.maxIDsPerRequest,
            logoBase: await base(for: request),
            hostileLogos: engine.hostileByID
        )
        let prepared: PreparedAnswer
        do {
            prepared = try prepare(endpointRequest)
        } catch {
            return errorAnswer(error, gzip: gzip)
        }
        switch await engine.ledger.charge(prepared.credits, at: arrival) {
        case .dailyLimitReached:
            await engine.stats.rateLimited()
            return errorAnswer(.dailyRateLimit, gzip: gzip)
        case .monthlyLimitReached:
            await engine.stats.rateLimited()
            return errorAnswer(.monthlyRateLimit, gzip: gzip)
        case .charged(let notice):
            await engine.stats.charged(prepared.credits)
            var data = JSONWriter(capacity: 64 * 1024)
            prepared.write(&data)
            return successAnswer(
                data.bytes,
                credits: prepared.credits,
                notice: notice,
                totalCount: prepared.totalCount,
                started: started,
                gzip: gzip
            )
        }
    }

    /// The key from `X-CMC_PRO_API_KEY`, else from the `CMC_PRO_API_KEY` query parameter.
    static func apiKey(request: Request, query: QueryParameters) -> String? {
        for field in request.headers where field.name.canonicalName == "x-cmc_pro_api_key" {
            return field.value
        }
        return query["CMC_PRO_API_KEY"]
    }

    func errorAnswer(_ error: APIError, gzip: Bool) -> HTTPAnswer {
        let json = Envelope.error(error, timestampMilliseconds: nowMilliseconds(), elapsed: 0)
        return .json(
            status: error.httpStatus,
            json: json,
            acceptsGzip: gzip,
            retryAfterSeconds: engine.configuration.retryAfterSeconds
        )
    }

    private func successAnswer(
        _ data: [UInt8],
        credits: Int,
        notice: String?,
        totalCount: Int?,
        started: ContinuousClock.Instant,
        gzip: Bool
    ) -> HTTPAnswer {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        )
        let json = Envelope.success(
            data: data,
            timestampMilliseconds: nowMilliseconds(),
            elapsed: milliseconds,
            credits: credits,
            notice: notice,
            totalCount: totalCount
        )
        return .json(status: 200, json: json, acceptsGzip: gzip)
    }

    func nowMilliseconds() -> Int64 {
        KeyLedger.milliseconds(engine.configuration.now())
    }
}
