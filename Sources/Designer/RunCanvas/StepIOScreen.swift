import FlowExpressions
import FlowRunner
import TerminalUI
import TextFormats

/// One step's record in full: status, times, attempts, error, and its inputs and outputs as JSON folded by level
/// (`+` unfolds a level, `-` folds one, `0` folds all, `*` unfolds all), scrollable; `Y` copies it (OSC 52).
struct StepIOScreen: Screen {
    let record: StepRecord
    let document: JSONValue
    /// Containers nested deeper than this show folded.
    var level = 2
    var scroll = 0

    init(record: StepRecord) {
        self.record = record
        document = Self.document(record)
    }

    enum Action: Sendable { case scroll, unfold, fold, foldAll, unfoldAll, copy, back }

    static let keys = KeyMap<Action>([
        KeyBinding([.up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end, .character("g"), .character("G")], "↑↓", "scroll",
                   help: "scroll (also j k, PgUp PgDn, Home End)", priority: 5, .scroll),
        KeyBinding([.character("+"), .character("="), .right, .character("l")], "+", "unfold", help: "unfold one more level of the JSON (also → l)", priority: 2, .unfold),
        KeyBinding([.character("-"), .left], "-", "fold", help: "fold the deepest open level of the JSON (also ←)", priority: 2, .fold),
        KeyBinding([.character("0")], "0", "fold all", help: "fold everything to the top level", priority: nil, .foldAll),
        KeyBinding([.character("*")], "*", "unfold all", help: "unfold every level", priority: nil, .unfoldAll),
        KeyBinding([.character("Y"), .character("y")], "Y", "copy", help: "copy the whole record as JSON to the terminal's clipboard (OSC 52)", priority: 3, .copy),
        Common.back(.back, keys: [.escape, .character("q")]),
    ])

    var title: String { record.stepName }
    var bindings: [KeyHint] { Self.keys.hints }

    /// The record as one JSON document: status, error, attempts, iteration, inputs, outputs.
    static func document(_ record: StepRecord) -> JSONValue {
        var members: [(String, JSONValue)] = [("step", .string(record.stepName)), ("status", .string(record.status.rawValue))]
        if let path = record.iterationPath { members.append(("iteration", .string(path))) }
        if let error = record.errorMessage { members.append(("error", .string(error))) }
        members.append(("attempts", .int(record.attempts)))
        members.append(("inputs", record.inputs ?? .null))
        members.append(("outputs", record.outputs ?? .null))
        return .object(.init(members, uniquingKeysWith: { first, _ in first }))
    }

    /// The folded JSON's lines, long ones wrapped at `width` (continuations indented under their line).
    func lines(width: Int) -> [String] {
        let width = max(10, width)
        var result: [String] = []
        for line in JSONFold.lines(document, level: level) {
            guard line.count > width else {
                result.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " }) + "    "
            var rest = Substring(line)
            var first = true
            while !rest.isEmpty {
                let room = first ? width : max(4, width - indent.count)
                result.append((first ? "" : indent) + rest.prefix(room))
                rest = rest.dropFirst(room)
                first = false
            }
        }
        return result
    }

    /// The width the JSON is drawn in on a screen of `size`.
    static func textWidth(_ size: Size) -> Int { size.width - 2 }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let height = max(1, bodyArea(state.size).height - 2)
        let count = lines(width: Self.textWidth(state.size)).count
        let maxScroll = max(0, count - height)
        switch Self.keys.action(for: key) {
        case .scroll:
            switch key {
            case .up, .character("k"): scroll -= 1
            case .down, .character("j"): scroll += 1
            case .pageUp: scroll -= height
            case .pageDown: scroll += height
            case .home, .character("g"): scroll = 0
            default: scroll = maxScroll
            }
            scroll = max(0, min(scroll, maxScroll))
        case .unfold: level = min(level + 1, JSONFold.depth(document))
        case .fold: level = max(1, level - 1)
        case .foldAll: level = 1
        case .unfoldAll: level = JSONFold.depth(document)
        case .copy:
            state.sendToTerminalClipboard(document.jsonText(pretty: true), what: "\(record.stepName)'s record as JSON")
        case .back: return .pop
        case nil: break
        }
        scroll = max(0, min(scroll, max(0, lines(width: Self.textWidth(state.size)).count - height)))
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let took = record.finishedAt.map { TimeText.duration($0.timeIntervalSince(record.startedAt)) } ?? "-"
        let head = "\(record.stepName) · \(record.status.rawValue) · took \(took) · \(record.attempts) attempt(s) · folded below level \(level)"
        buffer.put(head, x: area.x + 1, y: area.y, style: theme[RunCanvasScreen.role(record.status)], limit: area.maxX - 1)
        let all = lines(width: area.width - 2)
        let height = max(1, area.height - 2)
        let first = min(scroll, max(0, all.count - height))
        for (row, line) in all.dropFirst(first).prefix(height).enumerated() {
            let style = line.trimmingCharacters(in: .whitespaces).hasPrefix("\"error\"") ? theme[.error] : theme[.text]
            buffer.put(line, x: area.x + 1, y: area.y + 1 + row, style: style, limit: area.maxX - 1)
        }
        let note = all.count > height ? "lines \(first + 1)–\(min(all.count, first + height)) of \(all.count)" : "\(all.count) lines"
        buffer.put(note, x: area.x + 1, y: area.maxY - 1, style: theme[.muted], limit: area.maxX - 1)
    }
}
