/// One key binding, declared once: the keys, how they are shown, what they do, and the action they stand for.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    public var hint: KeyHint
    public var action: Action

    /// `priority` places the binding in the status bar (lower is kept longer); nil lists it in help only.
    public init(_ keys: [Key], _ label: String, _ short: String, help: String? = nil, priority: Int? = 5, _ action: Action) {
        self.keys = keys
        self.hint = KeyHint(label, short, help: help, priority: priority)
        self.action = action
    }
}

/// A screen's bindings: the one place its keys are declared; the key handler, the status bar and the help
/// overlay are derived from it.
public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The action bound to `key`, if any (the first binding wins).
    public func action(for key: Key) -> Action? {
        if case .mouse(let event) = key, event.button == .wheelUp || event.button == .wheelDown {
            return bindings.first { $0.keys.contains(.up) }?.action
        }
        return bindings.first { $0.keys.contains(key) }?.action
    }

    /// What the status bar and the help overlay show.
    public var hints: [KeyHint] { bindings.map(\.hint) }
}

/// The list movement keys every list and table answers to.
public enum ListKeys {
    public static let move: [Key] = [.up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end, .character("g"), .character("G")]
    /// Movement without the letters (for lists whose letters type into a filter).
    public static let arrows: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end]
    public static let help = "move: ↑ ↓ j k, PgUp PgDn, Home End g G, mouse wheel"
    public static let arrowsHelp = "move: ↑ ↓, PgUp PgDn, Home End, mouse wheel (letters type into the filter)"

    /// The movement binding (letters included), shown as "↑↓ move".
    public static func binding<Action: Sendable>(_ action: Action, priority: Int? = 8) -> KeyBinding<Action> {
        KeyBinding(move, "↑↓jk", "move", help: help, priority: priority, action)
    }

    /// The movement binding for type-to-filter lists (arrows only).
    public static func arrowBinding<Action: Sendable>(_ action: Action, priority: Int? = 8) -> KeyBinding<Action> {
        KeyBinding(arrows, "↑↓", "move", help: arrowsHelp, priority: priority, action)
    }

    /// The `/` find binding.
    public static func findBinding<Action: Sendable>(_ action: Action, priority: Int? = 7) -> KeyBinding<Action> {
        KeyBinding([.character("/")], "/", "find", help: "find: type to narrow the list (Enter keeps it, Esc clears)", priority: priority, action)
    }
}
