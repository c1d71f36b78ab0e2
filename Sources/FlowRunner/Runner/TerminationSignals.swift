import Dispatch
import Foundation
import Synchronization

/// SIGINT and SIGTERM for a process that must stop cleanly (`serve`): the default handlers are replaced, and
/// `wait()` returns at the first of them.
public enum TerminationSignals {
    /// Waits for SIGINT or SIGTERM.
    public static func wait() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "insightflow.signals")
        var sources: [any DispatchSourceSignal] = []
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.resume() }
                source.resume()
                sources.append(source)
            }
        }
        withExtendedLifetime(sources) {}
    }

    /// Resumes a continuation exactly once, whichever signal comes first.
    private final class ResumeOnce: Sendable {
        private let continuation: Mutex<CheckedContinuation<Void, Never>?>

        init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = Mutex(continuation) }

        func resume() {
            continuation.withLock { pending in
                pending?.resume()
                pending = nil
            }
        }
    }
}
