import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// Designer services over the real flows folder (`FlowStore`); the workspace, connections and runs come from
/// closures so the caller can plug in the Insights workspace and the runner without this target depending on them.
@MainActor
public final class StoreDesignerServices: DesignerServices {
    private let store: FlowStore
    /// The flows store, for the history extension.
    var historyStore: FlowStore { store }
    private let home: InsightFlowHome
    private let workspaceProvider: @MainActor () -> WorkspaceSnapshot
    private let runsProvider: @MainActor () -> [String: RunSummary]
    public let runner: (any RunnerLink)?
    public let unification: (any UnificationServices)?

    public init(home: InsightFlowHome,
                workspace: @escaping @MainActor () -> WorkspaceSnapshot = { WorkspaceSnapshot() },
                runs: @escaping @MainActor () -> [String: RunSummary] = { [:] }, runner: (any RunnerLink)? = nil,
                unification: (any UnificationServices)? = nil) {
        self.runner = runner
        self.unification = unification
        self.home = home
        self.store = FlowStore(home: home)
        self.workspaceProvider = workspace
        self.runsProvider = runs
    }

    /// The summaries from the flow index (`flows/.index.json`): only files changed since it was written are read.
    public func listFlows() -> (flows: [FlowSummary], problems: [String]) {
        let listing = store.summaries(context: CheckContext(connections: connectionKinds()))
        return (listing.flows, listing.broken.map(\.description))
    }

    public func loadFlow(id: String) throws(FlowStoreError) -> Flow { try store.load(id: id).flow }

    public func createFlow(_ flow: Flow) throws(FlowStoreError) -> Flow {
        try store.createWithFreeID(flow, basedOn: flow.displayName, origin: .designer)
    }

    public func saveFlow(_ flow: Flow, expectedVersion: Int) throws(FlowStoreError) -> Flow {
        try store.save(flow, expectedVersion: expectedVersion, origin: .designer)
    }

    public func setState(id: String, _ state: FlowState) throws(FlowStoreError) -> Flow {
        try store.setState(id: id, state, context: CheckContext(connections: connectionKinds()), origin: .designer)
    }

    public func renameFlow(id: String, to name: String) throws(FlowStoreError) -> Flow { try store.rename(id: id, to: name, origin: .designer) }

    public func duplicateFlow(id: String, as name: String) throws(FlowStoreError) -> Flow { try store.duplicate(id: id, as: name) }

    public func deleteFlow(id: String) throws(FlowStoreError) { try store.delete(id: id) }

    public func exportFlow(id: String, to path: String) throws(FlowStoreError) {
        let flow = try store.load(id: id).flow
        do {
            try Data(FlowCodec.encode(flow)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io("cannot write \(path): \(error.localizedDescription)")
        }
    }

    public func importFlow(from path: String) throws(FlowStoreError) -> Flow {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io("cannot read \(path)") }
        let imported: FlowImport
        do {
            imported = try FlowImporter.importDocument([UInt8](data), file: path, fallbackName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        } catch {
            throw .badFile(error)
        }
        var flow = imported.flow
        flow.state = .off
        return try store.createWithFreeID(flow, basedOn: flow.displayName, origin: .import)
    }

    /// The step clipboard's file: in the home, so a step copied in one flow (or one app) pastes into another.
    public var clipboardFile: URL { home.url.appendingPathComponent("clipboard.json") }

    public func readClipboard() -> JSONValue? {
        guard let bytes = try? AtomicFile.read(clipboardFile) else { return nil }
        return try? JSONValue.parse(bytes: bytes)
    }

    public func writeClipboard(_ value: JSONValue) throws(FlowStoreError) {
        try AtomicFile.write(value.jsonBytes(pretty: true), to: clipboardFile, mode: 0o600)
    }

    public func workspace() -> WorkspaceSnapshot { workspaceProvider() }

    public func connections() -> [String: String] { connectionKinds() }

    public func lastRuns() -> [String: RunSummary] { runsProvider() }

    public func systemFacts() -> [Fact] {
        [Fact("Home", home.url.path), Fact("Flows folder", home.flowsFolder.path), Fact("Workspace", home.workspaceFolder.path),
         Fact("Connections file", home.connectionsFile.path)]
    }

    /// Connection name → kind from `connections.json` (re-read each time: Admin > Connections edits it).
    private func connectionKinds() -> [String: String] {
        (try? ConnectionStore(home: home).checkContext())?.connections ?? [:]
    }
}

extension StoreDesignerServices: FlowHistoryServices {
    /// The History screen computes "what changed" for this many of the newest versions (Enter shows any diff).
    static let summarizedVersions = 30

    public func flowVersions(id: String) throws(FlowStoreError) -> (entries: [FlowVersionEntry], summaries: VersionSummaries) {
        let entries = try historyStore.versions(id: id)
        return (entries, VersionSummaries(store: historyStore, id: id, entries: entries, limit: Self.summarizedVersions))
    }

    public func loadFlow(id: String, version: Int) throws(FlowStoreError) -> Flow { try historyStore.load(id: id, version: version) }

    public func restoreFlow(id: String, version: Int) throws(FlowStoreError) -> Flow { try historyStore.restore(id: id, version: version, context: CheckContext(connections: connectionKinds())) }

    public func saveDraft(_ flow: Flow) throws(FlowStoreError) { try historyStore.saveDraft(flow) }

    public func loadDraft(id: String) throws(FlowStoreError) -> FlowDraft? { try historyStore.loadDraft(id: id) }

    public func discardDraft(id: String) { historyStore.discardDraft(id: id) }
}
