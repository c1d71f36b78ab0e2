import Foundation
import GRDB

/// The checks `/ready` and `/metrics` make of the history.
extension HistoryStore {
    /// Throws unless the history is reachable: the database file is still at its path and a new read-only
    /// connection to it answers a trivial query. (The runner's open connections keep answering after the file is
    /// removed or replaced, while every write goes where no one will read it: only a new connection tells.)
    public func probe() throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw HistoryProbeError(message: "\(url.path) is gone (removed or moved while the runner holds it open)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(2)
        let connection = try DatabaseQueue(path: url.path, configuration: configuration)
        defer { try? connection.close() }
        _ = try connection.read { db in try Int.fetchOne(db, sql: "SELECT 1 FROM run LIMIT 1") }
    }

    /// The database's bytes on disk, its WAL included (0 for a file that cannot be read).
    public func sizeOnDisk() -> Int64 {
        [url.path, url.path + "-wal"].reduce(Int64(0)) { total, path in
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            return total + size
        }
    }
}

/// Why the history did not answer a probe.
public struct HistoryProbeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
