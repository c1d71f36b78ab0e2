import NIOCore
import Synchronization

/// The intake's open connections, so a stop that runs out of grace can close every one of them at once (a client
/// holding a request open must not keep `serve` from stopping).
final class OpenConnections: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Remembers a connection until it closes.
    func opened(_ channel: any Channel) {
        channels.withLock { $0[ObjectIdentifier(channel)] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.channels.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) }
        }
    }

    /// How many are open.
    var count: Int { channels.withLock { $0.count } }

    /// Closes every open connection.
    func closeAll() {
        for channel in channels.withLock({ Array($0.values) }) { channel.close(promise: nil) }
    }
}
