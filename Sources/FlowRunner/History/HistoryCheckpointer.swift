import Dispatch
import Foundation
import GRDB

/// Moves the history's WAL into the database file in the background and keeps the WAL file small. SQLite's
/// automatic checkpoint runs on the committing writer and stalls it for milliseconds every thousand pages; here the
/// writer never checkpoints, and a passive checkpoint (which does not block writers) runs on its own connection
/// every second. A passive checkpoint never shrinks the file, and under a steady load with readers the WAL is never
/// empty when a write begins, so SQLite never rewinds it: it grew by 2.7 GB a minute at 900 runs/s. So once the WAL
/// holds more than `truncateAbove` frames, a TRUNCATE checkpoint copies the rest and cuts the file to zero. It runs
/// on the pool's writer connection, between two of the writer's transactions: run from a connection of its own it
/// waited for a writer that never paused and gave up (the WAL still grew, by 20 MB a minute).
final class HistoryCheckpointer: @unchecked Sendable {
    /// Frames (pages) in the WAL above which it is truncated: 16,384 frames, 64 MiB at 4 KiB pages.
    static let defaultTruncateAbove = 16_384

    private let connection: DatabaseQueue
    private let timer: any DispatchSourceTimer

    init(path: String, pool: DatabasePool, interval: Double = 1, truncateAbove: Int = HistoryCheckpointer.defaultTruncateAbove) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "insightflow.history.checkpoint", qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [connection] in
            let frames = (try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }) ?? 0
            if frames > truncateAbove {
                _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
        _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
    }
}
