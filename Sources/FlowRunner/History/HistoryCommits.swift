import Foundation
import GRDB
import Synchronization

/// Tells this process's watchers the moment a transaction that changed the history commits on this store's
/// connection (a GRDB transaction observer), so `changes()` need not poll for the process's own writes.
final class HistoryCommits: TransactionObserver, Sendable {
    private struct State {
        var changed = false
        var subscribers: [UUID: AsyncStream<Void>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// A stream of commit signals (bursts coalesce into one); ends when its consumer stops.
    func stream() -> AsyncStream<Void> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let id = UUID()
            state.withLock { $0.subscribers[id] = continuation }
            continuation.onTermination = { [weak self] _ in
                _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
            }
        }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }

    func databaseDidChange(with event: DatabaseEvent) {
        state.withLock { $0.changed = true }
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidCommit(_ db: Database) {
        let subscribers = state.withLock { state -> [AsyncStream<Void>.Continuation] in
            guard state.changed else { return [] }
            state.changed = false
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.yield() }
    }

    func databaseDidRollback(_ db: Database) {
        state.withLock { $0.changed = false }
    }
}
