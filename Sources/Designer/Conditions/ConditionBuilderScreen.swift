import FlowExpressions
import TerminalUI

/// The condition builder (the cloud designer's basic mode) for an If, Until or trigger condition: rows of
/// value ∘ operator ∘ value in And/Or groups. Enter writes the object form the cloud designer writes (a trigger
/// condition: expression text); Ctrl-T writes the same condition as advanced-mode expression text.
struct ConditionBuilderScreen: Screen, EditorScreen, TextInputScreen {
    enum Action: Sendable { case move, column, apply, advanced, back, cancel, addRow, addGroup, delete, dynamic, choose }

    /// The parts of a row that take focus.
    enum Column: Int, Sendable { case left, comparison, right }

    /// The step whose condition this is (dynamic content offers what runs before it); nil for a trigger condition.
    var stepName: String?
    var group: ConditionGroup
    /// The rows as opened: Esc with no change leaves the field as it was.
    let opened: ConditionGroup
    /// True for trigger conditions, which the file keeps as expression text only.
    var expressionOnly: Bool
    var selection = ListSelection(index: 1)
    var column = Column.left
    /// The focused value's text while it is edited (written back into the rows on every move).
    var editor = TextField()
    /// Why Enter was refused (shown until the next edit).
    var problem: String?

    init(group: ConditionGroup, stepName: String?, expressionOnly: Bool = false) {
        self.group = group
        self.opened = group
        self.stepName = stepName
        self.expressionOnly = expressionOnly
        loadEditor()
    }

    static let keys = KeyMap<Action>([
        KeyBinding([.enter], "Enter", "apply", help: "write the condition into the field (object form, as the cloud designer's basic mode) and go back", priority: 2, .apply),
        KeyBinding([.ctrl("t")], "Ctrl-T", "advanced", help: "write it as advanced-mode expression text (@and(…)) instead, and go back", priority: 3, .advanced),
        KeyBinding([.ctrl("n")], "Ctrl-N", "add row", help: "add a row after the selected line (on a group's heading: its first row)", priority: 4, .addRow),
        KeyBinding([.ctrl("g")], "Ctrl-G", "add group", help: "add a group (the other of And/Or) after the selected line", priority: 5, .addGroup),
        KeyBinding([.function(8), .ctrl("o")], "F8", "delete", help: "delete the selected row or group (also Ctrl-O)", priority: 6, .delete),
        KeyBinding([.ctrl("d"), .function(4)], "Ctrl-D", "dynamic", help: "insert dynamic content into the focused value (also F4)", priority: 7, .dynamic),
        KeyBinding([.up, .down, .pageUp, .pageDown], "↑ ↓", "line", help: "move between rows and group headings", priority: 8, .move),
        KeyBinding([.tab, .backTab], "Tab", "next part", help: "next part of the row: value, operator, value (Shift-Tab back)", priority: 9, .column),
        KeyBinding([], "← →  Space", "choose", help: "on the operator: the previous/next operator; on a group heading: And/Or", priority: nil, .choose),
        KeyBinding([.escape], "Esc", "back", help: "back (applies when something changed)", priority: 1, .back),
        KeyBinding([.ctrl("x")], "Ctrl-X", "cancel", help: "cancel: leave the field as it was", priority: 10, .cancel),
    ])

    var title: String { "Condition builder" }

    /// True when the rows, or the value being typed, differ from what the field held: Ctrl-C asks before quitting.
    var hasUnappliedInput: Bool {
        var current = self
        current.commitEditor()
        return current.group != opened
    }
    var bindings: [KeyHint] { Self.keys.hints }

    private var lines: [ConditionLine] { group.lines }
    private var selectedLine: ConditionLine? { lines.indices.contains(selection.index) ? lines[selection.index] : nil }
    private var selectedRow: ConditionRow? { selectedLine.flatMap { $0.kind == .row ? group.row(at: $0.path) : nil } }

