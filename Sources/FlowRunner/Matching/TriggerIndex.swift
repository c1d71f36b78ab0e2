import FlowExpressions
import FlowModel

/// The On flows indexed by the event that can fire them: event type → subject (lower-cased, `*` for any) → flows.
/// Matching an event is two dictionary lookups, not a scan of every flow.
public struct TriggerIndex: Sendable {
    /// A flow ready to be matched: the flow, its trigger and its pre-parsed conditions. A class, so the lists of
    /// candidates hold references rather than copies of whole flows.
    public final class Entry: Sendable {
        public let flow: Flow
        public let trigger: Trigger
        public let kind: TriggerKind
        /// The threshold of a threshold trigger.
        public let threshold: Double?
        /// Parsed trigger conditions (all must be true).
        public let conditions: [FlowString]

        init(flow: Flow, trigger: Trigger, kind: TriggerKind, threshold: Double?, conditions: [FlowString]) {
            self.flow = flow
            self.trigger = trigger
            self.kind = kind
            self.threshold = threshold
            self.conditions = conditions
        }
    }

    private var table: [EventType: [String: [Entry]]] = [:]
    /// Ids of the flows in the index.
    public private(set) var flowIds: Set<String> = []

    /// Indexes the On flows whose trigger is well formed; others are left out.
    public init(flows: [Flow]) {
        for flow in flows where flow.state == .on {
            guard let trigger = flow.trigger, let kind = trigger.kind, let type = Self.eventType(for: kind) else { continue }
            let conditions = trigger.conditions.compactMap { try? FlowString.parse($0) }
            let threshold = Self.number(trigger.parameter("threshold"))
            if kind.isThreshold, threshold == nil { continue }
            let entry = Entry(flow: flow, trigger: trigger, kind: kind, threshold: threshold, conditions: conditions)
            table[type, default: [:]][Self.subjectKey(trigger, kind: kind), default: []].append(entry)
            flowIds.insert(flow.id)
        }
    }

    /// The flows an event may fire (before threshold and condition checks).
    public func candidates(for event: TriggerEvent) -> [Entry] {
        guard let bySubject = table[event.type] else { return [] }
        var result = bySubject["*"] ?? []
        if let subject = event.subject?.lowercased(), let named = bySubject[subject] { result += named }
        return result
    }

    /// The event type that fires a trigger kind (nil for the manual trigger).
    static func eventType(for kind: TriggerKind) -> EventType? { kind.eventTypeName.flatMap(EventType.init(rawValue:)) }

    static func subjectKey(_ trigger: Trigger, kind: TriggerKind) -> String {
        guard let parameter = kind.subjectParameter, let name = trigger.parameter(parameter)?.stringValue, !name.isEmpty,
              name.lowercased() != "any" else { return "*" }
        return name.lowercased()
    }

    /// A JSON number, or a string that reads as one.
    static func number(_ value: JSONValue?) -> Double? {
        if let number = value?.doubleValue { return number }
        return value?.stringValue.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }
}

import Foundation
