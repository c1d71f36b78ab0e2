import Foundation

/// The flow index as stored in `flows/.index.json`: for each flow file its stamp and either its summary or why it
/// cannot be read. A cache only: a missing, unreadable, corrupt or foreign index is ignored (and rebuilt), and
/// deleting it is always safe.
struct FlowIndexFile: Codable, Sendable, Equatable {
    /// The layout version; another value is not read.
    static let currentFormat = 1

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

    /// The index at `url`, or nil when it is missing, unreadable, corrupt or of another format.
    static func load(_ url: URL) -> FlowIndexFile? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let index = try? JSONDecoder().decode(FlowIndexFile.self, from: data),
              index.format == currentFormat else { return nil }
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
