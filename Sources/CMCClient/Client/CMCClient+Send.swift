import CMCModels
import Foundation
import Logging

extension CMCClient {
    /// Sends one call, retrying and waiting as CMC's error taxonomy says, and returns the raw answer.
    ///
    /// - 1008 and 1011 (and a 429 without a code) wait until the next rate window (the next UTC minute),
    ///   or for `Retry-After` when the server sends one.
    /// - HTTP 5xx, `error_code` ≥ 500, timeouts and dropped or truncated answers back off exponentially with
    ///   jitter, bounded by ``RetryPolicy/maxAttempts`` and ``RetryPolicy/maxTotalWait``.
    /// - A connection that cannot be made (refused, unresolvable) backs off the same way, but for at most
    ///   ``RetryPolicy/maxConnectAttempts`` attempts; the error names the host and port.
    /// - A request that cannot be sent at all (a header value HTTP does not allow) fails at once, and its
    ///   error never shows the header's value.
    /// - 1009 stops with the time the daily limit resets; 1010 and 1001–1007 fail at once.
    ///
    /// Every wait is logged at `notice` level with its reason.
    ///
    /// - Throws: ``CMCError``, or `CancellationError` when the task is cancelled.
    public func sendRaw(_ endpoint: CMCEndpoint) async throws -> CMCRawResponse {
        guard let key = configuration.apiKey else {
            throw CMCError(
                code: .missingKey,
                endpoint: endpoint.path,
                message: "no API key is configured",
                hint: APIKeySource.howToProvide
            )
        }
        guard let url = endpoint.url(relativeTo: configuration.baseURL) else {
            throw CMCError(
                code: .invalidConfiguration,
                endpoint: endpoint.path,
                message: "cannot build a URL for this call"
            )
        }
        var headers: [(name: String, value: String)] = [
            (name: "Accept", value: "application/json"),
            (name: "User-Agent", value: configuration.userAgent),
            (name: APIKey.headerName, value: key.secret),
        ]
        if configuration.acceptGzip { headers.append((name: "Accept-Encoding", value: "deflate, gzip")) }
        let request = HTTPRequest(
            url: url,
            headers: headers,
            timeout: configuration.requestTimeout,
            maxBodyBytes: configuration.maxBodyBytes
        )

        var logger = self.logger
        logger[metadataKey: "endpoint"] = "\(endpoint.path)"
        let startedAt = clock.now()
        let started = ContinuousClock.now
        var attempt = 0
        var waitedInTotal = Duration.zero
        var lastHTTPStatus: Int?
        var lastBodyBytes = 0

        func record(_ error: CMCError?, status: CMCStatus?) async {
            await exchanges.append(
                CMCExchange(
                    endpoint: endpoint.path,
                    query: endpoint.queryString,
                    httpStatus: lastHTTPStatus,
                    cmcErrorCode: error?.cmcErrorCode ?? status.flatMap { $0.errorCode == 0 ? nil : $0.errorCode },
                    creditCount: status?.creditCount ?? error?.creditCount ?? 0,
                    elapsedMilliseconds: Int((ContinuousClock.now - started).seconds * 1000),
                    attempts: attempt,
                    startedAt: startedAt,
                    bodyBytes: lastBodyBytes,
                    succeeded: error == nil
                )
            )
        }

        func giveUp(_ error: CMCError) async -> CMCError {
            var error = error.redacting(key.secret)
            error.attempts = attempt
            await record(error, status: nil)
            return error
        }

        while true {
            attempt += 1
            logger[metadataKey: "attempt"] = "\(attempt)"
            if Task.isCancelled { throw CancellationError() }
            do {
                try await ledger.reserve(endpoint.estimatedCredits, endpoint: endpoint.path)
            } catch {
                throw await giveUp(error)
            }
            let paced = try await limiter.acquire()
            if paced > .zero {
                metrics.waited(reason: "rate_limiter", paced)
                logger.debug(
                    "held back by the client-side rate limiter",
                    metadata: ["waited_ms": "\(Int(paced.seconds * 1000))"]
                )
            }
            logger.trace("request", metadata: ["path": "\(endpoint.pathAndQuery)"])
            let attemptStart = ContinuousClock.now
            let decision: AttemptDecision
            var body = Data()
            do {
                let response = try await transport.send(request)
                lastHTTPStatus = response.status
                lastBodyBytes = response.body.count
                body = response.body
                metrics.answered(endpoint: endpoint.path, httpStatus: response.status)
                decision = ResponseClassifier.classify(response, endpoint: endpoint.path, now: clock.now())
            } catch {
                if Task.isCancelled {
                    await ledger.release(endpoint.estimatedCredits)
                    throw CancellationError()
                }
                metrics.answered(endpoint: endpoint.path, httpStatus: nil)
                decision = ResponseClassifier.classify(error, endpoint: endpoint.path)
            }
            let elapsed = ContinuousClock.now - attemptStart

            switch decision {
            case .success(let status):
                let charged = status.creditCount ?? 0
                await ledger.settle(reserved: endpoint.estimatedCredits, charged: charged, endpoint: endpoint.path)
                metrics.charged(endpoint: endpoint.path, credits: charged)
                logger.debug(
                    "answered",
                    metadata: [
                        "path": "\(endpoint.pathAndQuery)", "http_status": "\(lastHTTPStatus ?? 0)",
                        "credits": "\(charged)", "elapsed_ms": "\(Int(elapsed.seconds * 1000))",
                        "bytes": "\(body.count)",
                    ]
                )
                if charged != endpoint.estimatedCredits {
                    logger.debug(
                        "credit estimate differed from the charge",
                        metadata: ["estimated": "\(endpoint.estimatedCredits)", "charged": "\(charged)"]
                    )
                }
                await record(nil, status: status)
                return CMCRawResponse(
                    status: status,
                    body: body,
                    exchange: await exchanges.all.last
                        ?? CMCExchange(
                            endpoint: endpoint.path,
                            query: endpoint.queryString,
                            httpStatus: lastHTTPStatus,
                            cmcErrorCode: nil,
                            creditCount: charged,
                            elapsedMilliseconds: 0,
                            attempts: attempt,
                            startedAt: startedAt,
                            bodyBytes: body.count,
                            succeeded: true
                        )
                )

            case .fail(var error):
                await ledger.release(endpoint.estimatedCredits)
                if error.cmcErrorCode == 1009 {
                    let reset = nextUTCMidnight(after: clock.now())
                    error.message = "daily limit reached, resets at \(Self.isoString(reset))"
                }
                logger.debug("failed without retry", metadata: ["error": "\(error.redacting(key.secret))"])
                throw await giveUp(error)

            case .backoff(let error), .reconnect(let error):
                await ledger.release(endpoint.estimatedCredits)
                let pause = configuration.retry.backoff(afterAttempt: attempt, random: random())
                let attemptLimit =
                    if case .reconnect = decision {
                        min(configuration.retry.maxAttempts, configuration.retry.maxConnectAttempts)
                    } else {
                        configuration.retry.maxAttempts
                    }
                guard attempt < attemptLimit,
                    waitedInTotal + pause <= configuration.retry.maxTotalWait
                else { throw await giveUp(error) }
                metrics.retrying(endpoint: endpoint.path, reason: ClientMetrics.reason(error))
                metrics.waited(reason: "backoff", pause)
                logger.notice(
                    "transient failure; backing off before retrying",
                    metadata: [
                        "reason": "\(error.redacting(key.secret).message)",
                        "wait_ms": "\(Int(pause.seconds * 1000))",
                    ]
                )
                try await clock.sleep(for: pause)
                waitedInTotal += pause

            case .waitForWindow(let error, let retryAfter):
                await ledger.release(endpoint.estimatedCredits)
                let now = clock.now()
                let pause: Duration
                let reason: String
                if let retryAfter {
                    pause = retryAfter
                    await limiter.block(until: now.addingTimeInterval(retryAfter.seconds))
                    reason = "the server asked to retry after \(Int(retryAfter.seconds.rounded())) s"
                } else {
                    let next = await limiter.serverRefusedCurrentWindow()
                    pause = .seconds(double: next.timeIntervalSince(now))
                    reason = "rate limited (\(error.cmcErrorName ?? "HTTP 429")); waiting for the next rate window"
                }
                guard attempt < configuration.retry.maxAttempts,
                    waitedInTotal + pause <= configuration.retry.maxTotalWait
                else { throw await giveUp(error) }
                metrics.retrying(endpoint: endpoint.path, reason: "rate_limited")
                metrics.waited(reason: retryAfter == nil ? "rate_window" : "retry_after", pause)
                logger.notice("\(reason)", metadata: ["wait_ms": "\(Int(pause.seconds * 1000))"])
                // The limiter holds every call (this one included) until the window turns.
                waitedInTotal += pause
            }
        }
    }

