import FlowExpressions
import OrderedCollections

/// Steps in their file order, keyed by step name (names are unique across a whole flow).
public typealias StepList = OrderedDictionary<String, Step>

/// One action of a flow, in the shape of the workflow definition language. Members the model does not
/// know are kept in `extra` so a file round-trips losslessly.
public struct Step: Sendable, Hashable {
    /// The step's name: its key in the parent's `actions` and the name expressions use (`body('Name')`).
    public var name: String
    /// The action type (`Http`, `If`, `TeamsPostMessage`, ...).
    public var type: StepType
    /// An optional note shown on the step's card.
    public var description: String?
    /// The step's inputs; strings may hold expressions.
    public var inputs: JSONValue?
    /// Predecessor step name → statuses that let this step run. Empty: runs first in its scope.
    public var runAfter: OrderedDictionary<String, [RunAfterStatus]>
    /// The condition of `If` and `Until`, or the value switched on by `Switch`.
    public var expression: JSONValue?
    /// The array an `Foreach` loops over (an expression).
    public var foreach: String?
    /// Nested steps: the true branch of `If`, the body of `Foreach`, `Until` and `Scope`.
    public var actions: StepList?
    /// The false branch of `If` (the file's `else.actions`).
    public var elseActions: StepList?
    /// The cases of `Switch`, by case name.
    public var cases: OrderedDictionary<String, SwitchCase>?
    /// The default branch of `Switch` (the file's `default.actions`).
    public var defaultActions: StepList?
    /// `limit`: the `Until` loop's count and timeout, or any step's `timeout`.
    public var limit: StepLimit?
    /// `runtimeConfiguration` as written (e.g. `concurrency.repetitions` of a loop).
    public var runtimeConfiguration: JSONValue?
    /// Members of the step object that the model does not know, in file order.
    public var extra: OrderedDictionary<String, JSONValue>
    /// True when the file had no `runAfter` member (nested actions often omit it): an empty `runAfter` is then not
    /// written back, so import → export gives back the original.
    public var omitsRunAfter = false

    /// A step with the given name, type and inputs; everything else empty.
    public init(name: String, type: StepType, inputs: JSONValue? = nil, runAfter: OrderedDictionary<String, [RunAfterStatus]> = [:]) {
        self.name = name
        self.type = type
        self.inputs = inputs
        self.runAfter = runAfter
        self.extra = [:]
        if type == .condition { actions = [:]; elseActions = [:] }
        if type == .foreach || type == .until || type == .scope { actions = [:] }
        if type == .switchCase { cases = [:]; defaultActions = [:] }
    }

    /// The retry policy written in `inputs.retryPolicy`, if any.
    public var retryPolicy: RetryPolicy? {
        get { inputs?["retryPolicy"].flatMap(RetryPolicy.init(json:)) }
        set {
            var members = inputs?.objectValue ?? [:]
            members["retryPolicy"] = newValue?.json
            inputs = .object(members)
        }
    }

    /// The step timeout written in `limit.timeout`, if any.
    public var timeout: ISODuration? { limit?.timeout.flatMap(ISODuration.init) }

    /// This step and every step nested in it.
    public var stepCount: Int {
        1 + branches.reduce(0) { $0 + $1.steps.values.reduce(0) { $0 + $1.stepCount } }
    }

    /// Every nested branch of this step, labelled as the file names it (`actions`, `else`, `cases.X`, `default`).
    public var branches: [(label: String, steps: StepList)] {
        var result: [(String, StepList)] = []
        if let actions { result.append(("actions", actions)) }
        if let elseActions { result.append(("else", elseActions)) }
        for (caseName, branch) in cases ?? [:] { result.append(("cases.\(caseName)", branch.actions)) }
        if let defaultActions { result.append(("default", defaultActions)) }
        return result
    }
}

/// One case of a `Switch`: the value to match and the steps to run.
public struct SwitchCase: Sendable, Hashable {
    /// The value compared with the switch expression.
    public var value: JSONValue
    /// The steps of this case.
    public var actions: StepList
    /// Unknown members of the case object.
    public var extra: OrderedDictionary<String, JSONValue> = [:]

    /// A case matching `value`.
    public init(value: JSONValue, actions: StepList = [:]) {
        self.value = value
        self.actions = actions
    }
}

/// A step's `limit` object: loop count and timeout (ISO 8601 duration text).
public struct StepLimit: Sendable, Hashable {
    /// The maximum loop count (`Until`).
    public var count: Int?
    /// The time limit as written, e.g. `PT1H`.
    public var timeout: String?
    /// Unknown members.
    public var extra: OrderedDictionary<String, JSONValue> = [:]

    /// A limit with the given count and timeout.
    public init(count: Int? = nil, timeout: String? = nil) {
        self.count = count
        self.timeout = timeout
    }
}
