import FlowExpressions
import FlowModel

/// Designer services over dictionaries: the stand-in tests drive the designer with.
@MainActor
public final class InMemoryDesignerServices: DesignerServices {
    public var flows: [String: Flow]
    public var workspaceSnapshot: WorkspaceSnapshot
    public var connectionKinds: [String: String]
    public var runs: [String: RunSummary] = [:]
    /// The runner link tests plug in (nil: no runner).
    public var runnerLink: (any RunnerLink)?
    /// Files "written" by export and read by import, by path.
    public var files: [String: [UInt8]] = [:]
    /// The step clipboard.
    public var clipboard: JSONValue?
    /// Data > Unification's services (tests plug in a real workspace on a temporary folder; nil: no workspace).
    public var unificationServices: (any UnificationServices)?
    public var unification: (any UnificationServices)? { unificationServices }

    public init(flows: [Flow] = [], workspace: WorkspaceSnapshot = .sample, connections: [String: String] = ["teams": "teams", "mail": "smtp"]) {
        self.flows = Dictionary(flows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.workspaceSnapshot = workspace
        self.connectionKinds = connections
    }

    public func readClipboard() -> JSONValue? { clipboard }

    public func writeClipboard(_ value: JSONValue) throws(FlowStoreError) { clipboard = value }

    public func listFlows() -> (flows: [FlowSummary], problems: [String]) {
        let sorted = flows.values.sorted { ($0.displayName.lowercased(), $0.id) < ($1.displayName.lowercased(), $1.id) }
        let context = CheckContext(connections: connectionKinds)
        return (sorted.map { FlowSummary($0, issues: FlowChecker.check($0, context: context)) }, [])
    }

    public func loadFlow(id: String) throws(FlowStoreError) -> Flow {
        guard let flow = flows[id] else { throw .notFound(id) }
        return flow
    }

    public func createFlow(_ flow: Flow) throws(FlowStoreError) -> Flow {
        var created = flow
        created.id = uniqueID(for: flow.displayName)
        created.version = 1
        flows[created.id] = created
        return created
    }

    public func saveFlow(_ flow: Flow, expectedVersion: Int) throws(FlowStoreError) -> Flow {
        guard let stored = flows[flow.id] else { throw .notFound(flow.id) }
        guard stored.version == expectedVersion else { throw .conflict(id: flow.id, expectedVersion: expectedVersion, foundVersion: stored.version) }
        var saved = flow
        saved.version = expectedVersion + 1
        flows[flow.id] = saved
        return saved
    }

    public func setState(id: String, _ state: FlowState) throws(FlowStoreError) -> Flow {
        var flow = try loadFlow(id: id)
        if state == .on {
            let issues = FlowChecker.check(flow, context: CheckContext(connections: connectionKinds))
            if issues.contains(where: { $0.severity == .error }) { throw .hasErrors(id: id, issues: issues) }
        }
        flow.state = state
        flow.version += 1
        flows[id] = flow
        return flow
    }

    public func renameFlow(id: String, to name: String) throws(FlowStoreError) -> Flow {
        var flow = try loadFlow(id: id)
        flow.displayName = name
        flow.version += 1
        flows[id] = flow
        return flow
    }

    public func duplicateFlow(id: String, as name: String) throws(FlowStoreError) -> Flow {
        var copy = try loadFlow(id: id)
        copy.displayName = name
        copy.state = .off
        return try createFlow(copy)
    }

    public func deleteFlow(id: String) throws(FlowStoreError) {
        guard flows.removeValue(forKey: id) != nil else { throw .notFound(id) }
    }

    public func exportFlow(id: String, to path: String) throws(FlowStoreError) {
        files[path] = FlowCodec.encode(try loadFlow(id: id))
    }

    public func importFlow(from path: String) throws(FlowStoreError) -> Flow {
        guard let bytes = files[path] else { throw .io("cannot read \(path)") }
        let imported: FlowImport
        do {
            imported = try FlowImporter.importDocument(bytes, file: path, fallbackName: "Imported flow")
        } catch {
            throw .badFile(error)
        }
        var flow = imported.flow
        flow.state = .off
        return try createFlow(flow)
    }

    public var runner: (any RunnerLink)? { runnerLink }
    public func workspace() -> WorkspaceSnapshot { workspaceSnapshot }
    public func connections() -> [String: String] { connectionKinds }
    public func lastRuns() -> [String: RunSummary] { runs }
    public func systemFacts() -> [Fact] { [Fact("Home", "(in memory)"), Fact("Flows", "\(flows.count)")] }

    private func uniqueID(for name: String) -> String {
        let base = FlowStore.slug(name)
        var candidate = base
        var counter = 2
        while flows[candidate] != nil {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

extension WorkspaceSnapshot {
    /// A small workspace for tests and previews.
    public static let sample = WorkspaceSnapshot(
        name: "Contoso Coffee",
        sources: [WorkspaceItem(name: "PosPurchases", value: "1200 rows", detail: "succeeded"), WorkspaceItem(name: "eCommerceContacts", value: "300 rows", detail: "succeeded")],
        unification: [WorkspaceItem(name: "Unified profiles", value: "410")],
        segments: [WorkspaceItem(name: "High value customers", value: "87 members"), WorkspaceItem(name: "Lapsed customers", value: "23 members")],
        measures: [WorkspaceItem(name: "Total revenue", value: "152340.5"), WorkspaceItem(name: "Average order value", value: "38.2")])
}
