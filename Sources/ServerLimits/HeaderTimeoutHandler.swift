import Logging
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose first request head is not complete within a deadline.
///
/// Sits after the HTTP decoder, so it sees a head only once the request line and every header have
/// arrived: a client that sends half a head and stops (slowloris) is closed when the deadline passes,
/// however slowly it keeps trickling bytes. The deadline starts when the connection becomes active and is
/// dropped once the first head arrives; Hummingbird's idle timeout covers the connection from then on.
final class HeaderTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    private let logger: Logger
    private var deadline: Scheduled<Void>?
    private var headArrived = false

    init(timeout: Duration, logger: Logger) {
        self.timeout = TimeAmount(timeout)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !headArrived, case .head = unwrapInboundIn(data) {
            headArrived = true
            disarm()
        }
        context.fireChannelRead(data)
    }

    // MARK: - The deadline

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil, !headArrived else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.deadline = nil
            guard !self.headArrived else { return }
            self.logger.debug(
                "closing a connection that sent no complete request head in time",
                metadata: ["remote": "\(context.channel.remoteAddress.map { "\($0)" } ?? "?")"]
            )
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension HeaderTimeoutHandler: Sendable {}