    /// Sends one call and decodes its `data` payload as `Payload`.
    ///
    /// - Throws: ``CMCError`` (``CMCError/Code/malformedBody`` when the envelope cannot be decoded), or
    ///   `CancellationError`.
    public func send<Payload: Decodable & Sendable>(
        _ endpoint: CMCEndpoint,
        as payload: Payload.Type
    )
        async throws -> CMCResponse<Payload>
    {
        let raw = try await sendRaw(endpoint)
        let envelope: CMCEnvelope<Payload>
        do {
            envelope = try CMCJSON.makeDecoder().decode(CMCEnvelope<Payload>.self, from: raw.body)
        } catch {
            throw CMCError(
                code: .malformedBody,
                endpoint: endpoint.path,
                httpStatus: raw.exchange.httpStatus,
                message: "cannot decode the answer: \(Self.describe(error))",
                creditCount: raw.status.creditCount ?? 0,
                attempts: raw.exchange.attempts
            )
        }
        guard let value = envelope.data else {
            throw CMCError(
                code: .malformedBody,
                endpoint: endpoint.path,
                httpStatus: raw.exchange.httpStatus,
                message: "the answer has no data",
                creditCount: raw.status.creditCount ?? 0,
                attempts: raw.exchange.attempts
            )
        }
        return CMCResponse(value: value, status: envelope.status, body: raw.body, exchange: raw.exchange)
    }

    static func isoString(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted)
        )
    }

    private func nextUTCMidnight(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let startOfDay = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: startOfDay) ?? date.addingTimeInterval(86_400)
    }

    /// A readable description of a decoding error: the path and what went wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "\(path(context)): missing \(type)"
        case .keyNotFound(let key, let context): return "\(path(context)): missing key '\(key.stringValue)'"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}
