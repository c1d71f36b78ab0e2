import TerminalUI

/// What a screen asks the navigation to do after a key.
public enum Transition: Sendable {
    case stay
    case push(any Screen)
    case replace(any Screen)
    case pop
    /// Pops and hands a result to the screen below (e.g. the dynamic content picker to its form).
    case popWith(ScreenResult)
    case popToRoot
    /// Pops the palette and runs the chosen entry on the screen below.
    case popAndRun(PaletteTarget)
    /// Replaces the top screen with these, the last on top (a new flow's canvas with its trigger form over it).
    case replaceWith([any Screen])
}

/// A value a popped screen hands to the screen below it.
public enum ScreenResult: Sendable, Hashable {
    case insertText(String)
    /// A connection made from a step form's "new connection…" choice, by its name.
    case connectionCreated(String)
    /// Replaces the focused field's text (the condition builder's result).
    case replaceText(String)
    /// Replaces the focused field's text, applies the form and saves the flow (the text editor's Ctrl-S).
    case replaceTextAndSave(String)
}

/// One screen of the designer: its breadcrumb title, key hints, key handling and drawing.
public protocol Screen: Sendable {
    /// The breadcrumb part for this screen.
    var title: String { get }
    /// Every key of the screen as declared in its key map: the status bar (by priority) and the help overlay are
    /// derived from it.
    var bindings: [KeyHint] { get }
    /// Handles a key; may change the shared state and asks for a navigation step.
    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition
    /// True while printable keys are text for this screen (then `?` is typed, not help).
    var takesTextInput: Bool { get }
    /// Receives a result from a screen popped above it.
    mutating func receive(_ result: ScreenResult, state: inout DesignerState)
    /// Draws the screen's body into `area`.
    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState)
    /// True while the screen holds typed changes not yet applied anywhere (a form): quitting asks first.
    var hasUnappliedInput: Bool { get }
}

extension Screen {
    public var takesTextInput: Bool { self is any TextInputScreen }
    public var hasUnappliedInput: Bool { false }
    public mutating func receive(_ result: ScreenResult, state: inout DesignerState) {}
}

/// The body area of a screen of `size` (below the breadcrumb, above the status bar).
func bodyArea(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 2) }

/// Bindings most screens share (declared once, used in each screen's key map).
enum Common {
    /// Esc (and ← h where letters are free) goes back; Esc first clears a find text.
    static func back<Action: Sendable>(_ action: Action, keys: [Key] = [.escape, .left, .character("h")]) -> KeyBinding<Action> {
        KeyBinding(keys, "Esc", "back", help: "back", priority: 1, action)
    }
}
