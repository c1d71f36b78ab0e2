import FlowExpressions
import FlowModel
import Foundation

/// Replays a flow — usually the designer's unsaved draft — against events recorded in the history: matches each
/// event as the runner would (subject, upward threshold crossing against the previous recorded value of the same
/// subject, trigger conditions), runs the flow dry in memory (nothing is sent, nothing is written to the history),
/// and sets what the flow's saved version really did for the event beside it.
public struct DraftReplay: Sendable {
    public let history: HistoryStore
    /// Connections by name (a dry run still needs a step's connection to describe what it would send).
    public let connections: [String: Connection]
    /// The workspace's data actions for Get items and friends (writes are dry too); nil: those steps fail.
    public let dataActions: (any InsightsDataActions)?
    public let home: InsightFlowHome?

    public init(history: HistoryStore, connections: [String: Connection] = [:], dataActions: (any InsightsDataActions)? = nil, home: InsightFlowHome? = nil) {
        self.history = history
        self.connections = connections
        self.dataActions = dataActions
        self.home = home
    }

    /// The event type that fires `flow`'s trigger (nil for manual, HTTP and Recurrence triggers: they have no
    /// recorded connector events to replay).
    public static func eventType(of flow: Flow) -> EventType? {
        guard let kind = flow.trigger?.kind, kind != .recurrence else { return nil }
        return TriggerIndex.eventType(for: kind)
    }

    /// The newest `limit` recorded events that could fire `flow`'s trigger, newest first.
    public func events(for flow: Flow, limit: Int) throws -> [TriggerEvent] {
        guard let type = Self.eventType(of: flow) else { return [] }
        return try history.events(type: type, limit: limit)
    }

    /// Replays `flow` against each event. `always` runs the flow even when its trigger would not fire (a test
    /// with a picked event); otherwise only events that fire it are run.
    public func replay(_ flow: Flow, events: [TriggerEvent], always: Bool = false) async -> [ReplayResult] {
        var results: [ReplayResult] = []
        for event in events {
            results.append(await replay(flow, event: event, always: always))
        }
        return results
    }

    /// Replays `flow` against one event.
    public func replay(_ flow: Flow, event: TriggerEvent, always: Bool = false) async -> ReplayResult {
        let match = self.match(flow, event)
        var result = ReplayResult(event: event, fires: match.fires, reason: match.reason,
                                  savedRuns: (try? history.runs(eventId: event.id, flowId: flow.id)) ?? [])
        guard match.fires || always else { return result }
        let (run, steps) = await dryRun(flow, triggerOutputs: match.outputs, eventId: event.id)
        result.run = run
        result.steps = steps
        result.effects = steps.compactMap { ReplayEffect.from($0, type: flow.definition.step(named: $0.stepName)?.type) }
        return result
    }

    /// Whether `flow`'s trigger fires for `event`, why, and the trigger outputs the run would see.
    func match(_ flow: Flow, _ event: TriggerEvent) -> (fires: Bool, reason: String, outputs: JSONValue) {
        let plain: JSONValue = .object(["headers": TriggerMatcher.headers(event), "body": .object(event.fields)])
        var on = flow
        on.state = .on
        let index = TriggerIndex(flows: [on])
        guard !index.candidates(for: event).isEmpty else {
            guard let kind = flow.trigger?.kind, index.flowIds.contains(flow.id) else { return (false, "the trigger is incomplete", plain) }
            return (false, "another \(kind.subjectField.map(Self.words) ?? "subject")", plain)
        }
        let decision: TriggerMatcher.Decision
        do {
            decision = try TriggerMatcher().match(event, index: index) { _, subject in try previousValue(of: event, subject: subject) }
        } catch {
            return (false, "could not read the history: \(error)", plain)
        }
        if let firing = decision.firings.first {
            let why = decision.notes.first.map { Self.note($0, flowId: flow.id) } ?? "fires"
            return (true, why.hasSuffix("crossed") ? why : "fires", firing.triggerOutputs)
        }
        return (false, decision.notes.first.map { Self.note($0, flowId: flow.id) } ?? "does not fire", plain)
    }

    /// The value of the newest event of the same type and subject received before `event` (the baseline the runner
    /// had then); nil when there was none.
    private func previousValue(of event: TriggerEvent, subject: String) throws -> Double? {
        var before = event.receivedAt
        for _ in 0..<20 {
            let page = try history.events(type: event.type, before: before, limit: 200)
            if let previous = page.first(where: { $0.subject?.lowercased() == subject && $0.id != event.id }) { return previous.value }
            guard page.count == 200, let last = page.last else { return nil }
            before = last.receivedAt
        }
        return nil
    }

    /// Runs `flow` dry in memory with these trigger outputs: the executor's dry-run path (every delivery records what
    /// it would send and sends nothing).
    public func dryRun(_ flow: Flow, triggerOutputs: JSONValue, eventId: String?) async -> (RunRecord, [StepRecord]) {
        let collected = ReplayRecords()
        let delivery: any ActionDelivering = home.map { DryOnlyDelivery(inner: DeliveryService(home: $0)) } ?? DryOnlyDelivery(inner: nil)
        let environment = RunEnvironment(delivery: delivery, connections: connections, dataActions: dataActions, cache: ExpressionCache(),
                                         deadline: Date().addingTimeInterval(600), dryRun: true,
                                         save: { run, records, _ in collected.add(run, records) })
        var run = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: flow.version, eventId: eventId,
                            triggerOutputs: triggerOutputs, origin: .test, dryRun: true)
        run.startedAt = Date()
        let finished = await RunExecutor(flow: flow, environment: environment, state: RunState()).execute(run)
        return (finished, collected.records)
    }

    private static func note(_ note: String, flowId: String) -> String {
        note.hasPrefix(flowId + ": ") ? String(note.dropFirst(flowId.count + 2)) : note
    }

    private static func words(_ field: String) -> String {
        switch field {
        case "dataSourceName": "data source"
        case "segmentName": "segment"
        case "measureName": "measure"
        default: field
        }
    }
}

/// A delivery that only ever answers dry requests: a replay must never send, whatever a step asks.
struct DryOnlyDelivery: ActionDelivering {
    let inner: DeliveryService?

    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        guard request.dryRun, let inner else {
            let failure = DeliveryFailure(message: "a replay sends nothing", retryable: false, retryAfter: nil, statusCode: nil, outputs: nil)
            return request.dryRun ? .delivered(outputs: ["dryRun": true, "target": ["kind": .string(request.stepType.rawValue)], "body": request.inputs]) : .failed(failure)
        }
        return await inner.deliver(request)
    }
}

/// The run and step records a dry run hands to `save`, gathered under a lock.
private final class ReplayRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [StepRecord] = []

    func add(_ run: RunRecord, _ records: [StepRecord]) { lock.withLock { all += records } }
    var records: [StepRecord] { lock.withLock { all } }
}
