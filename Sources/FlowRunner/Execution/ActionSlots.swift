import Foundation

/// The run-wide bound on actions executing at once. Containers (Scope, If, loops) never hold a slot while their
/// children run, so nesting cannot deadlock; only the leaf actions inside them do.
final class ActionSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A bound of `limit` concurrent actions (at least one).
    init(limit: Int) { available = max(1, limit) }

    /// Waits for a free slot.
    func acquire() async {
        let granted: Bool = lock.withLock {
            guard available > 0 else { return false }
            available -= 1
            return true
        }
        if granted { return }
        await withCheckedContinuation { continuation in
            let grantedNow: Bool = lock.withLock {
                if available > 0 {
                    available -= 1
                    return true
                }
                waiters.append(continuation)
                return false
            }
            if grantedNow { continuation.resume() }
        }
    }

    /// Frees a slot, handing it to the longest waiter if there is one.
    func release() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            if waiters.isEmpty {
                available += 1
                return nil
            }
            return waiters.removeFirst()
        }
        next?.resume()
    }
}
