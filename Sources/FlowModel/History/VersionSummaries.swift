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
        for (index, (version, flow)) in flows.enumerated() {
            guard index + 1 < flows.count else {
                if count == entries.count { texts[version] = version == 1 ? "created" : "first kept version" }
                continue
            }
            guard let flow, let older = flows[index + 1].1 else {
                texts[version] = "unreadable"
                continue
            }
            texts[version] = FlowDiffer.diff(older, flow).summary
        }
    }

    /// The summary of `version` ("" when it was not computed).
    public func text(for version: Int) -> String { texts[version] ?? "" }
}
