import FlowModel
import TerminalUI

/// The diff of two versions of a flow as a tree: side by side (older | newer) at 120 columns or more, stacked
/// (`-` older, `+` newer lines) below that. Scrolls with the list keys.
struct VersionDiffScreen: Screen {
    let flowId: String
    let flowName: String
    let from: Int
    let to: Int
    var scroll = 0

    /// The width from which the two versions are shown side by side.
    static let sideBySideWidth = 120

    enum Action: Sendable { case scroll, back }

    static let keys = KeyMap<Action>([
        KeyBinding(ListKeys.move, "↑↓jk", "scroll", help: "scroll the diff: ↑ ↓ j k, PgUp PgDn, Home End g G", priority: 5, .scroll),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { "v\(from) → v\(to)" }
    var bindings: [KeyHint] { Self.keys.hints }

    private func diff(_ state: DesignerState) -> FlowDiff? {
        guard state.versions.flowId == flowId, let open = state.versions.diff, open.from == from, open.to == to else { return nil }
        return open.diff
    }

    /// The lines shown at `width`: one per row side by side, or the stacked listing.
    static func lineCount(_ diff: FlowDiff, width: Int) -> Int {
        width >= sideBySideWidth ? diff.rows.count : diff.rows.reduce(0) { $0 + $1.stackedLines.count }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch Self.keys.action(for: key) {
        case .back: return .pop
        case .scroll:
            let area = bodyArea(state.size)
            let page = max(1, area.height - 3)
            let most = max(0, (diff(state).map { Self.lineCount($0, width: area.width) } ?? 0) - page)
            switch key {
            case .down, .character("j"): scroll += 1
            case .up, .character("k"): scroll -= 1
            case .pageDown: scroll += page
            case .pageUp: scroll -= page
            case .end, .character("G"): scroll = most
            default: scroll = 0
            }
            scroll = min(max(0, scroll), most)
        case nil: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        guard let diff = diff(state) else {
            buffer.put("Comparing version \(from) with version \(to)…", x: area.x + 1, y: area.y, style: theme[.muted], limit: area.maxX - 1)
            return
        }
        buffer.put("\(flowName): version \(from) → \(to): \(diff.summary)", x: area.x + 1, y: area.y, style: theme[.title], limit: area.maxX - 1)
        let body = area.dropTop(2)
        if diff.isEmpty {
            buffer.put("The two versions do the same thing.", x: body.x + 1, y: body.y, style: theme[.muted], limit: body.maxX - 1)
            return
        }
        if area.width >= Self.sideBySideWidth {
            renderSideBySide(diff, into: &buffer, area: body, theme: theme)
        } else {
            renderStacked(diff, into: &buffer, area: body, theme: theme)
        }
    }

    private func style(_ mark: FlowDiffRow.Mark, theme: Theme) -> Style {
        switch mark {
        case .heading: theme[.text]
        case .added: theme[.success]
        case .removed: theme[.error]
        case .changed: theme[.warning]
        }
    }

    private func renderStacked(_ diff: FlowDiff, into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let lines = diff.rows.flatMap { row in row.stackedLines.map { line in (line, row.mark) } }
        for (offset, (line, mark)) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            let lineStyle = line.hasPrefix("-") ? theme[.error] : line.hasPrefix("+") ? theme[.success] : style(mark, theme: theme)
            buffer.put(line, x: area.x + 1, y: area.y + offset, style: lineStyle, limit: area.maxX - 1)
        }
    }

    private func renderSideBySide(_ diff: FlowDiff, into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let half = (area.width - 3) / 2
        let right = area.x + 2 + half
        buffer.put("version \(from)", x: area.x + 1, y: area.y - 1, style: theme[.muted], limit: area.x + 1 + half)
        buffer.put("version \(to)", x: right + 1, y: area.y - 1, style: theme[.muted], limit: area.maxX - 1)
        for offset in 0..<area.height { buffer.put("│", x: right - 1, y: area.y + offset, style: theme[.border]) }
        for (offset, row) in diff.rows.dropFirst(scroll).prefix(area.height).enumerated() {
            let indent = String(repeating: "  ", count: row.depth)
            let y = area.y + offset
            let leftMark = row.mark == .added ? " " : row.mark == .changed && row.old == row.new ? "~" : row.mark == .changed ? "-" : row.mark.rawValue
            let rightMark = row.mark == .removed ? " " : row.mark == .changed && row.old == row.new ? "~" : row.mark == .changed ? "+" : row.mark.rawValue
            if let old = row.old {
                buffer.put("\(leftMark) \(indent)\(old)", x: area.x + 1, y: y, style: row.mark == .changed && row.old != row.new ? theme[.error] : style(row.mark, theme: theme),
                           limit: area.x + 1 + half - 1)
            }
            if let new = row.new {
                buffer.put("\(rightMark) \(indent)\(new)", x: right + 1, y: y, style: row.mark == .changed && row.old != row.new ? theme[.success] : style(row.mark, theme: theme),
                           limit: area.maxX - 1)
            }
        }
    }
}
