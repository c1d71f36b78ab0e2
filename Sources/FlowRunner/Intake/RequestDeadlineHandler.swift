import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Puts a clock on every request a connection reads: its head must arrive within `headTimeout` of the connection
/// opening (or `idleTimeout` of the previous response), its body within `bodyTimeout` of the head; a connection
/// that misses a deadline is closed. Slow-header and slow-body clients (slowloris) therefore hold a connection for a
/// bounded time. Registers each connection in `OpenConnections` for a forced stop. Also closes the connection after a request or response that says `Connection: close` (such as a 413 sent
/// while the body is still arriving), so the unread rest is never parsed as another request.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: IntakeLimits
    private let connections: OpenConnections
    private var deadline: Scheduled<Void>?
    private var closeAfterResponse = false

    init(limits: IntakeLimits, connections: OpenConnections) {
        self.limits = limits
        self.connections = connections
    }

    func handlerAdded(context: ChannelHandlerContext) {
        connections.opened(context.channel)
        if context.channel.isActive { arm(context, seconds: limits.headTimeout) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, seconds: limits.headTimeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            // A client that asked to close gets a full close after the answer, not a half-close it must finish.
            if head.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
            arm(context, seconds: limits.bodyTimeout)
        case .body: break
        case .end: disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            if head.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard !closeAfterResponse else {
                disarm()
                context.writeAndFlush(data, promise: promise)
                context.close(promise: nil)
                return
            }
            arm(context, seconds: limits.idleTimeout)
            context.write(data, promise: promise)
        }
    }

    /// Replaces the running deadline with one `seconds` from now that closes the connection.
    private func arm(_ context: ChannelHandlerContext, seconds: Double) {
        disarm()
        let nanoseconds = Int64(min(max(seconds, 0.001), 86_400) * 1_000_000_000)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanoseconds)) { [weak self] in
            self?.deadline = nil
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
