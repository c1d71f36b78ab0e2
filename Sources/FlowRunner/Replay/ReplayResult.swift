import FlowExpressions
import FlowModel
import Foundation

/// What replaying a draft against one recorded event found: whether its trigger fires, the dry run it made, what
/// that run would have sent, and what the flow's saved version really did for the event.
public struct ReplayResult: Sendable, Hashable {
    public var event: TriggerEvent
    /// True when the draft's trigger (subject, threshold crossing, conditions) fires for the event.
    public var fires: Bool
    /// Why it fires or not, in a few words (`fires`, `trigger condition not met`, `8 → 9 vs 10: not crossed`).
    public var reason: String
    /// The draft's dry run (kept in memory, never in the history); nil when it was not run.
    public var run: RunRecord?
    /// The dry run's step records, in the order they finished.
    public var steps: [StepRecord]
    /// What the dry run would have sent (Teams, email, HTTP), in step order.
    public var effects: [ReplayEffect]
    /// The runs the saved flow made for the event (empty: it did not fire).
    public var savedRuns: [RunRecord]

    public init(event: TriggerEvent, fires: Bool, reason: String, run: RunRecord? = nil, steps: [StepRecord] = [], effects: [ReplayEffect] = [],
                savedRuns: [RunRecord] = []) {
        self.event = event
        self.fires = fires
        self.reason = reason
        self.run = run
        self.steps = steps
        self.effects = effects
        self.savedRuns = savedRuns
    }

    /// The saved version's outcome in a word: its real run's status (`Succeeded`, `Failed`), or `did not fire`.
    public var savedOutcome: String {
        guard let run = savedRuns.first(where: { $0.origin == .event }) ?? savedRuns.first else { return "did not fire" }
        return run.status.rawValue + (run.flowVersion > 0 ? " (v\(run.flowVersion))" : "")
    }

    /// The draft's outcome in a word: its dry run's status, or `not fired`.
    public var draftOutcome: String { run.map(\.status.rawValue) ?? (fires ? "-" : "not fired") }

    /// What the dry run would have sent, in one line (`-` for nothing).
    public var sendsSummary: String {
        effects.isEmpty ? (run == nil ? "-" : "nothing") : effects.map(\.summary).joined(separator: "; ")
    }

    /// The result for tools (`insightflow flow replay --json`).
    public var json: JSONValue {
        var object: [(String, JSONValue)] = [
            ("eventId", .string(event.id)), ("eventType", .string(event.type.rawValue)),
            ("receivedAt", .string(Flow.timestamp(event.receivedAt))), ("subject", event.subject.map(JSONValue.string) ?? .null),
            ("fires", .bool(fires)), ("reason", .string(reason)),
            ("draftStatus", run.map { .string($0.status.rawValue) } ?? .null),
            ("effects", .array(effects.map(\.json))),
            ("saved", .string(savedOutcome)),
        ]
        if let error = run?.errorMessage { object.append(("draftError", .string(error))) }
        return .object(.init(object, uniquingKeysWith: { first, _ in first }))
    }
}

/// One message a dry run would have sent: the step, its kind and a one-line description of the message.
public struct ReplayEffect: Sendable, Hashable {
    public var step: String
    /// `teams`, `email` or `http`.
    public var kind: String
    /// `POST https://…`, `email to a@b.c: Subject`, `Teams (alerts): Refresh failed…`.
    public var summary: String

    public init(step: String, kind: String, summary: String) {
        self.step = step
        self.kind = kind
        self.summary = summary
    }

    public var json: JSONValue { ["step": .string(step), "kind": .string(kind), "summary": .string(summary)] }

    /// The effect recorded by a dry-run step record (nil for steps that send nothing).
    public static func from(_ record: StepRecord, type: StepType?) -> ReplayEffect? {
        guard let outputs = record.outputs, outputs["dryRun"]?.boolValue == true, let type else { return nil }
        let target = outputs["target"] ?? .null
        switch type {
        case .teamsPostMessage:
            let connection = target["connection"]?.stringValue.map { " (\($0))" } ?? ""
            let text = record.inputs?["text"]?.stringValue ?? record.inputs?["message"]?.stringValue ?? outputs["body"].map { $0.jsonText() } ?? ""
            return ReplayEffect(step: record.stepName, kind: "teams", summary: "Teams\(connection): " + oneLine(text))
        case .sendEmail:
            let to = record.inputs?["to"]?.stringValue ?? outputs["to"]?.stringValue ?? "?"
            let subject = record.inputs?["subject"]?.stringValue ?? ""
            return ReplayEffect(step: record.stepName, kind: "email", summary: "email to \(to): " + oneLine(subject))
        case .http:
            let method = target["method"]?.stringValue ?? "POST"
            return ReplayEffect(step: record.stepName, kind: "http", summary: "\(method) \(target["url"]?.stringValue ?? "?")")
        default:
            return ReplayEffect(step: record.stepName, kind: type.rawValue, summary: "\(record.stepName): " + oneLine(outputs.jsonText()))
        }
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
    }
}
