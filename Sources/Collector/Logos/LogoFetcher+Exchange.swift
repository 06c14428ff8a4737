import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

extension LogoFetcher {
    /// What one successful attempt delivered.
    enum Delivery: Sendable {
        /// A verified image body with the final response's headers.
        case image(Data, HTTPHeaders)
        /// `304 Not Modified` to a conditional request.
        case notModified(HTTPHeaders)
    }

    /// A failed attempt, and whether trying again may help.
    struct AttemptError: Error, Sendable {
        var failure: LogoFailure
        var transient: Bool

        init(_ failure: LogoFailure, transient: Bool) {
            self.failure = failure
            self.transient = transient
        }
    }

    /// The outcome of an attempt and the body bytes it received.
    typealias AttemptOutcome = (Result<Delivery, AttemptError>, Int)

    /// The most bytes read from a redirect or error body before the connection is given up.
    private static let drainLimit = 64 << 10

    /// One attempt, redirects included, bounded by ``Configuration/timeout`` from the first byte sent to
    /// the last body byte received.
    func attempt(
        _ url: URL,
        validators: LogoCacheEntry?,
        resolver: HostResolver,
        logger: Logger
    ) async -> AttemptOutcome {
        let timeout = configuration.timeout
        return await withTaskGroup(of: AttemptOutcome?.self) { group in
            group.addTask {
                await self.exchange(url, validators: validators, resolver: resolver, logger: logger)
            }
            group.addTask {
                // Ends early (and returns nil) when the attempt finishes first and the group is cancelled.
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            let failure = LogoFailure(.timeout, "\(url.absoluteString) took longer than \(timeout)")
            return (.failure(AttemptError(failure, transient: true)), 0)
        }
    }

    /// Sends the request, follows redirects after re-checking them, and reads the body under the cap.
    private func exchange(
        _ url: URL,
        validators: LogoCacheEntry?,
        resolver: HostResolver,
        logger: Logger
    ) async -> AttemptOutcome {
        var current = url
        var redirects = 0
        var bytes = 0
        while true {
            do {
                try policy.check(current)
            } catch {
                return (.failure(AttemptError(error, transient: false)), bytes)
            }
            if let refusal = await addressRefusal(current, resolver: resolver) {
                return (.failure(refusal), bytes)
            }
            var request = HTTPClientRequest(url: current.absoluteString)
            request.method = .GET
            request.headers.add(name: "Accept", value: "image/png, image/webp, image/jpeg, image/gif")
            request.headers.add(name: "User-Agent", value: "coinpipe")
            if let validators {
                if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
                if let lastModified = validators.lastModified {
                    request.headers.add(name: "If-Modified-Since", value: lastModified)
                }
            }
            let response: HTTPClientResponse
            do {
                response = try await httpClient.execute(
                    request,
                    timeout: Self.timeAmount(configuration.timeout),
                    logger: logger
                )
            } catch {
                return (.failure(Self.classify(error, url: current)), bytes)
            }
            guard response.history.count <= 1 else {
                let failure = LogoFailure(
                    .tooManyRedirects,
                    "the HTTPClient followed a redirect from \(current.absoluteString) on its own; "
                        + "create it with redirectConfiguration: .disallow"
                )
                return (.failure(AttemptError(failure, transient: false)), bytes)
            }
            let status = Int(response.status.code)
            let origin = current.absoluteString
            switch status {
            case 301, 302, 303, 307, 308:
                let location = response.headers.first(name: "location")
                bytes += await Self.drain(response)
                redirects += 1
                guard redirects <= configuration.maxRedirects else {
                    let failure = LogoFailure(
                        .tooManyRedirects,
                        "more than \(configuration.maxRedirects) redirects, the last from \(origin)"
                    )
                    return (.failure(AttemptError(failure, transient: false)), bytes)
                }
                guard let location, let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    let failure = LogoFailure(.httpStatus, "HTTP \(status) from \(origin) without a usable Location")
                    return (.failure(AttemptError(failure, transient: false)), bytes)
                }
                logger.debug(
                    "following a logo redirect",
                    metadata: ["from": "\(origin)", "to": "\(next.absoluteString)"]
                )
                current = next
            case 304 where validators != nil:
                bytes += await Self.drain(response)
                return (.success(.notModified(response.headers)), bytes)
            case 200:
                let (result, received) = await readImage(response, url: current)
                return (result, bytes + received)
            default:
                bytes += await Self.drain(response)
                let failure = LogoFailure(.httpStatus, "HTTP \(status) from \(origin)")
                return (.failure(AttemptError(failure, transient: (500...599).contains(status))), bytes)
            }
        }
    }

