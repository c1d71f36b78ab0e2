import FlowModel
import TerminalUI

/// What a run did at one card, drawn over it by the run view (the canvas of a run, a replay): the card's border and
/// second line take the status role and text; `header` follows the name (a loop's iteration).
struct CardStatus: Sendable, Hashable {
    var text: String
    var role: ThemeRole
    var header: String?
}

/// Draws canvas items: boxed cards (type in the border, name, one-line summary), branch headings, guides. The editor
/// and the run view share it: a card with a `CardStatus` shows the run instead of the step's summary.
enum CardRenderer {
    static func draw(_ item: CanvasItem, flow: Flow, selected: Bool, issues: Set<String>, at y: Int, area: Rect, into buffer: inout CellBuffer, theme: Theme,
                     status: CardStatus? = nil) {
        let x = area.x + 1 + item.depth * CanvasLayout.indent
        let width = max(10, min(area.width - (x - area.x) - 2, 76))
        for level in 0..<item.depth {
            for row in 0..<item.height {
                buffer.put(theme.glyphs.vertical, x: guide(level, area), y: y + row, style: theme[.border])
            }
        }
        switch item.kind {
        case .branch(let title):
            buffer.put(theme.glyphs.teeRight + theme.glyphs.horizontal + " " + title, x: guide(item.depth - 1, area), y: y, style: theme[.title], limit: area.maxX)
        case .emptyBranch:
            buffer.put("(empty — select the container and press a to add inside)", x: x, y: y, style: theme[.muted], limit: area.maxX)
        case .trigger:
            guard let trigger = flow.trigger else { return }
            let name = trigger.kind.map { Catalog.trigger($0).displayName } ?? trigger.type
            card(title: "Trigger", heading: name, summary: StepSummary.oneLine(trigger), role: .trigger, selected: selected, flagged: issues.contains(""),
                 rect: Rect(x: x, y: y, width: width, height: 4), buffer: &buffer, theme: theme, status: status)
            buffer.put(theme.glyphs.arrowDown, x: x + width / 2, y: y + 4, style: theme[.border])
        case .step(let stepName):
            guard let step = item.step else { return }
            let typeName = Catalog.step(step.type)?.displayName ?? "Not supported here"
            if item.isCollapsed {
                let marker = selected ? theme.glyphs.pointer : "+"
                let run = status.map { " · " + $0.text } ?? ""
                buffer.putLine("\(marker) \(stepName) · \(typeName) (collapsed)\(run)", in: Rect(x: x, y: y, width: width, height: 1),
                               style: selected ? theme[.selection] : theme[status?.role ?? .action])
            } else {
                let fold = step.type.isContainer && status == nil ? "  [Space folds]" : ""
                card(title: typeName, heading: stepName, note: step.description, summary: StepSummary.oneLine(step) + fold, role: .action, selected: selected,
                     flagged: issues.contains(stepName), rect: Rect(x: x, y: y, width: width, height: 4), buffer: &buffer, theme: theme, status: status)
                if let note = runNote(item, theme: theme) {
                    buffer.put(" \(note) ", x: x + 2, y: y + 3, style: theme[.warning], limit: x + width - 1)
                }
            }
            buffer.put(theme.glyphs.arrowDown, x: x + width / 2, y: y + item.height - 1, style: theme[.border])
        }
    }

    /// The lower-border note of a card: a parallel-branch marker and run-after statuses other than Succeeded.
    static func runNote(_ item: CanvasItem, theme: Theme) -> String? {
        var parts: [String] = []
        if item.isParallel { parts.append(theme.glyphs.vertical + theme.glyphs.vertical + " parallel branch") }
        if let note = item.runAfterNote { parts.append(note) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The column of the guide line of a nesting level.
    private static func guide(_ level: Int, _ area: Rect) -> Int { area.x + 2 + level * CanvasLayout.indent }

    private static func card(title: String, heading: String, note: String? = nil, summary: String, role: ThemeRole, selected: Bool, flagged: Bool,
                             rect: Rect, buffer: inout CellBuffer, theme: Theme, status: CardStatus? = nil) {
        let border = selected ? theme[.selection] : (flagged ? theme[.error] : status.map { theme[$0.role] } ?? theme[.border])
        buffer.fill(rect.inset(1), style: theme[.text])
        buffer.drawBox(rect, style: border, glyphs: theme.glyphs, title: title, titleStyle: selected ? theme[.selection] : theme[role])
        let mark = flagged ? "! " : ""
        buffer.put(mark + heading, x: rect.x + 2, y: rect.y + 1, style: flagged ? theme[.error] : theme[.text].adding(.bold), limit: rect.maxX - 1)
        if let status {
            // The run view: the iteration after the name, the status line instead of the step's summary.
            if let header = status.header {
                buffer.put("  " + header, x: rect.x + 2 + CharacterWidth.of(mark + heading), y: rect.y + 1, style: theme[.title], limit: rect.maxX - 1)
            }
            buffer.put(status.text, x: rect.x + 2, y: rect.y + 2, style: theme[status.role], limit: rect.maxX - 1)
            return
        }
        if let note, !note.isEmpty {
            // The note follows the name on its line, in the muted style, cut at the card's edge.
            let x = rect.x + 2 + CharacterWidth.of(mark + heading)
            buffer.put("  — " + note.split(whereSeparator: \.isNewline).joined(separator: " "), x: x, y: rect.y + 1, style: theme[.muted], limit: rect.maxX - 1)
        }
        buffer.put(summary, x: rect.x + 2, y: rect.y + 2, style: theme[.muted], limit: rect.maxX - 1)
    }
}
