import Foundation

/// One version of a flow as the history lists it.
public struct FlowVersionEntry: Sendable, Hashable {
    /// The version number.
    public var version: Int
    /// Who saved it, when, from where (nil for versions saved before the history existed).
    public var record: FlowVersionRecord?
    /// True for the flow file itself (the newest version).
    public var isCurrent: Bool
    /// ISO 8601 time the version was saved (the record's, else the file's `modifiedAt`).
    public var savedAt: String?
}

extension FlowStore {
    /// Every kept version of a flow, newest first: the current file, then the past versions.
    public func versions(id: String) throws(FlowStoreError) -> [FlowVersionEntry] {
        let current = try load(id: id).flow
        let history = self.history
        let records = history.records(id: id)
        var entries = [FlowVersionEntry(version: current.version, record: records[current.version], isCurrent: true,
                                        savedAt: records[current.version]?.savedAt ?? current.modifiedAt)]
        for version in history.archivedVersions(id: id).reversed() where version < current.version {
            let savedAt = records[version]?.savedAt ?? (try? read(history.versionFile(id: id, version: version)))?.modifiedAt
            entries.append(FlowVersionEntry(version: version, record: records[version], isCurrent: false, savedAt: savedAt))
        }
        return entries
    }

    /// The flow as it was at `version` (the current file when it is the current version).
    public func load(id: String, version: Int) throws(FlowStoreError) -> Flow {
        let current = try load(id: id).flow
        if version == current.version { return current }
        let url = history.versionFile(id: id, version: version)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .versionNotFound(id: id, version: version, kept: history.archivedVersions(id: id) + [current.version])
        }
        var flow = try read(url)
        flow.id = id
        return flow
    }

    /// Makes `version` the flow's content again as a new version (the history is never rewritten). The flow's On/Off
    /// state stays as it is now — a restore changes what the flow does, not whether it runs — except that a version
    /// the checker finds errors in is restored Off (the note says so).
    @discardableResult
    public func restore(id: String, version: Int, context: CheckContext = CheckContext(), now: Date = Date()) throws(FlowStoreError) -> Flow {
        let current = try load(id: id).flow
        var restored = try load(id: id, version: version)
        restored.state = current.state
        var note = "restored from version \(version)"
        if restored.state == .on, !FlowChecker.canTurnOn(restored, context: context) {
            restored.state = .off
            note += ", Off: it has errors"
        }
        return try save(restored, expectedVersion: current.version, now: now, origin: .restore, note: note)
    }
}
