import ArgumentParser
import FlowExpressions
import FlowModel

/// `insightflow flow history NAME`: the kept versions of a flow, newest first, with who/when/how and what changed.
struct FlowHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List a flow's kept versions (newest first).")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Flag(help: "Print the versions as JSON.") var json = false

    func run() throws {
        let store = FlowStore(home: home.location)
        let (id, entries) = try Self.storeCall { () throws(FlowStoreError) in
            let id = try store.find(flow).flow.id
            return (id, try store.versions(id: id))
        }
        let summaries = VersionSummaries(store: store, id: id, entries: entries)
        if json {
            Self.printJSON(.array(entries.map { entry in
                .object([
                    "version": .int(entry.version), "current": .bool(entry.isCurrent),
                    "savedAt": entry.savedAt.map(JSONValue.string) ?? .null, "by": entry.record.map { .string($0.by) } ?? .null,
                    "via": entry.record.map { .string($0.via.rawValue) } ?? .null, "note": entry.record?.note.map(JSONValue.string) ?? .null,
                    "changes": .string(summaries.text(for: entry.version)),
                ])
            }))
            return
        }
        Self.printTable(header: ["VERSION", "SAVED", "BY", "VIA", "CHANGES"], rows: entries.map { entry in
            let note = entry.record?.note.map { " (\($0))" } ?? ""
            return ["\(entry.version)\(entry.isCurrent ? " (current)" : "")", entry.savedAt ?? "?", entry.record?.by ?? "?",
                    entry.record?.via.rawValue ?? "?", summaries.text(for: entry.version) + note]
        }, maxWidth: 60)
    }
}

/// `insightflow flow diff NAME [V1] [V2]`: what changed between two versions, as a tree (default: previous → current).
struct FlowDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a flow (default: the previous version → the current one).",
        discussion: "Steps added, removed, renamed and moved, parameters and runAfter changed, nested as in the flow.\nWith one version: that version → the current one."
    )
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Argument(help: "The older version (default: the one before the current).") var from: Int?
    @Argument(help: "The newer version (default: the current one).") var to: Int?
    @Flag(help: "Print the diff as JSON (for tools).") var json = false

    func run() throws {
        let store = FlowStore(home: home.location)
        let (name, diff) = try Self.storeCall { () throws(FlowStoreError) in
            let current = try store.find(flow).flow
            let newer = to ?? current.version
            var older = from ?? 0
            if from == nil { older = try Self.previous(before: newer, in: store.versions(id: current.id), id: current.id) }
            let diff = FlowDiffer.diff(try store.load(id: current.id, version: older), try store.load(id: current.id, version: newer))
            return (current.displayName, diff)
        }
        if json {
            Self.printJSON(diff.json)
        } else {
            print(diff.text(flowName: name))
        }
    }

    /// The newest kept version older than `version`.
    static func previous(before version: Int, in entries: [FlowVersionEntry], id: String) throws(FlowStoreError) -> Int {
        guard let older = entries.map(\.version).filter({ $0 < version }).max() else {
            throw .versionNotFound(id: id, version: version - 1, kept: entries.map(\.version).sorted())
        }
        return older
    }
}

/// `insightflow flow restore NAME V`: make version V the flow's content again, as a new version.
struct FlowRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Make an old version current again (saved as a new version; the history is kept).")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Argument(help: "The version to restore (see `flow history`).") var version: Int

    func run() throws {
        let store = FlowStore(home: home.location)
        let context = Self.checkContext(home.location)
        let current = try Self.storeCall { () throws(FlowStoreError) in try store.find(flow).flow }
        guard current.version != version else {
            print("\(current.id): version \(version) is already the current version; nothing to restore")
            return
        }
        let restored = try Self.storeCall { () throws(FlowStoreError) in
            try store.restore(id: current.id, version: version, context: context)
        }
        let off = restored.state == .off && (try? store.versions(id: restored.id).first?.record?.note?.contains("Off")) == true
        print("\(restored.id): version \(version) restored as version \(restored.version)" + (off ? " (Off: it has errors; `flow validate` shows them)" : ""))
    }
}
