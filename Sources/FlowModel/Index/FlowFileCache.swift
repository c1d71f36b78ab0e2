import Foundation

/// The flows of a folder kept in memory between listings, so a process that lists again and again (the runner's
/// reload after every save) reads and decodes only the files whose stamp changed. Files changed within
/// `FileStamp.racyWindow` of being read, or that moved while being read, are read again next time.
///
/// With a check context, a listing that finds many files to read first brings the flow index up to date and leaves
/// out the flows the index says are Off (only their ids are kept, `skippedFile(id:)` finds their file): a runner
/// needs its On flows at once and an Off one only when asked for it.
public struct FlowFileCache: Sendable {
    private enum Content: Sendable {
        case flow(StoredFlow)
        case broken(FlowFileError)
        /// Left out: the index says this file holds the Off flow with this id.
        case off(id: String)
    }

    private struct Entry: Sendable {
        var stamp: FileStamp
        var racy: Bool
        var content: Content
    }

    private var entries: [String: Entry] = [:]

    /// How many files the last `list` read (the rest came from memory or, left out, from the index).
    public private(set) var lastFilesRead = 0

    /// The Off flows the last `list` left out: flow id → file name.
    private var skipped: [String: String] = [:]

    /// How many Off flows the last `list` left out.
    public var lastSkipped: Int { skipped.count }

    /// Above this many files to read, a listing with a check context goes through the flow index.
    static let indexThreshold = 32

    public init() {}

    /// The same as `store.list()`, reading only new and changed files; forgets deleted ones. With `skippingOff`, the
    /// context the index is checked with, Off flows known to the index are left out of the listing.
    public mutating func list(_ store: FlowStore, skippingOff context: CheckContext? = nil) -> FlowListing {
        list(store, skippingOff: context, racyWindow: FileStamp.racyWindow)
    }

    /// `list(_:skippingOff:)` with another racy window (tests use 0 so files written a moment ago are trusted).
    mutating func list(_ store: FlowStore, skippingOff context: CheckContext? = nil, racyWindow: Int64) -> FlowListing {
        var kept: [String: Entry] = [:]
        var stale: [String] = []
        let base = store.folder.path + "/"
        for name in store.flowFileNames() {
            let stamp = FileStamp.of(path: base + name)
            if let stamp, let old = entries[name], !old.racy, old.stamp == stamp {
                kept[name] = old
            } else {
                stale.append(name)
            }
        }
        if let context, stale.count > Self.indexThreshold {
            let indexed = store.indexEntries(context: context, racyWindow: racyWindow).entries
            stale.removeAll { name in
                guard let entry = indexed[name], !entry.racy, let summary = entry.summary, summary.state == .off else { return false }
                kept[name] = Entry(stamp: entry.stamp, racy: false, content: .off(id: summary.id))
                return true
            }
        }
        let readAt = FileStamp.now()
        let fresh = ParallelMap.map(stale) { name in (name, Self.read(name, store: store, readAt: readAt, racyWindow: racyWindow)) }
        for case let (name, entry?) in fresh { kept[name] = entry }
        entries = kept
        lastFilesRead = stale.count
        var offFiles: [String: String] = [:]
        var flows: [StoredFlow] = []
        var broken: [FlowFileError] = []
        for name in kept.keys.sorted() {
            switch kept[name]?.content {
            case .flow(let stored)?: flows.append(stored)
            case .broken(let error)?: broken.append(error)
            case .off(let id)?: offFiles[id] = offFiles[id] ?? name
            case nil: break
            }
        }
        skipped = offFiles
        flows.sort { ($0.flow.displayName.lowercased(), $0.flow.id) < ($1.flow.displayName.lowercased(), $1.flow.id) }
        return FlowListing(flows: flows, broken: broken)
    }

    /// The file of a flow the last listing left out as Off, by the flow's id (nil when none was left out).
    public func skippedFile(id: String, in store: FlowStore) -> URL? {
        skipped[id].map { store.folder.appendingPathComponent($0) }
    }

    /// Reads one file with its stamp; nil when it vanished meanwhile.
    private static func read(_ name: String, store: FlowStore, readAt: Int64, racyWindow: Int64) -> Entry? {
        let url = store.folder.appendingPathComponent(name)
        guard let before = FileStamp.of(path: url.path) else { return nil }
        let content: Content
        do {
            content = .flow(StoredFlow(flow: try store.read(url), file: url))
        } catch {
            if case .notFound = error { return nil }
            content = .broken(FlowStore.fileError(error, url))
        }
        guard let after = FileStamp.of(path: url.path) else { return nil }
        return Entry(stamp: after, racy: after != before || after.isRacy(readAt: readAt, window: racyWindow), content: content)
    }
}
