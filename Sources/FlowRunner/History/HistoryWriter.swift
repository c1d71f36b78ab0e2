import Foundation
import GRDB

/// Group commit for the history: writes submitted while a transaction is in progress are batched into the
/// next one, each in its own savepoint (one failing write does not undo the others). A caller's write is
/// durable (committed in WAL with synchronous=NORMAL) when its `write` returns.
final class HistoryWriter: @unchecked Sendable {
    private typealias Work = @Sendable (Database) throws -> Void
    private let pool: DatabasePool
    private let lock = NSLock()
    private var pending: [(work: Work, done: CheckedContinuation<Void, any Error>)] = []
    private var draining = false
    private let queue = DispatchQueue(label: "insightflow.history.writer", qos: .userInitiated)

    init(pool: DatabasePool) { self.pool = pool }

    /// Runs `work` in the next batch and waits for its commit.
    func write(_ work: @escaping @Sendable (Database) throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let start = lock.withLock { () -> Bool in
                pending.append((work, continuation))
                if draining { return false }
                draining = true
                return true
            }
            if start { queue.async { self.drain() } }
        }
    }

    private func drain() {
        while let batch = takeBatch() {
            var results = [Result<Void, any Error>](repeating: .success(()), count: batch.count)
            do {
                try pool.write { db in
                    for (index, item) in batch.enumerated() {
                        do {
                            try db.inSavepoint {
                                try item.work(db)
                                return .commit
                            }
                        } catch {
                            results[index] = .failure(error)
                        }
                    }
                }
            } catch {
                results = batch.map { _ in .failure(error) }
            }
            for (item, result) in zip(batch, results) { item.done.resume(with: result) }
        }
    }

    private func takeBatch() -> [(work: Work, done: CheckedContinuation<Void, any Error>)]? {
        lock.withLock {
            guard !pending.isEmpty else {
                draining = false
                return nil
            }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
