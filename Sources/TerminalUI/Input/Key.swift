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
    /// A navigation key (arrows, Home, End, PgUp, PgDn, Delete) held with Shift, Alt and/or Ctrl, as xterm reports
    /// them (`ESC [ 1 ; 5 D` is Ctrl-Left).
    indirect case modified(Key, KeyModifiers)

    /// `key` with Shift held (Shift-Left extends a selection).
    public static func shift(_ key: Key) -> Key { .modified(key, .shift) }
    /// `key` with Ctrl held (Ctrl-Left moves by word).
    public static func control(_ key: Key) -> Key { .modified(key, .ctrl) }

    public var description: String {
        switch self {
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .alt(let c): return "Alt-\(c)"
        case .function(let n): return "F\(n)"
        case .paste(let text): return "paste(\(text.count))"
        case .mouse(let event): return "mouse(\(event.x),\(event.y))"
        case .modified(let key, let modifiers): return modifiers.prefix + key.description
        default: return String(describing: KeyName(self))
        }
    }
}

/// The modifier keys held with a navigation key.
public struct KeyModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let ctrl = KeyModifiers(rawValue: 4)

    /// The modifiers of xterm's parameter `m` (`1 + shift + 2·alt + 4·ctrl`); nil when out of range.
    public init?(xterm parameter: Int) {
        guard (2...8).contains(parameter) else { return nil }
        self.init(rawValue: parameter - 1)
    }

    /// "Ctrl-Shift-" and so on, for key descriptions.
    var prefix: String {
        (contains(.ctrl) ? "Ctrl-" : "") + (contains(.alt) ? "Alt-" : "") + (contains(.shift) ? "Shift-" : "")
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
