import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves host names with `getaddrinfo` on a Dispatch queue (never on the cooperative pool), once per
/// host: concurrent lookups of the same host wait for the first one, and results are remembered.
///
/// A waiting caller whose task is cancelled returns at once (the lookup itself finishes in the
/// background and is still remembered). Temporary failures (`EAI_AGAIN`) are not remembered, so a retry
/// looks the host up again.
// @unchecked Sendable: every mutable property is only touched while holding `lock`; a lock rather than an
// actor so that a cancellation handler (which is synchronous) can resume a waiting caller.
final class HostResolver: @unchecked Sendable {
    /// The answer for one host.
    enum Answer: Sendable {
        case addresses([IPAddress])
        case failed(LogoFailure, transient: Bool)
    }

    private let lock = NSLock()
    private var answers: [String: Answer] = [:]
    private var waiting: [String: [UInt64: CheckedContinuation<Answer, Never>]] = [:]
    private var cancelled: Set<UInt64> = []
    private var nextID: UInt64 = 0

    private static let cancelledAnswer = Answer.failed(LogoFailure(.transport, "cancelled"), transient: false)

    /// The addresses of `host` (a name or a numeric literal).
    func resolve(_ host: String) async -> Answer {
        if let literal = IPAddress(literal: host) { return .addresses([literal]) }
        let (known, id): (Answer?, UInt64) = lock.withLock {
            nextID += 1
            return (answers[host], nextID)
        }
        if let known { return known }
        // A cancellation that arrives after the answer leaves its id behind; forget it on the way out.
        defer { lock.withLock { _ = cancelled.remove(id) } }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                enum Step {
                    case wait, start
                    case answer(Answer)
                }
                let step: Step = lock.withLock {
                    if cancelled.remove(id) != nil { return .answer(Self.cancelledAnswer) }
                    if let answer = answers[host] { return .answer(answer) }
                    let first = waiting[host] == nil
                    waiting[host, default: [:]][id] = continuation
                    return first ? .start : .wait
                }
                switch step {
                case .answer(let answer):
                    continuation.resume(returning: answer)
                case .start:
                    DispatchQueue.global().async { self.deliver(Self.lookUp(host), for: host) }
                case .wait:
                    break
                }
            }
        } onCancel: {
            let continuation: CheckedContinuation<Answer, Never>? = lock.withLock {
                guard let continuation = waiting[host]?.removeValue(forKey: id) else {
                    cancelled.insert(id)
                    return nil
                }
                return continuation
            }
            continuation?.resume(returning: Self.cancelledAnswer)
        }
    }

    /// Remembers an answer and wakes every caller waiting for it.
    private func deliver(_ answer: Answer, for host: String) {
        let continuations: [CheckedContinuation<Answer, Never>] = lock.withLock {
            if case .failed(_, transient: true) = answer {
                // Not remembered: the next attempt asks again.
            } else {
                answers[host] = answer
            }
            return Array((waiting.removeValue(forKey: host) ?? [:]).values)
        }
        for continuation in continuations { continuation.resume(returning: answer) }
    }

    /// A blocking `getaddrinfo` call.
    private static func lookUp(_ host: String) -> Answer {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc) || canImport(Musl)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            let reason = String(cString: gai_strerror(status))
            let failure = LogoFailure(.unresolvableHost, "\(host) does not resolve: \(reason)")
            return .failed(failure, transient: status == EAI_AGAIN)
        }
        var addresses: [IPAddress] = []
        var cursor = list
        while let info = cursor {
            if let address = info.pointee.ai_addr {
                switch info.pointee.ai_family {
                case AF_INET:
                    let raw = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        $0.pointee.sin_addr.s_addr
                    }
                    addresses.append(.v4(UInt32(bigEndian: raw)))
                case AF_INET6:
                    var raw = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    addresses.append(.v6(withUnsafeBytes(of: &raw) { Array($0) }))
                default:
                    break
                }
            }
            cursor = info.pointee.ai_next
        }
        var seen = Set<IPAddress>()
        addresses = addresses.filter { seen.insert($0).inserted }
        guard !addresses.isEmpty else {
            return .failed(LogoFailure(.unresolvableHost, "\(host) has no IPv4 or IPv6 address"), transient: false)
        }
        return .addresses(addresses)
    }
}
