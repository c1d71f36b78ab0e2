import FlowModel
import FlowRunner

/// The Monitor's filters: one flow, one event type, one run status (nil: all); each cycles through its values.
struct MonitorFilter: Sendable, Hashable {
    var flowId: String?
    var eventType: EventType?
    var status: RunStatus?

    var isEmpty: Bool { flowId == nil && eventType == nil && status == nil }

    /// "flow X · type Y · status Z", or "none".
    func describe(flows: [FlowSummary]) -> String {
        var parts: [String] = []
        if let flowId { parts.append("flow " + (flows.first { $0.id == flowId }?.displayName ?? flowId)) }
        if let eventType { parts.append("type " + eventType.rawValue) }
        if let status { parts.append("status " + status.rawValue) }
        return parts.isEmpty ? "none" : parts.joined(separator: " · ")
    }

    /// The value after `current` in `all`, wrapping to nil (all).
    static func next<T: Equatable>(_ current: T?, in all: [T]) -> T? {
        guard let current, let index = all.firstIndex(of: current) else { return all.first }
        return index + 1 < all.count ? all[index + 1] : nil
    }

    /// True when the event passes the type filter and (with a flow or status filter) caused a matching run.
    func keeps(_ event: TriggerEvent, runs: [RunRecord]) -> Bool {
        if let eventType, event.type != eventType { return false }
        if flowId == nil, status == nil { return true }
        return runs.contains(where: keeps)
    }

    /// True when the run passes the flow and status filters.
    func keeps(_ run: RunRecord) -> Bool {
        (flowId == nil || run.flowId == flowId) && (status == nil || run.status == status)
    }
}
