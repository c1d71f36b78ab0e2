import FlowExpressions
import FlowModel
import Foundation
@testable import FlowRunner

/// A delivery double at the runner's boundary: records every request and answers from a script.
final class RecordingDelivery: ActionDelivering, @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [DeliveryRequest] = []
    private var script: [DeliveryOutcome]

    /// Answers with the scripted outcomes in order, then with success.
    init(script: [DeliveryOutcome] = []) { self.script = script }

    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        lock.withLock {
            requests.append(request)
            return script.isEmpty ? .delivered(outputs: ["statusCode": 200, "echo": request.inputs]) : script.removeFirst()
        }
    }

    var received: [DeliveryRequest] { lock.withLock { requests } }
}

/// A temporary home with a flow store, a history and a runner.
struct RunnerFixture {
    let home: InsightFlowHome
    let store: FlowStore
    let history: HistoryStore
    let delivery: any ActionDelivering

    init(delivery: any ActionDelivering = RecordingDelivery()) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-runner-\(UUID().uuidString)", isDirectory: true)
        home = InsightFlowHome(url: url)
        store = FlowStore(home: home)
        history = try HistoryStore(url: home.historyDatabase)
        self.delivery = delivery
    }

    /// A runner over this home (a new one simulates a restart).
    func runner(_ configuration: RunnerConfiguration = RunnerConfiguration()) async throws -> Runner {
        let runner = Runner(home: home, history: history, delivery: delivery, configuration: configuration)
        try await runner.start()
        return runner
    }

    /// Saves a flow turned On.
    @discardableResult
    func add(_ flow: Flow) throws -> Flow {
        var on = flow
        on.state = .on
        return try store.create(on)
    }

    /// A flow with `trigger` and `steps` (each after the previous unless it has its own runAfter).
    static func flow(_ id: String, trigger: Trigger, steps: [Step]) -> Flow {
        var flow = Flow(id: id, displayName: id, trigger: trigger)
        var previous: String?
        for var step in steps {
            if step.runAfter.isEmpty, let previous { step.runAfter = [previous: [.succeeded]] }
            flow.definition.actions[step.name] = step
            previous = step.name
        }
        return flow
    }

    /// Sends an event and waits for all its runs.
    func send(_ runner: Runner, _ type: EventType, _ fields: OrderedJSONFields) async throws -> [RunRecord] {
        let ids = try await runner.accept(TriggerEvent(type: type, fields: fields, origin: "test"))
        var runs: [RunRecord] = []
        for id in ids { runs.append(await runner.finished(id)) }
        return runs
    }
}

typealias OrderedJSONFields = OrderedDictionary<String, JSONValue>

import OrderedCollections

extension Step {
    /// A Compose step.
    static func compose(_ name: String, _ inputs: JSONValue, after: [String: [RunAfterStatus]] = [:]) -> Step {
        Step(name: name, type: .compose, inputs: inputs, runAfter: OrderedDictionary(uniqueKeysWithValues: after.sorted { $0.key < $1.key }))
    }
}
