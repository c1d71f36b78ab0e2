import Foundation
import GRDB

extension HistoryStore {
    /// A stream that yields whenever any process committed to the history (SQLite's `data_version`, read on a
    /// connection of its own every `interval` seconds); ends when the consuming task is cancelled.
    public func changes(every interval: Double = 0.1) -> AsyncStream<Void> {
        let path = url.path
        return AsyncStream { continuation in
            let task = Task.detached {
                var configuration = Configuration()
                configuration.readonly = true
                guard let connection = try? DatabaseQueue(path: path, configuration: configuration) else {
                    continuation.finish()
                    return
                }
                var last: Int?
                let pause = Duration.milliseconds(Int64(max(0.01, min(interval, 60)) * 1000))
                while !Task.isCancelled {
                    let version = try? await connection.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
                    if let version, version != last {
                        if last != nil { continuation.yield() }
                        last = version
                    }
                    try? await Task.sleep(for: pause)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
