import FlowExpressions
import TerminalUI

/// Adds or edits a connection: name and the kind's settings; secrets in masked fields that start empty when editing
/// (empty keeps the stored secret). Ctrl-S saves.
struct ConnectionFormScreen: Screen, TextInputScreen {
    static let kinds = ["teams", "smtp", "http", "outbox"]
    let kind: String
    let original: String?
    var form: FormModel

    init(kind: String) {
        self.kind = kind
        self.original = nil
        self.form = FormModel(fields: Self.fields(kind: kind, values: [:], isNew: true))
    }

    init(editing summary: ConnectionSummary) {
        self.kind = summary.kind
        self.original = summary.name
        var values = Dictionary(summary.settings.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        values["name"] = summary.name
        self.form = FormModel(fields: Self.fields(kind: summary.kind, values: values, isNew: false))
    }

    var title: String { original.map { "Edit \($0)" } ?? "New \(kind) connection" }
    enum Action: Sendable { case field, save, cancel }

    static let keys = KeyMap<Action>([
        KeyBinding([.ctrl("s"), .enter], "Ctrl-S", "save", help: "save the connection (also Enter)", priority: 2, .save),
        KeyBinding([.escape, .ctrl("x")], "Esc", "cancel", help: "cancel: nothing is changed", priority: 1, .cancel),
    ] + FormKeys.fields(.field))

    var bindings: [KeyHint] { Self.keys.hints }

    /// The fields of a kind; secret fields never carry the stored value.
    static func fields(kind: String, values: [String: String], isNew: Bool) -> [FormField] {
        let keep = isNew ? "" : "leave empty to keep the stored secret"
        var fields = [FormField.text("name", "Name", values["name"] ?? "", help: "Steps refer to the connection by this name", required: true)]
        switch kind {
        case "teams":
            fields.append(.text("webhookUrl", "Webhook URL", "", help: isNew ? "The Teams Workflows webhook URL" : keep, required: isNew, secret: true))
        case "smtp":
            fields.append(.text("host", "Host", values["host"] ?? "", required: true))
            fields.append(.text("port", "Port", values["port"] ?? "587", kind: .integer))
            let security = ["starttls", "tls", "none"]
            fields.append(FormField(id: "security", label: "Security", control: .choice(ChoiceList(options: security, selected: security.firstIndex(of: values["security"] ?? "") ?? 0))))
            fields.append(.text("from", "From", values["from"] ?? "", required: true))
            fields.append(.text("username", "Username", values["username"] ?? ""))
            fields.append(.text("password", "Password", "", help: keep, secret: true))
        case "http":
            fields.append(.text("baseUrl", "Base URL", values["baseUrl"] ?? "", help: "Relative HTTP step URIs start here; the test requests it"))
        default: break
        }
        return fields
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch Self.keys.action(for: key) {
        case .cancel: return .pop
        case .save:
            if let index = form.fields.firstIndex(where: { $0.problem != nil }) {
                state.notify(form.problems.first ?? "", .error)
                form.focus = index
                return .stay
            }
            state.perform(.saveConnection(draft, replacing: original))
            return .pop
        default:
            _ = form.handle(key)
            return .stay
        }
    }

    /// The form as a draft (port as a number).
    var draft: ConnectionDraft {
        var settings: [String: JSONValue] = [:]
        for field in form.fields where field.id != "name" {
            let text = field.text.trimmingCharacters(in: .whitespaces)
            settings[field.id] = field.id == "port" ? Int(text).map { .int($0) } ?? .string(text) : .string(text)
        }
        return ConnectionDraft(name: form.text("name").trimmingCharacters(in: .whitespaces), kind: kind, settings: settings)
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        form.render(into: &buffer, area: area.inset(1), theme: state.theme)
    }
}
