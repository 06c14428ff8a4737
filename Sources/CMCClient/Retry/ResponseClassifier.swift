import CMCModels
import Foundation

/// What to do with one attempt's outcome, following CMC's error taxonomy (cmc-api.md §4).
enum AttemptDecision: Sendable {
    /// Success: a CMC envelope with `error_code` 0.
    case success(CMCStatus)
    /// Transient: back off exponentially and try again.
    case backoff(CMCError)
    /// No connection could be made (refused, unresolvable, unreachable): try again only a few times
    /// (``RetryPolicy/maxConnectAttempts``) with the short backoff, so a wrong base URL fails in seconds.
    case reconnect(CMCError)
    /// Rate limited (1008, 1011, or a 429 without a code): wait for the next window, or `Retry-After`.
    case waitForWindow(CMCError, retryAfter: Duration?)
    /// Final: do not retry.
    case fail(CMCError)
}

/// Classifies answers and transport failures. Pure, so every branch is unit-testable.
enum ResponseClassifier {
    private struct ErrorProbe: Decodable {
        var status: CMCStatus?
        var statusCode: Int?
        var error: String?
        var message: String?

        enum CodingKeys: String, CodingKey {
            case status, statusCode, error, message
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            status = try? container.decodeIfPresent(CMCStatus.self, forKey: .status)
            statusCode =
                (try? container.decodeIfPresent(Int.self, forKey: .statusCode))
                ?? (try? container.decodeIfPresent(String.self, forKey: .statusCode)).flatMap { $0.flatMap(Int.init) }
            error = try? container.decodeIfPresent(String.self, forKey: .error)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
        }
    }

    static func classify(_ response: HTTPResponse, endpoint: String, now: Date) -> AttemptDecision {
        let http = response.status
        let retryAfter = parseRetryAfter(response.header("Retry-After"), now: now)
        let body = response.body

        guard RawJSON.isComplete(body) else {
            return classifyNonJSON(response, endpoint: endpoint, retryAfter: retryAfter)
        }
        let probe = try? CMCJSON.makeDecoder().decode(ErrorProbe.self, from: body)
        if let status = probe?.status {
            if status.errorCode == 0 {
                if (200..<300).contains(http) { return .success(status) }
                let error = CMCError(
                    code: .http,
                    endpoint: endpoint,
                    httpStatus: http,
                    message: "HTTP \(http) with error_code 0"
                )
                return http >= 500 ? .backoff(error) : .fail(error)
            }
            return classifyAPIError(status, http: http, endpoint: endpoint, retryAfter: retryAfter)
        }
        if let probe, probe.statusCode != nil || probe.message != nil || probe.error != nil {
            let code = probe.statusCode ?? http
            let text = [probe.error, probe.message].compactMap { $0 }.joined(separator: ": ")
            let error = CMCError(
                code: .gateway,
                endpoint: endpoint,
                httpStatus: http,
                cmcErrorCode: probe.statusCode,
                message: "gateway answered \(code)" + (text.isEmpty ? "" : " (\(text))")
            )
            if http == 429 || code == 429 { return .waitForWindow(error, retryAfter: retryAfter) }
            return (http >= 500 || code >= 500) ? .backoff(error) : .fail(error)
        }
        let error = CMCError(
            code: (200..<300).contains(http) ? .malformedBody : .http,
            endpoint: endpoint,
            httpStatus: http,
            message: "the answer is JSON but not a CMC envelope (no status block)"
        )
        return http >= 500 ? .backoff(error) : .fail(error)
    }

    private static func classifyNonJSON(
        _ response: HTTPResponse,
        endpoint: String,
        retryAfter: Duration?
    )
        -> AttemptDecision
    {
        let http = response.status
        let body = response.body
        let prefix = String(decoding: body.prefix(512), as: UTF8.self)
        let trimmed = prefix.trimmingCharacters(in: .whitespacesAndNewlines)
        if (200..<300).contains(http) {
            let error = CMCError(
                code: .malformedBody,
                endpoint: endpoint,
                httpStatus: http,
                message: body.isEmpty
                    ? "empty body"
                    : trimmed.hasPrefix("<")
                        ? "an HTML page instead of JSON" : "truncated or malformed JSON (\(body.count) bytes)"
            )
            return trimmed.hasPrefix("<") ? .fail(error) : .backoff(error)
        }
        var message = "HTTP \(http)"
        if trimmed.hasPrefix("<") {
            message += " with an HTML error page"
            if let title = htmlTitle(prefix) { message += " (\(title))" }
        } else if body.isEmpty {
            message += " with an empty body"
        } else {
            message += " with a non-JSON body"
        }
        let error = CMCError(code: .http, endpoint: endpoint, httpStatus: http, message: message)
        if http == 429 { return .waitForWindow(error, retryAfter: retryAfter) }
        if http >= 500 || http == 408 { return .backoff(error) }
        return .fail(error)
    }

    private static func classifyAPIError(
        _ status: CMCStatus,
        http: Int,
        endpoint: String,
        retryAfter: Duration?
    )
        -> AttemptDecision
    {
        let code = status.errorCode
        let message = status.errorMessage.flatMap { $0.isEmpty ? nil : $0 } ?? "error_code \(code)"
        var error = CMCError(
            code: .api,
            endpoint: endpoint,
            httpStatus: http,
            cmcErrorCode: code,
            message: message,
            creditCount: status.creditCount ?? 0
        )
        switch code {
        case 1008, 1011:
            return .waitForWindow(error, retryAfter: retryAfter)
        case 1009:
            error.hint = "The key's daily credit limit is reached; CoinPipe stops instead of retrying."
            return .fail(error)
        case 1010:
            error.hint =
                "The key's monthly credit limit is reached. Wait for the monthly reset or upgrade the plan; see `coinpipe key`."
            return .fail(error)
        case 1001, 1002, 1005:
            error.hint = "Check the key: set CMC_API_KEY (or API_KEY), or pass --api-key-file PATH."
            return .fail(error)
        case 1003, 1004, 1006, 1007:
            error.hint = "The key's plan does not allow this call; see https://pro.coinmarketcap.com/account/plan."
            return .fail(error)
        default:
            if code == 429 || http == 429 { return .waitForWindow(error, retryAfter: retryAfter) }
            if code >= 500 || http >= 500 { return .backoff(error) }
            return .fail(error)
        }
    }

    /// Classifies a transport failure.
    static func classify(_ error: TransportError, endpoint: String) -> AttemptDecision {
        var wrapped = CMCError(code: .transport, endpoint: endpoint, message: error.description)
        if error.code == .connectionFailed {
            wrapped.hint = "Is the base URL right (--base-url, CMC_BASE_URL), and is the server up?"
            return .reconnect(wrapped)
        }
        return error.isTransient ? .backoff(wrapped) : .fail(wrapped)
    }

    /// `Retry-After` as seconds or an HTTP date.
    static func parseRetryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .seconds(double: min(seconds, 3600)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(double: min(max(0, date.timeIntervalSince(now)), 3600))
    }

    private static func htmlTitle(_ html: String) -> String? {
        guard let start = html.range(of: "<title>", options: .caseInsensitive),
            let end = html.range(of: "</title>", options: .caseInsensitive, range: start.upperBound..<html.endIndex)
        else { return nil }
        let title = html[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : String(title.prefix(120))
    }
}