    /// True when the focus is on a value the user types into.
    private var editingText: Bool {
        guard let row = selectedRow else { return false }
        return column == .left || (column == .right && !row.comparison.isUnary)
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let action = Self.keys.action(for: key)
        if action != nil, action != .choose { commitEditor() }
        switch action {
        case .move:
            _ = selection.handle(key, count: lines.count, page: listHeight(state))
            loadEditor()
        case .column:
            guard let row = selectedRow else { return .stay }
            let order: [Column] = row.comparison.isUnary ? [.left, .comparison] : [.left, .comparison, .right]
            let position = order.firstIndex(of: column) ?? 0
            column = order[(position + (key == .backTab ? order.count - 1 : 1)) % order.count]
            loadEditor()
        case .apply: return finish(advanced: expressionOnly)
        case .advanced: return finish(advanced: true)
        case .back: return group == opened ? .pop : finish(advanced: expressionOnly)
        case .cancel: return .pop
        case .addRow: insert(.row(ConditionRow()), state: state)
        case .addGroup:
            let parentJunction = selectedLine.flatMap { line in group.group(at: line.kind == .group ? line.path : Array(line.path.dropLast())) }?.junction ?? .and
            insert(.group(ConditionGroup(junction: parentJunction == .and ? .or : .and, items: [.row(ConditionRow())])), state: state)
            _ = selection.handle(.down, count: lines.count, page: listHeight(state))
            loadEditor()
        case .delete:
            guard let line = selectedLine, !line.path.isEmpty else {
                state.notify("The top group stays: change its rows, or Ctrl-X to leave the condition as it was", .warning)
                return .stay
            }
            group.remove(at: line.path)
            selection.index = min(selection.index, lines.count - 1)
            loadEditor()
        case .dynamic:
            guard editingText, let flow = state.document?.flow else {
                state.notify("Dynamic content goes into a row's value: Tab to a value first", .warning)
                return .stay
            }
            let options = stepName.map { DynamicContent.options(for: $0, in: flow) } ?? DynamicContent.triggerOutputs(in: flow)
            return .push(DynamicContentScreen(options: options))
        case .choose, nil: choose(key)
        }
        return .stay
    }

    /// ← → Space on a heading or an operator; other keys edit the focused value.
    private mutating func choose(_ key: Key) {
        guard let line = selectedLine else { return }
        let step: Int? = switch key {
        case .left: -1
        case .right, .character(" "): 1
        default: nil
        }
        if line.kind == .group {
            guard step != nil else { return }
            group.updateGroup(at: line.path) { $0.junction = $0.junction == .and ? .or : .and }
            problem = nil
        } else if column == .comparison {
            guard let step else { return }
            let all = ConditionOperator.allCases
            group.updateRow(at: line.path) { row in
                let index = all.firstIndex(of: row.comparison) ?? 0
                row.comparison = all[(index + step + all.count) % all.count]
            }
            problem = nil
        } else if editingText, editor.handle(key) {
            commitEditor()
            problem = nil
        }
    }

    private mutating func insert(_ item: ConditionGroup.Item, state: DesignerState) {
        guard let line = selectedLine else { return }
        let path = group.insert(item, after: line.path, isGroupHeader: line.kind == .group)
        if let index = lines.firstIndex(where: { $0.path == path }) {
            selection.index = index
            selection.scroll.reveal(index, height: listHeight(state), count: lines.count)
        }
        column = .left
        loadEditor()
        problem = nil
    }

    /// Writes the rows into the field (object form or expression text) and pops; stays with the reason when refused.
    private mutating func finish(advanced: Bool) -> Transition {
        do throws(ConditionProblem) {
            let text = advanced ? try ConditionConversion.expressionText(group) : try ConditionConversion.objectForm(group).jsonText()
            return .popWith(.replaceText(text))
        } catch {
            problem = error.message
            return .stay
        }
    }

    private mutating func commitEditor() {
        guard editingText, let line = selectedLine else { return }
        let text = editor.text
        let onLeft = column == .left
        group.updateRow(at: line.path) { row in
            if onLeft { row.left.text = text } else { row.right.text = text }
        }
    }

    private mutating func loadEditor() {
        guard let row = selectedRow else {
            editor = TextField()
            return
        }
        if row.comparison.isUnary, column == .right { column = .comparison }
        editor = TextField(column == .right ? row.right.text : row.left.text)
    }

    mutating func receive(_ result: ScreenResult, state: inout DesignerState) {
        guard case .insertText(let text) = result, editingText else { return }
        // A token alone in a value is the value itself (`@x`, any type), as the cloud designer inserts it; `@{x}`
        // would turn it into text.
        let whole = editor.text.isEmpty && text.hasPrefix("@{") && text.hasSuffix("}") && !text.dropFirst(2).contains("@{")
        editor.insert(whole ? "@" + text.dropFirst(2).dropLast() : text)
        commitEditor()
    }

