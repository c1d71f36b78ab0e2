import Dispatch
import Foundation

/// Maps an array on every core (order kept) — for loading and checking many flows at once.
public enum ParallelMap {
    /// `items.map(transform)`, computed concurrently.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 16 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }
}

/// Slots written by concurrent workers, one slot each.
private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) { lock.withLock { slots[index] = value } }

    func values() -> [R] { lock.withLock { slots.compactMap { $0 } } }
}
