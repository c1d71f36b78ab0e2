import FlowModel
import Foundation

/// `limit.timeout` on any action or container: the action ends TimedOut when it runs longer, and whatever it was
/// still doing is cancelled (a container's running children end Cancelled, its unstarted ones Skipped).
enum StepTimeout {
    /// Runs `body`, or gives a TimedOut outcome after `seconds`.
    static func run(seconds: Double, step: Step, _ body: @escaping @Sendable () async -> StepOutcome) async -> StepOutcome {
        let timedOut = StepOutcome(status: .timedOut, error: "the action '\(step.name)' did not finish within its timeout (\(step.limit?.timeout ?? "\(seconds) s"))",
                                   code: "ActionTimedOut", attempts: 1)
        // A container's children are this executor's own steps and stop at once when cancelled, so it is awaited
        // (its records are all written before it returns); a leaf action may sit in a call that ignores
        // cancellation, so its result is abandoned when the timer wins.
        if step.isContainer { return await Deadline.structured(seconds: seconds, timedOut: timedOut, body) }
        return await Deadline.abandoning(seconds: seconds, timedOut: timedOut, body)
    }
}

/// Races work against a timer.
enum Deadline {
    /// The work's result, or `timedOut` once `seconds` pass; on time-out the work is cancelled and awaited.
    static func structured<T: Sendable>(seconds: Double, timedOut: T, _ body: @escaping @Sendable () async -> T) async -> T {
        let due = ContinuousClock.now.advanced(by: .seconds(max(0, seconds)))
        return await withTaskGroup(of: T?.self) { group in
            group.addTask { await body() }
            group.addTask {
                do {
                    try await Task.sleep(until: due, clock: .continuous)
                } catch {
                    return nil
                }
                return timedOut
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? timedOut
        }
    }

    /// The work's result, or `timedOut` once `seconds` pass; on time-out the work is cancelled and not waited for
    /// (its result, whenever it comes, is dropped). Cancelling the caller cancels the work.
    static func abandoning<T: Sendable>(seconds: Double, timedOut: T, _ body: @escaping @Sendable () async -> T) async -> T {
        let race = Race<T>()
        let due = ContinuousClock.now.advanced(by: .seconds(max(0, seconds)))
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                race.start(continuation)
                race.add(Task { race.finish(await body()) })
                race.add(Task {
                    do {
                        try await Task.sleep(until: due, clock: .continuous)
                    } catch {
                        return
                    }
                    race.finish(timedOut)
                })
            }
        } onCancel: {
            race.cancelAll()
        }
    }
}

/// The state of one race: the waiting caller and the competing tasks; the first result wins.
private final class Race<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?
    private var tasks: [Task<Void, Never>] = []
    private var cancelled = false

    func start(_ continuation: CheckedContinuation<T, Never>) { lock.withLock { self.continuation = continuation } }

    func add(_ task: Task<Void, Never>) {
        let cancelNow: Bool = lock.withLock {
            tasks.append(task)
            return cancelled || continuation == nil
        }
        if cancelNow { task.cancel() }
    }

    /// Hands the first result to the caller and cancels the rest.
    func finish(_ value: T) {
        let (winner, losers): (CheckedContinuation<T, Never>?, [Task<Void, Never>]) = lock.withLock {
            let winner = continuation
            continuation = nil
            return (winner, winner == nil ? [] : tasks)
        }
        winner?.resume(returning: value)
        for task in losers { task.cancel() }
    }

    func cancelAll() {
        let all: [Task<Void, Never>] = lock.withLock {
            cancelled = true
            return tasks
        }
        for task in all { task.cancel() }
    }
}
