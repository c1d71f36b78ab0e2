import FlowExpressions
import FlowModel
import Foundation
import TextFormats

/// The next occurrence of each On Recurrence flow, keyed by flow id and the flow version it was computed for.
struct RecurrenceBook: Sendable {
    var next: [String: (version: Int, due: Date)] = [:]
}

/// Firing Recurrence triggers. The reference does not process missed recurrences: "If the Recurrence trigger misses
/// recurrences for any reason, for example, due to disruptions or disabled workflows, the trigger doesn't process the
/// missed recurrences but restarts recurrences at the next scheduled interval" (Logic Apps, "Schedule and run
/// recurring workflows with the Recurrence trigger"). So an occurrence fires only while it is at most `catchUpWindow`
/// late (a slow tick, a reload, a flow just turned On that runs "instantly", a quick restart) and then at most once;
/// older ones are skipped and the schedule continues at the next occurrence.
extension Runner {
    /// How late an occurrence may still fire (a restart, a slow tick); older ones count as missed.
    public static let catchUpWindow: Double = 15

    /// Fires the Recurrence occurrences due at `now` and returns when the next one is due (nil: no Recurrence flow).
    @discardableResult
    public func fireDueRecurrences(now: Date = Date()) async -> Date? {
        var earliest: Date?
        var seen: Set<String> = []
        for flow in loadedFlows where flow.state == .on && flow.trigger?.kind == .recurrence {
            guard let recurrence = flow.trigger?.extra["recurrence"], let rule = try? RecurrenceRule(json: recurrence) else { continue }
            seen.insert(flow.id)
            let anchor = Self.date(flow.enabledAt) ?? Self.date(flow.modifiedAt) ?? now
            var due: Date?
            if let known = recurrences.next[flow.id], known.version == flow.version {
                due = known.due
            } else {
                let last = (try? history.lastRecurrence(flowId: flow.id)) ?? nil
                let from = max(last ?? .distantPast, now.addingTimeInterval(-Self.catchUpWindow))
                due = rule.nextOccurrence(after: from.addingTimeInterval(-0.001), anchor: anchor).flatMap { $0 == last ? rule.nextOccurrence(after: $0, anchor: anchor) : $0 }
            }
            if let scheduled = due, scheduled <= now {
                if now.timeIntervalSince(scheduled) <= Self.catchUpWindow { await fire(flow, scheduled: scheduled) }
                due = rule.nextOccurrence(after: max(scheduled, now), anchor: anchor)
            }
            guard let due else { recurrences.next.removeValue(forKey: flow.id); continue }
            recurrences.next[flow.id] = (flow.version, due)
            earliest = min(earliest ?? due, due)
        }
        recurrences.next = recurrences.next.filter { seen.contains($0.key) }
        return earliest
    }

    /// Stores a Recurrence event (shown in the Monitor) with the flow's run, in one transaction, and queues the run.
    private func fire(_ flow: Flow, scheduled: Date) async {
        let stamp = TimeText.iso8601(scheduled)
        let event = TriggerEvent(type: .recurrence, fields: ["flowId": .string(flow.id), "flowName": .string(flow.displayName), "scheduledTime": .string(stamp)],
                                 origin: "schedule")
        let outputs: JSONValue = ["headers": ["x-insightflow-scheduled-time": .string(stamp)], "body": ["scheduledTime": .string(stamp)]]
        let run = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: flow.version, eventId: event.id,
                            triggerOutputs: outputs, origin: .schedule)
        // Beyond the flow's maximumWaitingRuns the occurrence is skipped (kept in the Monitor with a note), as the
        // reference skips recurrences it cannot queue; the schedule continues at the next occurrence.
        let full = waitingIsFull(flow.id)
        let note = full ? "skipped: \(waitingRuns(flowId: flow.id)) runs already waiting (maximumWaitingRuns)" : nil
        do {
            try await history.commitMatch(event: event, runs: full ? [] : [run], baselines: [], notes: note, eventIsNew: true)
        } catch {
            return
        }
        if !full { enqueue(run) }
    }

    static func date(_ text: String?) -> Date? {
        text.flatMap { try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
    }
}

/// Runs `Runner.fireDueRecurrences` in the background: sleeps until the next occurrence, and looks again at least every
/// `recheck` seconds so flows turned On, edited or imported are picked up.
public final class RecurrenceTicker: Sendable {
    private let task: Task<Void, Never>

    public init(runner: Runner, recheck: Double = 5) {
        task = Task {
            while !Task.isCancelled {
                let next = await runner.fireDueRecurrences()
                let wait = min(max(0.05, (next ?? .distantFuture).timeIntervalSinceNow), recheck)
                try? await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            }
        }
    }

    /// Stops firing.
    public func stop() { task.cancel() }
}
