import TerminalUI

/// What a dialog button means. A dialog is asked with its answers, shows their labels, and hands the chosen
/// answer (not a button position) to the code that acts on it.
public enum DialogAnswer: Sendable, Hashable {
    case save, discard, saveOff, keepEditing, reload, saveAsCopy, delete, rename, copy, export, importFile, send, explain, cancel
    /// Yes / No of a question (y and n pick them).
    case yes, no
    /// One of a list of choices made at the time (where to add a step, which kind of connection).
    case option(Int, label: String)

    /// The button's text.
    public var label: String {
        switch self {
        case .save: "Save"
        case .discard: "Discard"
        case .saveOff: "Save Off"
        case .keepEditing: "Keep editing"
        case .reload: "Reload"
        case .saveAsCopy: "Save as copy"
        case .delete: "Delete"
        case .rename: "Rename"
        case .copy: "Copy"
        case .export: "Export"
        case .importFile: "Import"
        case .send: "Send"
        case .explain: "Explain"
        case .cancel: "Cancel"
        case .yes: "Yes"
        case .no: "No"
        case .option(_, let label): label
        }
    }
}

extension DesignerState {
    /// Opens a dialog offering `answers` (the button `selected` first focused); its answer goes to `purpose`.
    mutating func ask(_ title: String, _ message: String, answers: [DialogAnswer], selected: DialogAnswer? = nil,
                      input: TextField? = nil, for purpose: ModalPurpose) {
        let dialog = Dialog(title: title, message: message, buttons: answers.map(\.label),
                            selected: selected.flatMap { answers.firstIndex(of: $0) } ?? 0, input: input)
        modal = Modal(dialog: dialog, answers: answers, purpose: purpose)
    }
}
