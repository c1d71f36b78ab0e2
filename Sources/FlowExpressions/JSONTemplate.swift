import Foundation
import OrderedCollections

/// A JSON value whose strings (and object keys holding expressions) are parsed once and evaluated many times:
/// the map of Select, the condition of Filter array and a table's column values, evaluated once per item.
public indirect enum JSONTemplate: Sendable {
    /// A value with no expression in it.
    case constant(JSONValue)
    /// A string holding an expression or an interpolation.
    case flowString(FlowString)
    case array([JSONTemplate])
    /// Members; a key holding an expression is kept as a `FlowString` and evaluated to text.
    case object([(key: FlowString, value: JSONTemplate)])
    /// Members whose keys are all plain, distinct text: the object is built without a duplicate check per key.
    case literalKeyObject(keys: [String], values: [JSONTemplate])

    /// Parses every expression inside `value`; syntax errors are thrown at once, not per item.
    public init(_ value: JSONValue) throws(ExpressionSyntaxError) {
        switch value {
        case .string(let text) where text.contains("@"):
            let parsed = try FlowString.parse(text)
            self = parsed.containsExpression ? .flowString(parsed) : .constant(value)
        case .array(let items):
            var parts: [JSONTemplate] = []
            parts.reserveCapacity(items.count)
            for item in items { parts.append(try JSONTemplate(item)) }
            self = .array(parts)
        case .object(let members):
            var parts: [(key: FlowString, value: JSONTemplate)] = []
            parts.reserveCapacity(members.count)
            for (key, member) in members {
                parts.append((key.contains("@") ? try FlowString.parse(key) : .literal(key), try JSONTemplate(member)))
            }
            if parts.allSatisfy({ if case .literal = $0.key { return true } else { return false } }) {
                self = .literalKeyObject(keys: Array(members.keys), values: parts.map(\.value))
            } else {
                self = .object(parts)
            }
        default:
            self = .constant(value)
        }
    }

    /// The value with every expression evaluated in `context`.
    public func evaluate(in context: some EvaluationContext) throws(ExpressionEvaluationError) -> JSONValue {
        switch self {
        case .constant(let value): return value
        case .flowString(let flowString): return try flowString.evaluate(in: context)
        case .array(let parts):
            var values: [JSONValue] = []
            values.reserveCapacity(parts.count)
            for part in parts { values.append(try part.evaluate(in: context)) }
            return .array(values)
        case .object(let parts):
            var members = OrderedDictionary<String, JSONValue>(minimumCapacity: parts.count)
            for (key, part) in parts {
                let name: String
                if case .literal(let text) = key { name = text } else { name = try key.evaluate(in: context).interpolationText }
                members[name] = try part.evaluate(in: context)
            }
            return .object(members)
        case .literalKeyObject(let keys, let parts):
            var values: [JSONValue] = []
            values.reserveCapacity(parts.count)
            for part in parts { values.append(try part.evaluate(in: context)) }
            return .object(OrderedDictionary(uncheckedUniqueKeys: keys, values: values))
        }
    }
}

extension JSONTemplate {
    /// The value evaluated for one element: a concrete entry point, so the evaluator is specialised for this
    /// context inside the module instead of running as an unspecialised generic for callers elsewhere.
    public func evaluate(item context: ItemScopedContext) throws(ExpressionEvaluationError) -> JSONValue {
        try evaluate(in: context)
    }
}

/// A context with one more current item for `item()`: the element Select, Filter array or Create table is working
/// on. `items('Loop')` and `iterationIndexes('Loop')` still find the enclosing For each loops by name.
public struct ItemScopedContext: EvaluationContext {
    /// The run's context (box it once per action, not per element).
    public let base: any EvaluationContext
    /// The element's frame (named after the action iterating).
    public let frame: LoopFrame

    /// `base` with `item` current; `owner` names the action iterating (the frame's name).
    public init(base: any EvaluationContext, item: JSONValue, index: Int, owner: String) {
        self.base = base
        self.frame = LoopFrame(name: owner, item: item, index: index)
    }

    public var loopFrames: [LoopFrame] { base.loopFrames + [frame] }
    public func currentLoopFrame() -> LoopFrame? { frame }
    public func loopFrame(named name: String) -> LoopFrame? { name == frame.name ? frame : base.loopFrame(named: name) }

    public func triggerOutputs() -> JSONValue { base.triggerOutputs() }
    public func triggerBody() -> JSONValue { base.triggerBody() }
    public func trigger() -> JSONValue { base.trigger() }
    public func actionResult(named name: String) -> JSONValue? { base.actionResult(named: name) }
    public func stepOutputs(named name: String) -> JSONValue? { base.stepOutputs(named: name) }
    public func stepBody(named name: String) -> JSONValue? { base.stepBody(named: name) }
    public func scopeResults(named name: String) -> [JSONValue]? { base.scopeResults(named: name) }
    public func variable(named name: String) -> JSONValue? { base.variable(named: name) }
    public func parameter(named name: String) -> JSONValue? { base.parameter(named: name) }
    public func workflow() -> JSONValue { base.workflow() }
    public func now() -> Date { base.now() }
}
