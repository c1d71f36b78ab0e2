/// The one-line "what changed" of each version against the one before it (computed when listed, not stored).
public struct VersionSummaries: Sendable, Hashable {
    private var texts: [Int: String] = [:]

    /// No summaries.
    public init() {}

    /// Summaries for `entries` (newest first); a version without an older kept one reads "first kept version".
    public init(store: FlowStore, id: String, entries: [FlowVersionEntry]) {
        let flows = entries.map { entry in (entry.version, try? store.load(id: id, version: entry.version)) }
        for (index, (version, flow)) in flows.enumerated() {
            guard index + 1 < flows.count else {
                texts[version] = version == 1 ? "created" : "first kept version"
                continue
            }
            guard let flow, let older = flows[index + 1].1 else { texts[version] = "unreadable"; continue }
            texts[version] = FlowDiffer.diff(older, flow).summary
        }
    }

    /// The summary of `version`.
    public func text(for version: Int) -> String { texts[version] ?? "" }
}
