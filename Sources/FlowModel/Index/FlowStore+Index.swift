import Foundation

extension FlowStore {
    /// `flows/.index.json`: the flow index (a cache; safe to delete).
    public var indexFile: URL { folder.appendingPathComponent(".index.json") }

    /// The flow summaries and check results of the folder, reading and checking only the files whose stamp
    /// (size, inode, mtime, ctime) differs from the index's — or that changed too recently to be trusted — and
    /// writing the index back when anything changed. A missing, corrupt or foreign index means every file is read;
    /// it is never an error.
    public func summaries(context: CheckContext = CheckContext()) -> FlowSummaryListing {
        summaries(context: context, racyWindow: FileStamp.racyWindow)
    }

    /// `summaries(context:)` with another racy window (tests use 0 so files written a moment ago are trusted).
    func summaries(context: CheckContext, racyWindow: Int64) -> FlowSummaryListing {
        let (entries, filesRead) = indexEntries(context: context, racyWindow: racyWindow)
        return listing(of: entries, filesRead: filesRead)
    }

    /// The index's entries brought up to date (stale files read and checked, the index written back when anything
    /// changed), and how many files were read.
    func indexEntries(context: CheckContext, racyWindow: Int64) -> (entries: [String: FlowIndexFile.Entry], filesRead: Int) {
        let checker = CheckerIdentity.current(context)
        let indexStampBefore = FileStamp.of(path: indexFile.path)
        let previous = FlowIndexFile.load(indexFile, stamp: indexStampBefore).flatMap { $0.checker == checker ? $0 : nil }
        var entries: [String: FlowIndexFile.Entry] = [:]
        var stale: [String] = []
        let base = folder.path + "/"  // a path by concatenation: `appendingPathComponent` per file showed at 13 % in perf
        for name in flowFileNames() {
            let stamp = FileStamp.of(path: base + name)
            if let stamp, let old = previous?.entries[name], !old.racy, old.stamp == stamp {
                entries[name] = old
            } else {
                stale.append(name)
            }
        }
        let readAt = FileStamp.now()
        let store = self
        let fresh = ParallelMap.map(stale) { name in (name, store.indexEntry(name, context: context, readAt: readAt, racyWindow: racyWindow)) }
        for case let (name, entry?) in fresh { entries[name] = entry }
        let index = FlowIndexFile(format: FlowIndexFile.currentFormat, checker: checker, entries: entries)
        if index != previous { writeIndex(index, ifStill: indexStampBefore) }
        return (entries, stale.count)
    }

    /// The `.json` files of the folder (hidden files — the index, temp files — left out), sorted.
    func flowFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }

    /// Reads and checks one file; nil when it vanished meanwhile. A file whose stamp moved while it was read, or
    /// that changed within `FileStamp.racyWindow` of `readAt`, is marked racy: listed now, re-read next time.
    private func indexEntry(_ name: String, context: CheckContext, readAt: Int64, racyWindow: Int64) -> FlowIndexFile.Entry? {
        let url = folder.appendingPathComponent(name)
        guard let before = FileStamp.of(path: url.path) else { return nil }
        var summary: FlowSummary?
        var broken: FlowIndexFile.BrokenFile?
        do {
            let flow = try read(url)
            summary = FlowSummary(flow, issues: FlowChecker.check(flow, context: context))
        } catch {
            if case .notFound = error { return nil }
            broken = FlowIndexFile.BrokenFile(Self.fileError(error, url))
        }
        guard let after = FileStamp.of(path: url.path) else { return nil }
        let racy = after != before || after.isRacy(readAt: readAt, window: racyWindow)
        return FlowIndexFile.Entry(stamp: after, racy: racy, summary: summary, broken: broken)
    }

    /// Replaces the index — compare-and-swap: only when no other writer is writing it now (`.index.lock`, not
    /// waited for) and the file is still the one this listing started from. Otherwise the other writer's index
    /// stands; either is safe to use because every entry is checked against its file's stamp before it is trusted.
    private func writeIndex(_ index: FlowIndexFile, ifStill expected: FileStamp?) {
        guard FileManager.default.fileExists(atPath: folder.path),
              let lock = FileLock(tryLocking: folder.appendingPathComponent(".index.lock")) else { return }
        defer { withExtendedLifetime(lock) {} }
        guard FileStamp.of(path: indexFile.path) == expected else { return }
        try? index.write(to: indexFile)
    }

    /// The listing an index describes, flows sorted by name.
    private func listing(of entries: [String: FlowIndexFile.Entry], filesRead: Int) -> FlowSummaryListing {
        var flows: [FlowSummary] = []
        var broken: [FlowFileError] = []
        flows.reserveCapacity(entries.count)
        for name in entries.keys.sorted() {
            guard let entry = entries[name] else { continue }
            if let summary = entry.summary { flows.append(summary) }
            if let problem = entry.broken { broken.append(problem.error(file: folder.appendingPathComponent(name).path)) }
        }
        flows.sort(by: FlowSummary.listOrder)
        return FlowSummaryListing(flows: flows, broken: broken, filesRead: filesRead)
    }
}