    private func listHeight(_ state: DesignerState) -> Int { max(1, bodyArea(state.size).height - 5) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let intro = "Rows compare values (text, numbers, @expressions); And/Or groups combine them."
        buffer.put(CharacterWidth.truncate(intro, to: area.width - 4), x: area.x + 2, y: area.y, style: theme[.muted])
        let listArea = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(1, area.height - 5))
        let all = lines
        for (offset, index) in selection.visibleRange(height: listArea.height, count: all.count).enumerated() {
            draw(all[index], selected: index == selection.index, y: listArea.y + offset, area: listArea, into: &buffer, theme: theme)
        }
        var indicator = ScrollView()
        indicator.scroll(by: selection.visibleRange(height: listArea.height, count: all.count).lowerBound, height: listArea.height, count: all.count)
        indicator.drawIndicator(into: &buffer, rect: listArea, count: all.count, theme: theme)
        let footer = area.maxY - 2
        if let problem {
            buffer.put(CharacterWidth.truncate("! " + problem, to: area.width - 4), x: area.x + 2, y: footer, style: theme[.error])
        } else {
            // What advanced mode would show; while rows are incomplete, what is missing (not an error until Enter).
            let preview: String
            do throws(ConditionProblem) { preview = "Advanced: " + (try ConditionConversion.expressionText(group)) } catch { preview = "Incomplete: " + error.message }
            buffer.put(CharacterWidth.truncate(preview, to: area.width - 4), x: area.x + 2, y: footer, style: theme[.muted])
        }
    }

    /// A value cut to `width`: an expression keeps its end (`…['dataSourceName']`, the part that tells values
    /// apart), text its start.
    static func fitted(_ text: String, to width: Int) -> String {
        guard text.hasPrefix("@"), CharacterWidth.of(text) > width, width > 1 else { return CharacterWidth.truncate(text, to: width) }
        var tail: [Character] = []
        var used = 1
        for character in text.reversed() {
            used += CharacterWidth.of(character)
            guard used <= width else { break }
            tail.append(character)
        }
        return "…" + String(tail.reversed())
    }

    private func draw(_ line: ConditionLine, selected: Bool, y: Int, area: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let x = area.x + 2 + line.depth * 2
        let rowRect = Rect(x: area.x, y: y, width: area.width - 1, height: 1)
        guard line.kind == .row, let row = group.row(at: line.path) else {
            let junction = group.group(at: line.path)?.junction ?? .and
            if selected { buffer.putLine("", in: rowRect, style: theme[.selection]) }
            let end = buffer.put(junction.label, x: x, y: y, style: selected ? theme[.selection] : theme[.title])
            let meaning = junction == .and ? "  all of these are true" : "  any of these is true"
            buffer.put(meaning, x: end, y: y, style: selected ? theme[.selection] : theme[.muted], limit: area.maxX - 1)
            return
        }
        if selected { buffer.put(theme.glyphs.pointer, x: x - 2, y: y, style: theme[.title]) }
        let available = max(12, area.maxX - 1 - x)
        let operatorWidth = min(29, max(10, available / 3))
        let valueWidth = max(4, (available - operatorWidth - 2) / 2)
        let cells: [(Column, Rect)] = [
            (.left, Rect(x: x, y: y, width: valueWidth, height: 1)),
            (.comparison, Rect(x: x + valueWidth + 1, y: y, width: operatorWidth, height: 1)),
            (.right, Rect(x: x + valueWidth + operatorWidth + 2, y: y, width: valueWidth, height: 1)),
        ]
        for (part, rect) in cells {
            let focused = selected && part == column
            switch part {
            case .comparison:
                let label = focused ? "‹ \(row.comparison.label) ›" : "  \(row.comparison.label)"
                buffer.putLine(CharacterWidth.truncate(label, to: rect.width), in: rect, style: focused ? theme[.selection] : theme[.action])
            case .left, .right:
                if part == .right, row.comparison.isUnary { continue }
                if focused {
                    editor.render(into: &buffer, rect: rect, theme: theme, focused: true)
                    continue
                }
                let text = part == .left ? row.left.text : row.right.text
                let shown = text.isEmpty ? (part == .left ? "choose a value" : "value") : text
                buffer.putLine(Self.fitted(shown, to: rect.width), in: rect, style: selected ? theme[.selection] : theme[text.isEmpty ? .muted : .text])
            }
        }
    }
}
