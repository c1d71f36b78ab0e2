import TerminalUI

extension DesignerState {
    /// Puts `text` on the terminal's clipboard (OSC 52, written with the next frame) and says so honestly: the
    /// terminal never confirms, so the status line says "sent", and warns when the copy is known not to arrive.
    mutating func sendToTerminalClipboard(_ text: String, what: String) {
        terminalCopy = text
        notify("Sent \(what) to the terminal clipboard \(clipboardSupport.note)", clipboardSupport.mayWork ? .success : .warning)
    }
}
