import Foundation
import Synchronization

/// The flow index as stored in `flows/.index.json`: for each flow file its stamp and either its summary or why it
/// cannot be read. A cache only: a missing, unreadable, corrupt or foreign index is ignored (and rebuilt), and
/// deleting it is always safe.
struct FlowIndexFile: Codable, Sendable, Equatable {
    /// The layout version; another value is not read.
    static let currentFormat = 2

    /// One flow file, by file name (`<id>.json`).
    struct Entry: Codable, Sendable, Equatable {
        var stamp: FileStamp
        /// The file changed so close to the moment it was read that an equal stamp later does not prove the same
        /// content: such an entry is never trusted, the file is read again.
        var racy: Bool
        var summary: FlowSummary?
        var broken: BrokenFile?
    }

    /// A file that could not be read as a flow (cached so a broken file is not re-parsed every time).
    struct BrokenFile: Codable, Sendable, Equatable {
        var path: String
        var line: Int?
        var column: Int?
        var message: String
    }

    var format: Int
    /// Who checked the flows and against what (the program's build and the connections): check results made by
    /// another build or for other connections are not reused.
    var checker: String
    var entries: [String: Entry]

    /// The index at `url`, or nil when it is missing, unreadable, corrupt or of another format. `stamp` is the
    /// file's stamp as the caller saw it: an index this process decoded before with that same stamp is not decoded
    /// again — the app's runner and its Flows list share one decoding at start.
    static func load(_ url: URL, stamp: FileStamp? = nil) -> FlowIndexFile? {
        if let stamp, let known = LastIndex.shared.index(path: url.path, stamp: stamp) { return known }
        guard let data = FileManager.default.contents(atPath: url.path),
              let index = FlowIndexDecoding.decode([UInt8](data)), index.format == currentFormat else { return nil }
        // No racy window here, unlike flow files: the index is only ever replaced by rename, so a new index has a
        // new inode unless an inode freed by an earlier replacement is reused, and then its times differ — three
        // fsync'ed multi-megabyte writes cannot fall within one timestamp tick.
        if let stamp, FileStamp.of(path: url.path) == stamp {
            LastIndex.shared.remember(index, path: url.path, stamp: stamp)
        }
        return index
    }

    /// Writes the index atomically (temp file, fsync, rename): a reader sees the old index or the new one, never a
    /// half-written one.
    func write(to url: URL) throws(FlowStoreError) {
        let data: Data
        do { data = try JSONEncoder().encode(self) } catch { throw .io("cannot encode the flow index: \(error)") }
        try AtomicFile.write([UInt8](data), to: url)
    }
}

extension FlowIndexFile.BrokenFile {
    init(_ error: FlowFileError) {
        self.init(path: error.path, line: error.line, column: error.column, message: error.message)
    }

    /// The error again, reported against `file`.
    func error(file: String) -> FlowFileError {
        FlowFileError(file: file, path: path, line: line, column: column, message: message)
    }
}

/// The last flow index this process decoded, by path and file stamp (one entry: a process works on one home).
final class LastIndex: Sendable {
    static let shared = LastIndex()

    private struct Known: Sendable {
        var path: String
        var stamp: FileStamp
        var index: FlowIndexFile
    }

    private let known = Mutex<Known?>(nil)

    /// The index decoded before from `path` when the file still has `stamp`.
    func index(path: String, stamp: FileStamp) -> FlowIndexFile? {
        known.withLock { known in
            guard let known, known.path == path, known.stamp == stamp else { return nil }
            return known.index
        }
    }

    func remember(_ index: FlowIndexFile, path: String, stamp: FileStamp) {
        known.withLock { $0 = Known(path: path, stamp: stamp, index: index) }
    }
}
