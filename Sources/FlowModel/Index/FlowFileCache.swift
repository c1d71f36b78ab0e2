import Foundation

/// The flows of a folder kept in memory between listings, so a process that lists again and again (the runner's
/// reload after every save) reads and decodes only the files whose stamp changed. Files changed within
/// `FileStamp.racyWindow` of being read, or that moved while being read, are read again next time.
public struct FlowFileCache: Sendable {
    private struct Entry: Sendable {
        var stamp: FileStamp
        var racy: Bool
        var result: Result<StoredFlow, FlowFileError>
    }

    private var entries: [String: Entry] = [:]

    /// How many files the last `list` read (the rest came from memory).
    public private(set) var lastFilesRead = 0

    public init() {}

    /// The same as `store.list()`, reading only new and changed files; forgets deleted ones.
    public mutating func list(_ store: FlowStore) -> FlowListing {
        list(store, racyWindow: FileStamp.racyWindow)
    }

    /// `list(_:)` with another racy window (tests use 0 so files written a moment ago are trusted).
    mutating func list(_ store: FlowStore, racyWindow: Int64) -> FlowListing {
        var kept: [String: Entry] = [:]
        var stale: [String] = []
        for name in store.flowFileNames() {
            let stamp = FileStamp.of(path: store.folder.appendingPathComponent(name).path)
            if let stamp, let old = entries[name], !old.racy, old.stamp == stamp {
                kept[name] = old
            } else {
                stale.append(name)
            }
        }
        let readAt = FileStamp.now()
        let fresh = ParallelMap.map(stale) { name in (name, Self.read(name, store: store, readAt: readAt, racyWindow: racyWindow)) }
        for case let (name, entry?) in fresh { kept[name] = entry }
        entries = kept
        lastFilesRead = stale.count
        var flows: [StoredFlow] = []
        var broken: [FlowFileError] = []
        for name in kept.keys.sorted() {
            switch kept[name]?.result {
            case .success(let stored)?: flows.append(stored)
            case .failure(let error)?: broken.append(error)
            case nil: break
            }
        }
        flows.sort { ($0.flow.displayName.lowercased(), $0.flow.id) < ($1.flow.displayName.lowercased(), $1.flow.id) }
        return FlowListing(flows: flows, broken: broken)
    }

    /// Reads one file with its stamp; nil when it vanished meanwhile.
    private static func read(_ name: String, store: FlowStore, readAt: Int64, racyWindow: Int64) -> Entry? {
        let url = store.folder.appendingPathComponent(name)
        guard let before = FileStamp.of(path: url.path) else { return nil }
        let result: Result<StoredFlow, FlowFileError>
        do {
            result = .success(StoredFlow(flow: try store.read(url), file: url))
        } catch {
            if case .notFound = error { return nil }
            result = .failure(FlowStore.fileError(error, url))
        }
        guard let after = FileStamp.of(path: url.path) else { return nil }
        return Entry(stamp: after, racy: after != before || after.isRacy(readAt: readAt, window: racyWindow), result: result)
    }
}
