import FlowExpressions
import FlowModel
import Foundation

/// Runs a flow in memory, without history or checkpoints: for measuring the executor and for embedding.
public enum FlowExecution {
    /// The finished run's status and every step record, in the order the steps finished.
    public static func run(_ flow: Flow, triggerBody: JSONValue, delivery: any ActionDelivering, maxConcurrentActions: Int = 20,
                           cache: ExpressionCache = ExpressionCache()) async -> (status: RunStatus, steps: [StepRecord]) {
        let collected = CollectedRecords()
        let environment = RunEnvironment(delivery: delivery, connections: [:], dataActions: nil, cache: cache,
                                          deadline: Date().addingTimeInterval(3600), dryRun: false, maxConcurrentActions: maxConcurrentActions,
                                          save: { _, records, _ in collected.add(records) })
        let run = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: flow.version, eventId: nil,
                            triggerOutputs: ["headers": [:], "body": triggerBody], origin: "memory")
        let finished = await RunExecutor(flow: flow, environment: environment, state: RunState()).execute(run)
        return (finished.status, collected.records)
    }
}

/// Step records handed to `save`, gathered under a lock.
private final class CollectedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [StepRecord] = []

    func add(_ records: [StepRecord]) { lock.withLock { all += records } }
    var records: [StepRecord] { lock.withLock { all } }
}
