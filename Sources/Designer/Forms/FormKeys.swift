import TerminalUI

/// The keys every form shares (moving between fields, editing the focused one), declared once for the forms' help.
enum FormKeys {
    /// Field keys go to the form itself; they are listed in help only.
    static func fields<Action: Sendable>(_ action: Action) -> [KeyBinding<Action>] {
        [KeyBinding([.tab, .backTab, .up, .down], "Tab", "next field", help: "next field (Shift-Tab, ↑ ↓ move between fields too)", priority: 6, action),
         KeyBinding([], "← →  Space", "choose", help: "choose in a list field (← →), toggle a box (Space); text fields edit as usual", priority: nil, action)]
    }
}
