import FlowExpressions
import Foundation
import Logging

/// Everything a run needs from outside: delivery, connections, workspace data, expression cache, limits.
struct RunEnvironment: Sendable {
    var delivery: any ActionDelivering
    var connections: [String: Connection]
    var dataActions: (any InsightsDataActions)?
    var cache: ExpressionCache
    /// The run's time limit: no step starts after it, Delay steps stop at it.
    var deadline: Date
    var dryRun: Bool
    /// The most actions of one run executing at once (parallel branches and loop iterations share it).
    var maxConcurrentActions: Int = 20
    /// Saves the run record and new step records (after each top-level step).
    var save: @Sendable (RunRecord, [StepRecord], Int) async -> Void
    /// Where step durations and retries are counted (nil: not measured).
    var metrics: RunnerMetrics?
    /// Where finished steps are logged (the runner's `RunnerConfiguration.logger`; no-op by default).
    var logger = Logger(label: "insightflow.runner", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Hands a Response step's answer to whoever waits for this run (the HTTP caller, a parent flow).
    var respond: @Sendable (InvocationAnswer) async -> Void = { _ in }
    /// Runs another flow of the home for a "Run a child flow" step and returns its answer.
    var invokeFlow: @Sendable (String, InvocationRequest) async -> InvocationAnswer = { id, _ in
        InvocationAnswer.error(501, code: "ChildFlowsUnavailable", "this runner cannot call the flow '\(id)'")
    }
}

/// What one step execution produced.
struct StepOutcome: Sendable {
    var status: StepStatus
    var inputs: JSONValue? = nil
    var outputs: JSONValue? = nil
    var error: String? = nil
    var code: String? = nil
    var attempts: Int = 1
}

/// The Customer Insights data actions, over the workspace's store.
public protocol InsightsDataActions: Sendable {
    /// Get entities: each entity's name, kind and row count.
    func entities() throws -> JSONValue
    /// Get items from an entity, with an OData-style filter, select, order, top and skip.
    func items(entity: String, filter: String?, select: String?, orderBy: String?, top: Int, skip: Int) throws -> JSONValue
    /// Get item: one row by id.
    func item(entity: String, id: String) throws -> JSONValue
    /// Create item: adds a row to a writable entity and returns it as stored.
    func createItem(entity: String, item: JSONValue) throws -> JSONValue
    /// Update item: changes fields of the row with this id and returns it as stored.
    func updateItem(entity: String, id: String, item: JSONValue) throws -> JSONValue
    /// The connector's per-connection call limit (nil: unlimited).
    var throttle: ConnectorThrottle? { get }
}

extension InsightsDataActions {
    public func createItem(entity: String, item: JSONValue) throws -> JSONValue {
        throw StepFailure(message: "this workspace cannot be written", code: "NotImplemented")
    }

    public func updateItem(entity: String, id: String, item: JSONValue) throws -> JSONValue {
        throw StepFailure(message: "this workspace cannot be written", code: "NotImplemented")
    }

    public var throttle: ConnectorThrottle? { nil }
}
