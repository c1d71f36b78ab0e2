import TerminalUI

/// Draws the state: breadcrumb, the top screen, status bar with key hints, then toast, dialog and help on top.
public enum DesignerRenderer {
    /// The keys that work now: the open help's, the open dialog's, else the top screen's.
    static func activeHints(_ state: DesignerState) -> [KeyHint] {
        if state.showHelp { return OverlayKeys.help }
        if state.modal != nil { return OverlayKeys.dialog }
        return state.top.bindings
    }

    public static func render(_ state: DesignerState) -> CellBuffer {
        let theme = state.theme
        var buffer = CellBuffer(size: state.size, style: theme[.text])
        let screen = buffer.bounds
        guard screen.width >= 20, screen.height >= 6 else {
            buffer.put("Window too small", x: 0, y: 0, style: theme[.warning])
            return buffer
        }
        Breadcrumb.render(state.breadcrumb, into: &buffer, screen: screen, theme: theme)
        let body = bodyArea(state.size)
        state.top.render(into: &buffer, area: body, state: state)
        let dirty = state.document?.isDirty == true ? "● unsaved  " : ""
        let help = state.top.takesTextInput ? "F1 help" : "? help"
        StatusBar.render(activeHints(state), note: dirty + help, optional: state.live.runnerNote, into: &buffer, screen: screen, theme: theme)
        state.toast?.render(into: &buffer, screen: screen.dropBottom(1), theme: theme)
        state.modal?.dialog.render(into: &buffer, area: body, theme: theme)
        if state.showHelp { HelpOverlay.render(into: &buffer, area: body, theme: theme, screen: state.top, scroll: state.helpScroll) }
        return buffer
    }
}
