import TextFormats
import FlowExpressions
import FlowRunner
import Foundation

/// One line of the Monitor: an event, or a run (under the event that caused it).
struct MonitorRow: Sendable, Hashable {
    /// The event's or the run's id (the selection follows it as rows arrive).
    var id: String
    var cells: [String]
    var runId: String?
    var status: RunStatus?
}

/// Builds the Monitor's lines from the feed: newest first, each event followed by the runs it caused.
enum MonitorRows {
    static func build(_ feed: MonitorFeed, filter: MonitorFilter) -> [MonitorRow] {
        var byEvent: [String: [RunRecord]] = [:]
        var loose: [RunRecord] = []
        let eventIds = Set(feed.events.map(\.id))
        for run in feed.runs {
            if let eventId = run.eventId, eventIds.contains(eventId) { byEvent[eventId, default: []].append(run) } else { loose.append(run) }
        }
        var items: [(Date, [MonitorRow])] = []
        for event in feed.events {
            let runs = byEvent[event.id] ?? []
            guard filter.keeps(event, runs: runs) else { continue }
            items.append((event.receivedAt, [row(event)] + runs.filter(filter.keeps).map { row($0, nested: true) }))
        }
        if filter.eventType == nil {
            for run in loose where filter.keeps(run) { items.append((run.queuedAt, [row(run, nested: false)])) }
        }
        return items.sorted { $0.0 > $1.0 }.flatMap(\.1)
    }

    static func row(_ event: TriggerEvent) -> MonitorRow {
        MonitorRow(id: "event:" + event.id, cells: [TimeText.clock(event.receivedAt), label(event.type), event.subject ?? "-", values(event), ""])
    }

    static func row(_ run: RunRecord, nested: Bool) -> MonitorRow {
        let label = (nested ? "  ↳ run" : "run") + (run.origin == .event ? "" : " (\(run.origin))")
        return MonitorRow(id: "run:" + run.id, cells: [TimeText.clock(run.startedAt ?? run.queuedAt), label, run.flowName, run.status.rawValue, TimeText.duration(run.duration)],
                          runId: run.id, status: run.status)
    }

    /// A short name of an event type.
    static func label(_ type: EventType) -> String {
        switch type {
        case .dataSourceRefreshFailed: return "Refresh FAILED"
        case .dataSourceRefreshSucceeded: return "Refresh ok"
        case .segmentRefreshed: return "Segment"
        case .measureRefreshed: return "Measure"
        case .fullRefreshCompleted: return "Full refresh"
        case .unificationCompleted: return "Unification"
        case .recurrence: return "Recurrence"
        }
    }

    /// The event's value(s): the count or measure value, else the error message.
    static func values(_ event: TriggerEvent) -> String {
        if let value = event.value { return NumberText.plain(value) }
        if let error = event.fields["errorMessage"]?.stringValue { return error }
        if let profiles = event.fields["profilesOut"] { return "profiles \(profiles.jsonText())" }
        if let rows = event.fields["rowsRead"] { return "\(rows.jsonText()) rows" }
        if event.type == .recurrence, let due = event.fields["scheduledTime"]?.stringValue { return "due \(due)" }
        return ""
    }
}
