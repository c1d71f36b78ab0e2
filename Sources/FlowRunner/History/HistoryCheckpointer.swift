import Dispatch
import Foundation
import GRDB

/// Moves the history's WAL into the database file in the background. SQLite's automatic checkpoint runs on
/// the committing writer and stalls it for milliseconds every thousand pages; here the writer never
/// checkpoints, and a passive checkpoint (which does not block writers) runs on its own connection every second.
final class HistoryCheckpointer: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let timer: any DispatchSourceTimer

    init(path: String, interval: Double = 1) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "insightflow.history.checkpoint", qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [connection] in
            _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
        _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
    }
}
