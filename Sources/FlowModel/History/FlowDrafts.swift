import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unsaved edit kept beside its flow so a crash or a closed terminal loses nothing: `flows/.<id>.draft.json`
/// (hidden, so the flow list and index never see it). The file is a flow file whose `version` is the version the
/// edit started from.
public struct FlowDraft: Sendable, Hashable {
    /// The edited flow (its `version` is the version the edit started from).
    public var flow: Flow
    /// When the draft was last written.
    public var savedAt: Date
}

extension FlowStore {
    /// The draft file of a flow.
    public func draftFile(id: String) throws(FlowStoreError) -> URL {
        _ = try fileURL(for: id)
        return folder.appendingPathComponent(".\(id).draft.json")
    }

    /// Writes (atomically) the unsaved edit of a flow.
    public func saveDraft(_ flow: Flow) throws(FlowStoreError) {
        try AtomicFile.write(FlowCodec.encode(flow), to: try draftFile(id: flow.id))
    }

    /// The kept draft of a flow, if any; an unreadable draft is reported as an error naming the file.
    public func loadDraft(id: String) throws(FlowStoreError) -> FlowDraft? {
        let url = try draftFile(id: id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var flow = try decode(AtomicFile.read(url), from: url)
        flow.id = id
        let modified = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? Date()
        return FlowDraft(flow: flow, savedAt: modified)
    }

    /// Removes a flow's draft (after a save, or when the user discards it); no draft is no error.
    public func discardDraft(id: String) {
        guard let url = try? draftFile(id: id) else { return }
        unlink(url.path)
    }
}
