import Hummingbird
import NIOCore

/// The request context of the emulator: Hummingbird's core storage plus the connection's channel, which
/// the `drop`, `truncate` and `stall` faults need and which identifies distinct connections.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The TCP connection the request arrived on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// `ip:port` of the peer, a key for counting distinct connections.
    var connectionKey: String? {
        guard let address = channel.remoteAddress else { return nil }
        return "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
    }
}
