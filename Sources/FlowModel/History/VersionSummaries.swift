/// The one-line "what changed" of each version against the one before it (computed when listed, not stored).
public struct VersionSummaries: Sendable, Hashable {
    private var texts: [Int: String] = [:]

    /// No summaries.
    public init() {}

    /// Summaries for the newest `limit` of `entries` (newest first; older ones get none, so a long history of a big
    /// flow lists quickly); the oldest kept version reads "created" (version 1) or "first kept version".
    public init(store: FlowStore, id: String, entries: [FlowVersionEntry], limit: Int = Int.max) {
        let count = limit >= entries.count ? entries.count : max(0, limit) + 1
        let shown = Array(entries.prefix(count))
        let history = store.history
        let flows = ParallelMap.map(shown) { entry -> (Int, Flow?) in
            let url = entry.isCurrent ? try? store.fileURL(for: id) : history.versionFile(id: id, version: entry.version)
            return (entry.version, url.flatMap { try? store.read($0) })
        }
        let summaries = ParallelMap.map(Array(flows.indices)) { index -> String? in
            guard index + 1 < flows.count else {
                guard count == entries.count else { return nil }
                return flows[index].0 == 1 ? "created" : "first kept version"
            }
            guard let flow = flows[index].1, let older = flows[index + 1].1 else { return "unreadable" }
            return FlowDiffer.diff(older, flow).summary
        }
        for (index, summary) in summaries.enumerated() { texts[flows[index].0] = summary }
    }

    /// The summary of `version` ("" when it was not computed).
    public func text(for version: Int) -> String { texts[version] ?? "" }
}
