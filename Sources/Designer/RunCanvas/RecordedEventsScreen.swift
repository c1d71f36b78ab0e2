import FlowExpressions
import FlowModel
import FlowRunner
import TerminalUI
import TextFormats

/// "Test with a recorded event": the recorded events of the open flow's trigger type, newest first, searchable
/// with `/`; Enter runs the current draft dry against the chosen event and shows the run on the canvas.
struct RecordedEventsScreen: Screen {
    let flow: Flow
    let events: [TriggerEvent]
    var table = Table(columns: [TableColumn("Received", width: 14), TableColumn("Subject", width: 24), TableColumn("Value", width: 10),
                                TableColumn("Origin", width: 8), TableColumn("Fields")])

    enum Action: Sendable { case move, run, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 5),
        KeyBinding([.enter], "Enter", "run draft", help: "run the current draft against this event (dry run: nothing is sent) and show it on the canvas",
                   priority: 2, .run),
        ListKeys.findBinding(.find, priority: 3),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { "Recorded events" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    private var rows: [TableRow] { events.map { TableRow(id: $0.id, Self.cells($0)) } }

    static func cells(_ event: TriggerEvent) -> [String] {
        let fields = event.fields.filter { $0.key != event.type.subjectField }.map { "\($0.key)=\($0.value.stringValue ?? $0.value.jsonText())" }
        return [TimeText.short(event.receivedAt), event.subject ?? "-", event.value.map(NumberText.plain) ?? "", event.origin.rawValue,
                fields.joined(separator: " ")]
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows
        let height = bodyArea(state.size).height - 1
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: height)
        case .find: table.startFind()
        case .back: return .pop
        case .run:
            guard let id = table.selected(in: all)?.id else { return .stay }
            // The draft as it is now on the canvas (unsaved edits included).
            let draft = state.document?.flow ?? flow
            state.notify("Running the draft against the event, dry (nothing is sent)…", .info)
            state.perform(.runCanvas(.replayOne(draft, eventId: id)))
            return .pop
        case nil: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let type = DraftReplay.eventType(of: flow)?.rawValue ?? "-"
        buffer.put("\(events.count) recorded \(type) event(s), newest first: Enter runs the draft of \"\(flow.displayName)\" against one, dry",
                   x: area.x + 1, y: area.y, style: state.theme[.muted], limit: area.maxX - 1)
        table.render(rows, into: &buffer, rect: area.dropTop(1), theme: state.theme)
    }
}
