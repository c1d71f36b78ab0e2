import FlowModel
import TerminalUI
import TextFormats

/// History of one flow: its kept versions (newest first) with when, who, how and what changed; Enter shows what a
/// version changed, `c` compares it with the current one, `r` restores it (after a confirmation) as a new version.
struct VersionHistoryScreen: Screen {
    let flowId: String
    let flowName: String
    var table = Table(columns: [TableColumn("Version", width: 9), TableColumn("Saved (UTC)", width: 16), TableColumn("By", width: 10),
                                TableColumn("Via", width: 8), TableColumn("Changes")])

    init(flowId: String, flowName: String) {
        self.flowId = flowId
        self.flowName = flowName
    }

    enum Action: Sendable { case move, diff, compare, restore, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 6),
        KeyBinding([.enter, .right], "Enter", "diff", help: "what this version changed: the diff from the version before it", priority: 2, .diff),
        KeyBinding([.character("c")], "c", "vs current", help: "compare this version with the current one", priority: 3, .compare),
        KeyBinding([.character("r")], "r", "restore", help: "restore this version (asks first; saved as a new version, nothing is lost)", priority: 2, .restore),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { "History" }

    /// Loads the versions of `flow` and shows them.
    static func open(id: String, name: String, _ state: inout DesignerState) -> Transition {
        if state.versions.flowId != id { state.versions = VersionsState() }
        state.perform(.history(.loadVersions(id: id)))
        return .push(VersionHistoryScreen(flowId: id, flowName: name))
    }
    var bindings: [KeyHint] { Self.keys.hints }

    /// The versions of this flow (another flow's may still be loaded for a moment).
    private func entries(_ state: DesignerState) -> [FlowVersionEntry] { state.versions.flowId == flowId ? state.versions.entries : [] }

    private func rows(_ state: DesignerState) -> [TableRow] {
        entries(state).map { entry in
            let saved = entry.savedAt.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "?"
            let note = entry.record?.note.map { " (\($0))" } ?? ""
            return TableRow(id: String(entry.version), ["\(entry.version)\(entry.isCurrent ? " now" : "")", saved, entry.record?.by ?? "?",
                                                       entry.record?.via.rawValue ?? "?", state.versions.summaries.text(for: entry.version) + note])
        }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows(state)
        let versions = entries(state)
        let selected = table.selected(in: all).flatMap { row in versions.first { String($0.version) == row.id } }
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: bodyArea(state.size).height - 1)
        case .back: return .pop
        case .diff:
            guard let selected else { return .stay }
            guard let older = versions.map(\.version).filter({ $0 < selected.version }).max() else {
                state.notify("Version \(selected.version) is the oldest kept version: nothing before it to compare with", .info)
                return .stay
            }
            return openDiff(from: older, to: selected.version, &state)
        case .compare:
            guard let selected, let current = versions.first(where: \.isCurrent) else { return .stay }
            guard selected.version != current.version else {
                state.notify("Version \(selected.version) is the current one; pick an older version to compare", .info)
                return .stay
            }
            return openDiff(from: selected.version, to: current.version, &state)
        case .restore:
            guard let selected else { return .stay }
            guard !selected.isCurrent else {
                state.notify("Version \(selected.version) is already the current one", .info)
                return .stay
            }
            let newVersion = (versions.first?.version ?? selected.version) + 1
            let unsaved = state.document?.flow.id == flowId && state.document?.isDirty == true
                ? " The unsaved changes on the canvas are dropped." : ""
            state.ask("Restore version", "Restore version \(selected.version) of \"\(flowName)\"? It is saved as version \(newVersion); every version stays in the history.\(unsaved)",
                      answers: [.option(0, label: "Restore"), .cancel], selected: .cancel, for: .restoreVersion(id: flowId, version: selected.version))
        case nil: break
        }
        return .stay
    }

    private func openDiff(from: Int, to: Int, _ state: inout DesignerState) -> Transition {
        state.versions.diff = nil
        state.perform(.history(.loadDiff(id: flowId, from: from, to: to)))
        return .push(VersionDiffScreen(flowId: flowId, flowName: flowName, from: from, to: to))
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let count = entries(state).count
        let heading = "\(flowName) · \(count) version(s) kept" + (state.versions.flowId == flowId ? "" : " · loading…")
        buffer.put(heading, x: area.x + 1, y: area.y, style: state.theme[.title], limit: area.maxX - 1)
        table.render(rows(state), into: &buffer, rect: area.dropTop(1), theme: state.theme)
    }
}
