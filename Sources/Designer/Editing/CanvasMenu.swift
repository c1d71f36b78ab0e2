import TerminalUI

/// The right-click menu of a canvas card: the clipboard and error-handling commands, each the same as its key.
enum CanvasMenu {
    /// The menu's buttons and the canvas key each one presses.
    static let entries: [(label: String, key: Key)] = [
        ("Copy", .character("y")), ("Cut", .character("x")), ("Paste", .character("p")),
        ("Duplicate", .character("P")), ("Wrap", .character("w")), ("Run after", .character("R")),
    ]

    /// Opens the menu for the selected step.
    static func open(_ state: inout DesignerState) {
        guard let name = state.document?.selected else { return }
        let answers = entries.enumerated().map { DialogAnswer.option($0.offset, label: $0.element.label) } + [.cancel]
        state.ask(name, "Copy, cut, paste after, duplicate, wrap in Try/Catch/Finally, or configure run after (keys y x p P w R)",
                  answers: answers, for: .cardMenu)
    }

    /// Runs the chosen entry as if its key were pressed on the canvas.
    static func choose(_ answer: DialogAnswer, _ state: inout DesignerState) {
        guard case .option(let index, _) = answer, entries.indices.contains(index) else { return }
        DesignerUpdate.handleKey(entries[index].key, &state)
    }
}
