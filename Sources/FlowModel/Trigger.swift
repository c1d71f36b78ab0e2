import FlowExpressions
import OrderedCollections

/// A flow's trigger, as written in `definition.triggers`.
public struct Trigger: Sendable, Hashable {
    /// The trigger's name (its key in `triggers`).
    public var name: String
    /// The `type` as written; `kind` reads it.
    public var type: String
    /// Trigger parameters (`dataSource`, `segment`, `measure`, `threshold`, ...).
    public var inputs: JSONValue?
    /// Trigger conditions: expressions that must all be true for the flow to run.
    public var conditions: [String]
    /// An optional description.
    public var description: String?
    /// Unknown members of the trigger object (including `kind` of a manual trigger).
    public var extra: OrderedDictionary<String, JSONValue>

    /// The connector trigger this is, or nil for an unknown type.
    public var kind: TriggerKind? { TriggerKind(caseInsensitive: type) }

    /// A trigger of the given kind with the given parameters.
    public init(kind: TriggerKind, name: String? = nil, parameters: OrderedDictionary<String, JSONValue> = [:]) {
        self.name = name ?? Catalog.trigger(kind).defaultStepName
        self.type = kind.rawValue
        self.inputs = parameters.isEmpty ? nil : .object(parameters)
        self.conditions = []
        self.extra = kind == .manual ? ["kind": "Button"] : [:]
    }

    /// A trigger of a raw type (used when reading files).
    init(name: String, type: String) {
        self.name = name
        self.type = type
        self.conditions = []
        self.extra = [:]
    }

    /// The parameter `key` of `inputs`, if present.
    public func parameter(_ key: String) -> JSONValue? { inputs?[key] }
}
