import Foundation

/// Fans out events to any number of `AsyncStream` subscribers.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var continuations: [UUID: AsyncStream<InsightsEvent>.Continuation] = [:]

    /// A new stream receiving every event published from now on.
    func subscribe() -> AsyncStream<InsightsEvent> {
        let (stream, continuation) = AsyncStream<InsightsEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let id = UUID()
        lock.withLock { continuations[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Delivers `event` to all current subscribers.
    func publish(_ event: InsightsEvent) {
        let targets = lock.withLock { Array(continuations.values) }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends all streams.
    func finish() {
        let targets = lock.withLock { Array(continuations.values) }
        for continuation in targets { continuation.finish() }
    }
}
