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
    public var kind: TriggerKind? { TriggerKind(type: type, kindMember: extra["kind"]?.stringValue) }

    /// A trigger of the given kind with the given parameters (keys may be dotted catalog paths: `schedule.hours`).
    public init(kind: TriggerKind, name: String? = nil, parameters: OrderedDictionary<String, JSONValue> = [:]) {
        self.name = name ?? Catalog.trigger(kind).defaultStepName
        self.type = kind.typeName
        self.conditions = []
        self.extra = kind.kindMember.map { ["kind": .string($0)] } ?? [:]
        if !parameters.isEmpty {
            self.parameters = parameters.reduce(JSONValue.object([:])) { $0.setting($1.value, atPath: $1.key) }
        }
    }

    /// The member holding the catalog parameters: `recurrence` for a Recurrence trigger (as Logic Apps writes it),
    /// `inputs` for every other trigger.
    public static func parameterMember(of kind: TriggerKind?) -> String { kind == .recurrence ? "recurrence" : "inputs" }

    /// The catalog parameters' object (`recurrence` of a Recurrence trigger, else `inputs`).
    public var parameters: JSONValue? {
        get { kind == .recurrence ? extra["recurrence"] : inputs }
        set {
            if kind == .recurrence { extra["recurrence"] = newValue } else { inputs = newValue }
        }
    }

    /// A trigger of a raw type (used when reading files).
    init(name: String, type: String) {
        self.name = name
        self.type = type
        self.conditions = []
        self.extra = [:]
    }

    /// The catalog parameter at a dotted path (`threshold`, `schedule.hours`), if present.
    public func parameter(_ key: String) -> JSONValue? { parameters?.value(atPath: key) }
}
