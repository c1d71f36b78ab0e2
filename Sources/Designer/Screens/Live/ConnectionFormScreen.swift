import FlowExpressions
import TerminalUI

/// Adds or edits a connection: name and the kind's settings; secrets in masked fields that start empty when editing
/// (empty keeps the stored secret). When editing, the kind can be changed (the form then asks for that kind's
/// settings). Ctrl-S saves.
struct ConnectionFormScreen: Screen, TextInputScreen {
    static let kinds = ["teams", "smtp", "http", "outbox"]
    private(set) var kind: String
    let original: String?
    /// The kind the connection had when the form opened (its secrets are kept only while the kind stays).
    let originalKind: String?
    var form: FormModel
    /// Opened from a step form's "new connection…": saving hands the new name back to that form.
    var returnsName = false
    /// The fields' texts as opened (typed changes make quitting ask).
    private var openedTexts: [String] = []

    init(kind: String, returnsName: Bool = false) {
        self.kind = kind
        self.returnsName = returnsName
        self.original = nil
        self.originalKind = nil
        self.form = FormModel(fields: Self.fields(kind: kind, values: [:], isNew: true))
        openedTexts = form.fields.map(\.text)
    }

    init(editing summary: ConnectionSummary) {
        self.kind = summary.kind
        self.original = summary.name
        self.originalKind = summary.kind
        var values = Dictionary(summary.settings.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        values["name"] = summary.name
        self.form = FormModel(fields: [Self.kindField(summary.kind)] + Self.fields(kind: summary.kind, values: values, isNew: false))
        openedTexts = form.fields.map(\.text)
    }

    /// The kind chooser shown when editing.
    static func kindField(_ kind: String) -> FormField {
        var options = kinds
        if !options.contains(kind) { options.append(kind) }
        return FormField(id: "kind", label: "Kind", help: "Changing the kind asks for that kind's settings (←/→ to choose)",
                         control: .choice(ChoiceList(options: options, selected: options.firstIndex(of: kind) ?? 0)))
    }

    /// Rebuilds the fields for the kind now chosen, keeping the values the kinds share.
    private mutating func followKind() {
        let chosen = form.text("kind")
        guard original != nil, !chosen.isEmpty, chosen != kind else { return }
        var values: [String: String] = [:]
        for field in form.fields where field.id != "kind" { values[field.id] = field.text }
        kind = chosen
        let focus = form.focus
        form = FormModel(fields: [Self.kindField(chosen)] + Self.fields(kind: chosen, values: values, isNew: chosen != originalKind))
        form.focus = min(focus, form.fields.count - 1)
    }

    var hasUnappliedInput: Bool { form.fields.map(\.text) != openedTexts }
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
            return returnsName ? .popWith(.connectionCreated(draft.name)) : .pop
        default:
            _ = form.handle(key)
            followKind()
            return .stay
        }
    }

    /// The form as a draft (port as a number).
    var draft: ConnectionDraft {
        var settings: [String: JSONValue] = [:]
        for field in form.fields where field.id != "name" && field.id != "kind" {
            let text = field.text.trimmingCharacters(in: .whitespaces)
            settings[field.id] = field.id == "port" ? Int(text).map { .int($0) } ?? .string(text) : .string(text)
        }
        return ConnectionDraft(name: form.text("name").trimmingCharacters(in: .whitespaces), kind: kind, settings: settings)
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        form.render(into: &buffer, area: area.inset(1), theme: state.theme)
    }
}
