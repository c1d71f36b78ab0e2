import Foundation

/// Runs a throwing job on another thread at once and hands its result to whoever waits for it.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchGroup()
    private var result: Result<Value, any Error> = .failure(CancellationError())

    /// Starts `work` on a global dispatch queue.
    init(_ work: @escaping @Sendable () throws -> Value) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let outcome = Result { try work() }
            lock.withLock { result = outcome }
            finished.leave()
        }
    }

    /// Blocks until the job has finished; returns its value or rethrows its error.
    func wait() throws -> Value {
        finished.wait()
        return try lock.withLock { result }.get()
    }
}
