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

    /// One drawn line: `left` alone when stacked; both columns side by side.
    struct DrawnLine: Equatable {
        var left: String?
        var leftRole: ThemeRole
        var right: String?
        var rightRole: ThemeRole
    }

    /// The diff's lines at `width` columns, long values wrapped (a continuation is indented under its text).
    static func lines(_ diff: FlowDiff, width: Int) -> [DrawnLine] {
        if width >= sideBySideWidth {
            let half = (width - 3) / 2
            return diff.rows.flatMap { row -> [DrawnLine] in
                let indent = String(repeating: "  ", count: row.depth)
                let same = row.mark == .changed && row.old == row.new
                let leftMark = same ? "~" : row.mark == .changed ? "-" : row.mark == .added ? " " : row.mark.rawValue
                let rightMark = same ? "~" : row.mark == .changed ? "+" : row.mark == .removed ? " " : row.mark.rawValue
                let left = row.old.map { wrap("\(leftMark) \(indent)", $0, width: half - 1) } ?? []
                let right = row.new.map { wrap("\(rightMark) \(indent)", $0, width: width - half - 3) } ?? []
                let leftRole = same ? role(.changed) : row.mark == .changed ? ThemeRole.error : role(row.mark)
                let rightRole = same ? role(.changed) : row.mark == .changed ? ThemeRole.success : role(row.mark)
                return (0..<max(left.count, right.count, 1)).map { index in
                    DrawnLine(left: index < left.count ? left[index] : nil, leftRole: leftRole,
                              right: index < right.count ? right[index] : nil, rightRole: rightRole)
                }
            }
        }
        return diff.rows.flatMap { row in
            row.stackedLines.flatMap { line -> [DrawnLine] in
                let mark = String(line.prefix(2))
                let body = line.dropFirst(2)
                let indent = String(body.prefix { $0 == " " })
                let lineRole = mark.hasPrefix("-") ? ThemeRole.error : mark.hasPrefix("+") ? .success : role(row.mark)
                return wrap(mark + indent, String(body.dropFirst(indent.count)), width: width - 2)
                    .map { DrawnLine(left: $0, leftRole: lineRole, right: nil, rightRole: lineRole) }
            }
        }
    }

    /// `prefix` + `text` in lines of `width` columns; continuations start under the text, two columns in.
    private static func wrap(_ prefix: String, _ text: String, width: Int) -> [String] {
        let room = max(8, width - CharacterWidth.of(prefix) - 2)
        let parts = TextWrap.lines(text, width: room)
        guard let first = parts.first else { return [prefix] }
        let pad = String(repeating: " ", count: CharacterWidth.of(prefix) + 2)
        return [prefix + first] + parts.dropFirst().map { pad + $0 }
    }

    private static func role(_ mark: FlowDiffRow.Mark) -> ThemeRole {
        switch mark {
        case .heading: .text
        case .added: .success
        case .removed: .error
        case .changed: .warning
        }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch Self.keys.action(for: key) {
        case .back: return .pop
        case .scroll:
            let area = bodyArea(state.size)
            let page = max(1, area.height - 3)
            let most = max(0, (diff(state).map { Self.lines($0, width: area.width).count } ?? 0) - page)
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
        let lines = Self.lines(diff, width: area.width)
        let sideBySide = area.width >= Self.sideBySideWidth
        let half = (area.width - 3) / 2
        let right = area.x + 2 + half
        if sideBySide {
            buffer.put("version \(from)", x: area.x + 1, y: body.y - 1, style: theme[.muted], limit: area.x + 1 + half)
            buffer.put("version \(to)", x: right + 1, y: body.y - 1, style: theme[.muted], limit: area.maxX - 1)
            for offset in 0..<max(0, body.height) { buffer.put("│", x: right - 1, y: body.y + offset, style: theme[.border]) }
        }
        for (offset, line) in lines.dropFirst(scroll).prefix(max(0, body.height)).enumerated() {
            let y = body.y + offset
            if let left = line.left {
                buffer.put(left, x: body.x + 1, y: y, style: theme[line.leftRole], limit: sideBySide ? right - 2 : body.maxX - 1)
            }
            if sideBySide, let text = line.right {
                buffer.put(text, x: right + 1, y: y, style: theme[line.rightRole], limit: body.maxX - 1)
            }
        }
    }
}
