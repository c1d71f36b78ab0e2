import FlowExpressions
import FlowModel
import Foundation
import OrderedCollections

/// Decides which flows an event fires: subject match, upward threshold crossing against the persisted
/// previous value (the first observation is a baseline), and trigger conditions.
public struct TriggerMatcher: Sendable {
    /// A flow to run for the event, with its trigger outputs.
    public struct Firing: Sendable {
        public var entry: TriggerIndex.Entry
        public var triggerOutputs: JSONValue
    }

    /// What matching an event decided.
    public struct Decision: Sendable {
        public var firings: [Firing] = []
        /// New previous values to persist with the event.
        public var baselines: [HistoryStore.Baseline] = []
        /// A short human note per flow considered (`segment-alert: baseline 12`).
        public var notes: [String] = []
    }

    public init() {}

    /// Matches one event against the index; `previousValue` reads the last observed value of a (flow, subject).
    public func match(_ event: TriggerEvent, index: TriggerIndex, previousValue: (_ flowId: String, _ subject: String) throws -> Double?) throws -> Decision {
        var decision = Decision()
        let candidates = index.candidates(for: event)
        guard !candidates.isEmpty else { return decision }
        let observation = Observation(event)
        let headers = Self.headers(event)
        for entry in candidates {
            var body = event.fields
            if entry.kind.isThreshold {
                guard let crossed = try threshold(entry, observation, body: &body, decision: &decision, previousValue: previousValue), crossed else { continue }
            }
            let outputs: JSONValue = .object(["headers": headers, "body": .object(body)])
            guard conditionsHold(entry, outputs: outputs, decision: &decision) else { continue }
            decision.firings.append(Firing(entry: entry, triggerOutputs: outputs))
        }
        return decision
    }

    /// What a threshold check reads from the event, computed once per event.
    struct Observation {
        var current: Double?
        var subject: String?
        var isSegment: Bool

        init(_ event: TriggerEvent) {
            current = event.value
            subject = event.subject?.lowercased()
            isSegment = event.type == .segmentRefreshed
        }
    }

    /// True when the value went from ≤ threshold to > threshold; nil when the event has no usable value.
    private func threshold(_ entry: TriggerIndex.Entry, _ observation: Observation, body: inout OrderedDictionary<String, JSONValue>, decision: inout Decision,
                           previousValue: (String, String) throws -> Double?) throws -> Bool? {
        guard let current = observation.current, let limit = entry.threshold, let subject = observation.subject else { return nil }
        let previous = try previousValue(entry.flow.id, subject)
        decision.baselines.append(HistoryStore.Baseline(flowId: entry.flow.id, subject: subject, value: current))
        guard let previous else {
            decision.notes.append("\(entry.flow.id): baseline \(Self.text(current))")
            return false
        }
        let crossed = previous <= limit && current > limit
        decision.notes.append("\(entry.flow.id): \(Self.text(previous)) → \(Self.text(current)) vs \(Self.text(limit)): \(crossed ? "crossed" : "not crossed")")
        let previousKey = observation.isSegment ? "previousCount" : "previousValue"
        body[previousKey] = observation.isSegment ? Self.number(previous) : .double(previous)
        body["threshold"] = Self.number(limit)
        return crossed
    }

    private func conditionsHold(_ entry: TriggerIndex.Entry, outputs: JSONValue, decision: inout Decision) -> Bool {
        guard !entry.conditions.isEmpty else { return true }
        let context = StaticEvaluationContext(triggerBody: outputs["body"] ?? .null, triggerHeaders: outputs["headers"] ?? [:])
        for condition in entry.conditions {
            let value = try? condition.evaluate(in: context)
            if value != .bool(true) {
                decision.notes.append("\(entry.flow.id): trigger condition not met")
                return false
            }
        }
        return true
    }

    /// The headers of `triggerOutputs()`: the event's id and type.
    static func headers(_ event: TriggerEvent) -> JSONValue {
        .object(["x-insightflow-event-id": .string(event.id), "x-insightflow-event-type": .string(event.type.rawValue)])
    }

    /// A whole number as an integer when it is one that fits (never traps), else a double.
    static func number(_ value: Double) -> JSONValue {
        Int(exactly: value).map(JSONValue.int) ?? .double(value)
    }

    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
