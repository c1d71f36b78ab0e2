/// A decoded key press (or other input event) in terminal-independent form.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete, insert
    /// Ctrl plus a lower-case letter (`ctrl("s")` is Ctrl-S).
    case ctrl(Character)
    /// Alt (Meta) plus a character.
    case alt(Character)
    /// F1–F12.
    case function(Int)
    /// Text pasted in one go (bracketed paste).
    case paste(String)
    /// A mouse click at a cell.
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize

    public var description: String {
        switch self {
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .alt(let c): return "Alt-\(c)"
        case .function(let n): return "F\(n)"
        case .paste(let text): return "paste(\(text.count))"
        case .mouse(let event): return "mouse(\(event.x),\(event.y))"
        default: return String(describing: KeyName(self))
        }
    }
}

/// A mouse event: where, and which button.
public struct MouseEvent: Sendable, Hashable {
    /// The button (or wheel direction).
    public enum Button: Sendable, Hashable { case left, middle, right, wheelUp, wheelDown }
    public var x: Int
    public var y: Int
    public var button: Button

    public init(x: Int, y: Int, button: Button) {
        self.x = x
        self.y = y
        self.button = button
    }
}

/// Names of the non-character keys, for descriptions and help text.
private struct KeyName: CustomStringConvertible {
    let key: Key
    init(_ key: Key) { self.key = key }
    var description: String {
        switch key {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .resize: return "Resize"
        default: return "?"
        }
    }
}
