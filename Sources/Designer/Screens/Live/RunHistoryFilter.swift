import FlowRunner
import Foundation

/// The run history screen's filters: failed only, a flow, an event type, a time window and words in the steps.
/// Each becomes part of a `RunQuery` answered from an index, a page at a time.
struct RunHistoryFilter: Sendable, Hashable {
    /// The time windows `w` cycles through: none, then the last hour, day, week and 30 days.
    static let windows: [(label: String, seconds: Double)] = [("1h", 3_600), ("24h", 86_400), ("7d", 604_800), ("30d", 2_592_000)]

    var failedOnly = false
    var flowId: String?
    var triggerType: EventType?
    /// An index into `windows`; nil: any time.
    var window: Int?
    var search: String?

    var isEmpty: Bool { !failedOnly && flowId == nil && triggerType == nil && window == nil && search == nil }

    /// The query of the first page (`now` anchors the time window).
    func query(limit: Int, now: Date) -> RunQuery {
        RunQuery(flowId: flowId, status: failedOnly ? .failed : nil, triggerType: triggerType,
                 since: window.map { now.addingTimeInterval(-Self.windows[$0].seconds) }, search: search, limit: limit)
    }

    /// The next window in the cycle (after 30d: any time).
    static func nextWindow(_ current: Int?) -> Int? {
        guard let current else { return 0 }
        return current + 1 < windows.count ? current + 1 : nil
    }

    /// "failed · flow X · trigger T · last 24h · "words"", or "none".
    func describe(flowName: (String) -> String) -> String {
        var parts: [String] = []
        if failedOnly { parts.append("failed") }
        if let flowId { parts.append("flow " + flowName(flowId)) }
        if let triggerType { parts.append("trigger " + triggerType.rawValue) }
        if let window { parts.append("last " + Self.windows[window].label) }
        if let search { parts.append("\"\(search)\"") }
        return parts.isEmpty ? "none" : parts.joined(separator: " · ")
    }
}
