import FlowModel
import TerminalUI

/// What choosing a palette entry does.
public enum PaletteTarget: Sendable, Hashable {
    /// Opens one of the product's screens by name (see `PaletteEntries.screens`).
    case screen(String)
    /// Opens a flow on the canvas.
    case openFlow(id: String)
    /// Selects a card of the open flow.
    case selectStep(String)
    /// Adds a catalog action after the selected step of the open flow.
    case addAction(StepType)
    /// Presses a key of the screen under the palette (a command from its key map).
    case press(Key)
}

/// One line of the palette: what it is, its text, and what it does.
public struct PaletteEntry: Sendable {
    /// `screen`, `flow`, `step`, `action` or `command`.
    public var kind: String
    /// What is matched and shown (a flow's name, a step's name, `:monitor`, a command's short label).
    public var title: String
    /// The muted text after the title.
    public var detail: String
    /// What Enter does.
    public var target: PaletteTarget
    /// The title prepared for matching.
    public var candidate: FuzzyMatch.Candidate
    /// The key for recent use.
    public var id: String

    init(kind: String, title: String, detail: String, target: PaletteTarget) {
        self.kind = kind
        self.title = title
        self.detail = detail
        self.target = target
        candidate = FuzzyMatch.Candidate(title)
        id = kind + ":" + title
    }
}

/// The palette's entries: screens, flows, steps of the open flow, catalog actions and commands. Commands come from
/// the key map of the screen under the palette and the global keys: the same declarations as the help.
public enum PaletteEntries {
    /// Screens reachable by name.
    static let screens: [(name: String, detail: String)] = [
        ("Home", "the four areas"), ("Flows", "all flows: open, On/Off, rename, copy, export, import"),
        ("Monitor", "live events and runs"), ("Runs", "run history of all flows"), ("Runs failed", "the failed runs of all flows"), ("Data", "sources, unification, segments, measures"),
        ("Unification", "Data › Unification: match statistics per rule, why two records are together or apart"),
        ("Admin", "system, export destinations, connections"), ("Connections", "Admin › Connections"),
    ]

    /// Every entry for `state`, with `below` the screen the palette opened over.
    public static func entries(_ state: DesignerState, below: any Screen) -> [PaletteEntry] {
        var result = screens.map { PaletteEntry(kind: "screen", title: ":" + $0.name.lowercased(), detail: $0.detail, target: .screen($0.name)) }
        let global = GlobalKeys.map.commands.filter { $0.hint.action != "palette" }
        for hint in commands(below) + global {
            result.append(PaletteEntry(kind: "command", title: hint.hint.action, detail: "\(hint.hint.key) · \(hint.hint.help)", target: .press(hint.key)))
        }
        result += state.flows.map { PaletteEntry(kind: "flow", title: $0.displayName, detail: "\($0.state.rawValue) · open on the canvas", target: .openFlow(id: $0.id)) }
        if let document = state.document {
            for located in document.flow.definition.allSteps {
                let type = Catalog.step(located.step.type)?.displayName ?? located.step.type.rawValue
                result.append(PaletteEntry(kind: "step", title: located.step.name, detail: "\(type) · jump to its card", target: .selectStep(located.step.name)))
            }
            for spec in Catalog.steps {
                result.append(PaletteEntry(kind: "action", title: spec.displayName, detail: "add after the selected step · \(spec.description)", target: .addAction(spec.type)))
            }
        }
        return result
    }

    /// The commands of a screen: each binding of its key map with its first key (movement left out).
    static func commands(_ screen: any Screen) -> [(hint: KeyHint, key: Key)] {
        (screen as? any PaletteCommands)?.paletteCommands ?? []
    }
}

/// A screen whose key-map bindings the palette lists as commands.
protocol PaletteCommands: Screen {
    /// (binding hint, the key that runs it).
    var paletteCommands: [(hint: KeyHint, key: Key)] { get }
}

extension KeyMap {
    /// Every binding with a key, as (hint, first key), without the list movement binding.
    var commands: [(hint: KeyHint, key: Key)] {
        bindings.compactMap { binding in
            guard let key = binding.keys.first, binding.hint.action != "move" else { return nil }
            return (binding.hint, key)
        }
    }
}

extension FlowCanvasScreen: PaletteCommands {
    var paletteCommands: [(hint: KeyHint, key: Key)] { Self.keys.commands }
}

extension FlowsListScreen: PaletteCommands {
    var paletteCommands: [(hint: KeyHint, key: Key)] { Self.keys.commands }
}
