import Foundation

/// One level of a running For each loop: its step name, current item and zero-based index.
public struct LoopFrame: Sendable, Hashable {
    public var name: String
    public var item: JSONValue
    public var index: Int

    public init(name: String, item: JSONValue, index: Int) {
        self.name = name
        self.item = item
        self.index = index
    }
}

/// What expressions can see while a run executes. The runner implements it over its run state;
/// only `triggerOutputs()` is required, everything else has a "nothing there" default.
public protocol EvaluationContext {
    /// `triggerOutputs()`: the trigger's outputs, `{"headers": ..., "body": ...}`.
    func triggerOutputs() -> JSONValue
    /// `triggerBody()`: by default `triggerOutputs()['body']`.
    func triggerBody() -> JSONValue
    /// `trigger()`: the trigger's whole result; by default `{"outputs": triggerOutputs()}`.
    func trigger() -> JSONValue
    /// `actions('name')`: the whole result of a step that has run (`name`, `inputs`, `outputs`, `status`, ...), nil if none.
    func actionResult(named name: String) -> JSONValue?
    /// `outputs('name')`: by default `actionResult(named:)['outputs']`.
    func stepOutputs(named name: String) -> JSONValue?
    /// `body('name')`: by default `stepOutputs(named:)['body']`.
    func stepBody(named name: String) -> JSONValue?
    /// `result('Scope')`: the results of the steps directly inside a scope or loop, nil if unknown.
    func scopeResults(named name: String) -> [JSONValue]?
    /// `variables('name')`: nil when the variable was never initialized.
    func variable(named name: String) -> JSONValue?
    /// `parameters('name')`: nil when there is no such parameter.
    func parameter(named name: String) -> JSONValue?
    /// `workflow()`: the flow's id, name and run information.
    func workflow() -> JSONValue
    /// The enclosing For each loops, outermost first.
    var loopFrames: [LoopFrame] { get }
    /// The innermost frame, for `item()`; by default `loopFrames.last`.
    func currentLoopFrame() -> LoopFrame?
    /// The innermost frame named `name`, for `items('name')`; by default searched in `loopFrames`.
    func loopFrame(named name: String) -> LoopFrame?
    /// The current time for `utcNow()`.
    func now() -> Date
}

extension EvaluationContext {
    public func triggerBody() -> JSONValue { triggerOutputs()["body"] ?? .null }
    public func trigger() -> JSONValue { ["outputs": triggerOutputs()] }
    public func actionResult(named name: String) -> JSONValue? { nil }
    public func stepOutputs(named name: String) -> JSONValue? { actionResult(named: name).map { $0["outputs"] ?? .null } }
    public func stepBody(named name: String) -> JSONValue? { stepOutputs(named: name).map { $0["body"] ?? .null } }
    public func scopeResults(named name: String) -> [JSONValue]? { nil }
    public func variable(named name: String) -> JSONValue? { nil }
    public func parameter(named name: String) -> JSONValue? { nil }
    public func workflow() -> JSONValue { [:] }
    public var loopFrames: [LoopFrame] { [] }
    public func currentLoopFrame() -> LoopFrame? { loopFrames.last }
    public func loopFrame(named name: String) -> LoopFrame? { loopFrames.last { $0.name == name } }
    public func now() -> Date { Date() }
}

/// A ready-made context holding plain values: for tests, `insightflow eval`, and simple runners.
public struct StaticEvaluationContext: EvaluationContext, Sendable {
    public var triggerResult: JSONValue
    public var actions: [String: JSONValue]
    public var scopes: [String: [JSONValue]]
    public var variables: [String: JSONValue]
    public var parameters: [String: JSONValue]
    public var workflowInfo: JSONValue
    public var loopFrames: [LoopFrame]
    /// A fixed clock; nil means the real time.
    public var fixedNow: Date?
    private let cachedBody: JSONValue
    private let cachedOutputs: JSONValue

    /// `triggerBody` becomes `triggerOutputs()['body']`; `actions` maps step names to results
    /// (`{"outputs": {"body": ...}, "status": "Succeeded"}`).
    public init(
        triggerBody: JSONValue = .null, triggerHeaders: JSONValue = [:], actions: [String: JSONValue] = [:],
        scopes: [String: [JSONValue]] = [:], variables: [String: JSONValue] = [:],
        parameters: [String: JSONValue] = [:], workflow: JSONValue = [:], loopFrames: [LoopFrame] = [],
        now: Date? = nil
    ) {
        let outputs: JSONValue = ["headers": triggerHeaders, "body": triggerBody]
        self.triggerResult = ["name": "manual", "outputs": outputs]
        self.cachedBody = triggerBody
        self.cachedOutputs = outputs
        self.actions = actions
        self.scopes = scopes
        self.variables = variables
        self.parameters = parameters
        self.workflowInfo = workflow
        self.loopFrames = loopFrames
        self.fixedNow = now
    }

    public func triggerOutputs() -> JSONValue { cachedOutputs }
    public func triggerBody() -> JSONValue { cachedBody }
    public func trigger() -> JSONValue { triggerResult }
    public func actionResult(named name: String) -> JSONValue? { actions[name] }
    public func scopeResults(named name: String) -> [JSONValue]? { scopes[name] }
    public func variable(named name: String) -> JSONValue? { variables[name] }
    public func parameter(named name: String) -> JSONValue? { parameters[name] }
    public func workflow() -> JSONValue { workflowInfo }
    public func now() -> Date { fixedNow ?? Date() }
}