    /// Reads an image body, stopping as soon as it passes the cap or turns out not to be an image.
    private func readImage(_ response: HTTPClientResponse, url: URL) async -> AttemptOutcome {
        let limit = configuration.maxBytes
        let origin = url.absoluteString
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
            // Dropping the unread body cancels the request and closes the connection.
            let failure = LogoFailure(.tooLarge, "\(origin) announces \(length) bytes, over the cap of \(limit)")
            return (.failure(AttemptError(failure, transient: false)), 0)
        }
        var body = ByteBuffer()
        var received = 0
        var sniffed = false
        do {
            for try await chunk in response.body {
                received += chunk.readableBytes
                guard body.readableBytes + chunk.readableBytes <= limit else {
                    let failure = LogoFailure(.tooLarge, "\(origin) sent more than the cap of \(limit) bytes")
                    return (.failure(AttemptError(failure, transient: false)), received)
                }
                body.writeImmutableBuffer(chunk)
                if !sniffed, body.readableBytes >= ImageFormat.sniffLength {
                    sniffed = true
                    guard ImageFormat.sniff(body.readableBytesView) != nil else {
                        return (
                            .failure(AttemptError(Self.notAnImage(body, response, origin), transient: false)), received
                        )
                    }
                }
            }
        } catch {
            return (.failure(Self.classify(error, url: url)), received)
        }
        guard ImageFormat.sniff(body.readableBytesView) != nil else {
            return (.failure(AttemptError(Self.notAnImage(body, response, origin), transient: false)), received)
        }
        return (.success(.image(Data(buffer: body), response.headers)), received)
    }

    private static func notAnImage(_ body: ByteBuffer, _ response: HTTPClientResponse, _ url: String) -> LogoFailure {
        let type = response.headers.first(name: "content-type") ?? "no content type"
        let kind = body.readableBytes == 0 ? "an empty body" : "a body that is not a PNG, JPEG, GIF or WebP image"
        return LogoFailure(.notAnImage, "\(url) sent \(kind) (\(type))")
    }

    /// Resolves the host and checks every address; `nil` when all are allowed.
    private func addressRefusal(_ url: URL, resolver: HostResolver) async -> AttemptError? {
        guard let host = LogoHostPolicy.host(of: url) else {
            return AttemptError(LogoFailure(.invalidURL, "\(url.absoluteString) has no host"), transient: false)
        }
        switch await resolver.resolve(host) {
        case .addresses(let addresses):
            for address in addresses {
                do {
                    try policy.checkAddress(address, for: url)
                } catch {
                    return AttemptError(error, transient: false)
                }
            }
            return nil
        case .failed(let failure, let transient):
            return AttemptError(failure, transient: transient)
        }
    }

    /// Reads and discards up to ``drainLimit`` bytes so a small body leaves the connection reusable.
    private static func drain(_ response: HTTPClientResponse) async -> Int {
        var received = 0
        do {
            for try await chunk in response.body {
                received += chunk.readableBytes
                if received > drainLimit { break }
            }
        } catch {
            // The body is being thrown away; a failure to read it changes nothing.
        }
        return received
    }

    /// Maps AsyncHTTPClient and NIO errors onto failures, deciding which are worth another attempt.
    static func classify(_ error: any Error, url: URL) -> AttemptError {
        let origin = url.absoluteString
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
                .socksHandshakeTimeout:
                return AttemptError(LogoFailure(.timeout, "\(origin): \(error)"), transient: true)
            case .invalidURL, .emptyHost, .emptyScheme:
                return AttemptError(LogoFailure(.invalidURL, "\(origin): \(error)"), transient: false)
            case .cancelled:
                return AttemptError(LogoFailure(.transport, "\(origin): cancelled"), transient: false)
            case .remoteConnectionClosed:
                return AttemptError(
                    LogoFailure(.transport, "\(origin): the server closed the connection early"),
                    transient: true
                )
            default:
                return AttemptError(LogoFailure(.transport, "\(origin): \(error)"), transient: true)
            }
        }
        if error is CancellationError {
            return AttemptError(LogoFailure(.transport, "\(origin): cancelled"), transient: false)
        }
        if error is HTTPParserError {
            return AttemptError(
                LogoFailure(.transport, "\(origin): the response ended early or was malformed (\(error))"),
                transient: true
            )
        }
        return AttemptError(LogoFailure(.transport, "\(origin): \(error)"), transient: true)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
