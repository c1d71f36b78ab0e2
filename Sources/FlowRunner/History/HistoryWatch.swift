import Foundation
import GRDB
import Synchronization

extension HistoryStore {
    /// A stream that yields whenever the history changed: at once for a commit of this process (`HistoryCommits`,
    /// bursts coalesced to one signal per `interval`), and for other processes' commits through SQLite's
    /// `data_version`, read on a connection of its own every `interval` seconds while things change, backing off
    /// to every `idleInterval` seconds when nothing does (so an idle app or `serve` costs no CPU). Ends when the
    /// consuming task is cancelled.
    public func changes(every interval: Double = 0.1, idleInterval: Double = 2) -> AsyncStream<Void> {
        let path = url.path
        let local = commits.stream()
        let base = max(0.01, min(interval, 60))
        let ceiling = max(base, min(idleInterval, 60))
        return AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let pace = PollPace(base: base)
            let own = Task.detached {
                for await _ in local {
                    continuation.yield()
                    pace.reset()
                    try? await Task.sleep(for: .milliseconds(Int64(base * 1000)))
                }
            }
            let others = Task.detached {
                var configuration = Configuration()
                configuration.readonly = true
                guard let connection = try? DatabaseQueue(path: path, configuration: configuration) else { return }
                var last: Int?
                while !Task.isCancelled {
                    let version = try? await connection.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
                    if let version, version != last {
                        if last != nil {
                            continuation.yield()
                            pace.reset()
                        }
                        last = version
                    } else {
                        pace.slowDown(ceiling: ceiling)
                    }
                    try? await Task.sleep(for: .milliseconds(Int64(pace.seconds * 1000)))
                }
            }
            continuation.onTermination = { _ in
                own.cancel()
                others.cancel()
            }
        }
    }
}

/// How long the `data_version` poll waits: the base interval after a change, doubling while nothing changes.
private final class PollPace: Sendable {
    private let base: Double
    private let current: Mutex<Double>

    init(base: Double) {
        self.base = base
        current = Mutex(base)
    }

    var seconds: Double { current.withLock { $0 } }
    func reset() { current.withLock { $0 = base } }
    func slowDown(ceiling: Double) { current.withLock { $0 = min(ceiling, $0 * 2) } }
}
