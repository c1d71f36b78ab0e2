import FlowExpressions
import Foundation

/// Two runs side by side, step by step: which steps ran in both, which in one only, and where the statuses or the
/// outputs differ (`insightflow runs compare`, the run history screen's compare).
public struct RunComparison: Sendable, Hashable {
    /// How one step differs between the runs.
    public enum Change: String, Sendable, Hashable {
        case same
        /// Both ran it; the statuses differ (the outputs may too).
        case status
        /// Both ran it with the same status; the outputs or the error differ.
        case outputs
        /// Only the first run has the step.
        case onlyFirst = "only first"
        /// Only the second run has the step.
        case onlySecond = "only second"
    }

    /// One step of either run: the step's name with its loop iterations, and its record in each run.
    public struct Row: Sendable, Hashable {
        public var step: String
        public var first: StepRecord?
        public var second: StepRecord?
        public var change: Change
    }

    public var first: RunRecord
    public var second: RunRecord
    public var rows: [Row]

    /// The rows that differ.
    public var differences: [Row] { rows.filter { $0.change != .same } }

    /// Pairs the steps of two runs by their place in the flow (path and loop iterations; the last record of a step
    /// counts when one was written more than once), in the order the first run ran them, then the second run's
    /// remaining steps in its order.
    public init(first: RunRecord, firstSteps: [StepRecord], second: RunRecord, secondSteps: [StepRecord]) {
        self.first = first
        self.second = second
        let (firstOrder, firstByKey) = Self.index(firstSteps)
        let (secondOrder, secondByKey) = Self.index(secondSteps)
        var rows: [Row] = []
        for key in firstOrder + secondOrder.filter({ firstByKey[$0] == nil }) {
            let a = firstByKey[key], b = secondByKey[key]
            rows.append(Row(step: Self.label(a ?? b), first: a, second: b, change: Self.change(a, b)))
        }
        self.rows = rows
    }

    private static func key(_ step: StepRecord) -> String { step.path + "#" + (step.iterationPath ?? String(step.iteration)) }

    private static func label(_ step: StepRecord?) -> String {
        guard let step else { return "-" }
        return step.stepName + (step.iterationPath.map { " (\($0))" } ?? "")
    }

    private static func index(_ steps: [StepRecord]) -> (order: [String], byKey: [String: StepRecord]) {
        var order: [String] = []
        var byKey: [String: StepRecord] = [:]
        for step in steps {
            let key = key(step)
            if byKey.updateValue(step, forKey: key) == nil { order.append(key) }
        }
        return (order, byKey)
    }

    private static func change(_ a: StepRecord?, _ b: StepRecord?) -> Change {
        guard let a else { return .onlySecond }
        guard let b else { return .onlyFirst }
        if a.status != b.status { return .status }
        return a.outputs == b.outputs && a.errorMessage == b.errorMessage ? .same : .outputs
    }

    /// The comparison as `runs compare --json` prints it.
    public var json: JSONValue {
        func side(_ step: StepRecord?) -> JSONValue {
            guard let step else { return .null }
            return ["status": .string(step.status.rawValue), "outputs": step.outputs ?? .null, "error": step.errorMessage.map(JSONValue.string) ?? .null]
        }
        return [
            "first": first.summaryJSON, "second": second.summaryJSON,
            "steps": .array(rows.map { row in
                ["step": .string(row.step), "change": .string(row.change.rawValue), "first": side(row.first), "second": side(row.second)]
            }),
        ]
    }

    /// A one-line summary of a step's outcome in a run: status, then the error or the outputs, clipped.
    public static func outcome(_ step: StepRecord?, width: Int = 40) -> String {
        guard let step else { return "(not run)" }
        let detail = step.errorMessage ?? step.outputs?.jsonText() ?? ""
        let text = detail.isEmpty ? step.status.rawValue : step.status.rawValue + " " + detail
        return text.count > width ? String(text.prefix(max(1, width - 1))) + "…" : text
    }
}
