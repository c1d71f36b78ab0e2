import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The past versions of the flows of a folder: `flows/.history/<id>/<version>.json` (each the flow file exactly as it
/// was) and `flows/.history/<id>/log.jsonl` (one `FlowVersionRecord` per save). Versions are only ever added; pruning
/// by the retention removes the oldest.
public struct FlowHistory: Sendable {
    /// `flows/.history`.
    public let root: URL

    /// The history of the flows folder `flowsFolder`.
    public init(flowsFolder: URL) { root = flowsFolder.appendingPathComponent(".history", isDirectory: true) }

    /// The folder of one flow's past versions.
    public func folder(id: String) -> URL { root.appendingPathComponent(id, isDirectory: true) }

    /// The file of one past version.
    public func versionFile(id: String, version: Int) -> URL { folder(id: id).appendingPathComponent("\(version).json") }

    /// The log of saves of one flow.
    func logFile(id: String) -> URL { folder(id: id).appendingPathComponent("log.jsonl") }

    // MARK: Writing (the caller holds the flows folder's lock)

    /// Keeps the current file `current` (holding `version`) as a past version, before it is replaced. A hard link
    /// costs one directory entry and never copies; where links are refused the bytes are written atomically.
    func archive(current: URL, bytes: [UInt8], id: String, version: Int) throws(FlowStoreError) {
        let target = versionFile(id: id, version: version)
        if link(current.path, target.path) == 0 { return }
        if errno == ENOENT {  // the flow's first archived version: make its folder (once), then link
            try makeFolder(folder(id: id))
            if link(current.path, target.path) == 0 { return }
        }
        if errno == EEXIST, (try? AtomicFile.read(target)) == bytes { return }
        try AtomicFile.write(bytes, to: target)
    }

    /// Appends one record to the flow's log (a line cut short by a crash is skipped when read).
    func record(_ record: FlowVersionRecord, id: String) throws(FlowStoreError) {
        let url = logFile(id: id)
        var fd = open(url.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeFolder(folder(id: id))
            fd = open(url.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw .io("cannot open \(url.path): \(AtomicFile.errnoText())") }
        defer { close(fd) }
        // A line cut short by a crash is closed first, so it cannot swallow this record.
        var last: UInt8 = 0x0A
        let size = lseek(fd, 0, SEEK_END)
        if size > 0 { _ = pread(fd, &last, 1, size - 1) }
        let line = Array(((last == 0x0A ? "" : "\n") + record.jsonLine + "\n").utf8)
        let written = line.withUnsafeBytes { raw in write(fd, raw.baseAddress, raw.count) }
        guard written == line.count else { throw .io("cannot append to \(url.path): \(AtomicFile.errnoText())") }
    }

    /// Removes past versions beyond the retention: the one that just fell out, and every 16th save a full sweep
    /// (so a lowered setting takes effect).
    func prune(id: String, newestArchived version: Int, retention: HistoryRetention) {
        guard retention.keepVersions > 0 else { return }
        if version % 16 == 0 {
            for old in archivedVersions(id: id).dropLast(retention.keepVersions) {
                unlink(versionFile(id: id, version: old).path)
            }
        } else {
            unlink(versionFile(id: id, version: version - retention.keepVersions).path)
        }
    }

    /// Renames a deleted flow's history folder to `<id>.deleted-<UTC time>` (kept, but no longer the id's history).
    func setAside(id: String, now: Date) {
        let dir = folder(id: id)
        guard FileManager.default.fileExists(atPath: dir.path) else { return }
        let stamp = Flow.timestamp(now).filter { $0.isNumber }
        rename(dir.path, root.appendingPathComponent("\(id).deleted-\(stamp)").path)
    }

    private func makeFolder(_ dir: URL) throws(FlowStoreError) {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(dir.path): \(error.localizedDescription) — check the home's permissions")
        }
    }

    // MARK: Reading

    /// The past versions kept for a flow, oldest first.
    public func archivedVersions(id: String) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder(id: id).path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasSuffix(".json") else { return nil }
            return Int(name.dropLast(5))
        }.sorted()
    }

    /// The flow's save records by version (the last record of a version wins).
    public func records(id: String) -> [Int: FlowVersionRecord] {
        guard let data = FileManager.default.contents(atPath: logFile(id: id).path) else { return [:] }
        var result: [Int: FlowVersionRecord] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if let record = FlowVersionRecord(jsonLine: line) { result[record.version] = record }
        }
        return result
    }
}
