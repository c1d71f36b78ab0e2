import FlowExpressions
import OrderedCollections

/// A trigger's concurrency control, `runtimeConfiguration.concurrency` in the workflow definition language: how many
/// runs of the flow execute at once (`runs`) and how many may wait for a slot (`maximumWaitingRuns`).
public struct TriggerConcurrency: Sendable, Hashable {
    /// The reference's range for `runs` (Logic Apps limits: 1 to 100 with concurrency control on).
    public static let runsRange = 1...100
    /// The reference's upper bound for `maximumWaitingRuns` is 100; InsightFlow accepts 1 to 100.
    public static let waitingRange = 1...100

    /// Runs of the flow at once; nil leaves the runner's per-flow default.
    public var runs: Int?
    /// Runs that may wait for a slot; nil takes `defaultWaiting(runs:)`.
    public var maximumWaitingRuns: Int?

    public init(runs: Int? = nil, maximumWaitingRuns: Int? = nil) {
        self.runs = runs
        self.maximumWaitingRuns = maximumWaitingRuns
    }

    /// The waiting-runs bound when the file names none: 10 plus the concurrent runs, at most 100 (the reference's
    /// minimum with concurrency control on); nil when `runs` is not set either (the runner's global bound applies).
    public static func defaultWaiting(runs: Int?) -> Int? {
        runs.map { min(waitingRange.upperBound, 10 + $0) }
    }

    /// The waiting-runs bound in effect.
    public var waitingLimit: Int? { maximumWaitingRuns ?? Self.defaultWaiting(runs: runs) }

    /// A problem with the setting: the member (relative to `runtimeConfiguration`) and what to write instead.
    public struct Problem: Error, Sendable, Hashable {
        /// The path below the trigger's `runtimeConfiguration`, such as `concurrency.runs`.
        public var member: String
        public var message: String
    }

    /// Reads the setting from a trigger's `runtimeConfiguration` (nil when it has no `concurrency`).
    public static func read(_ runtimeConfiguration: JSONValue?) throws(Problem) -> TriggerConcurrency? {
        guard let runtimeConfiguration, !runtimeConfiguration.isNull else { return nil }
        guard case .object = runtimeConfiguration else {
            throw Problem(member: "", message: "\"runtimeConfiguration\" must be an object such as {\"concurrency\": {\"runs\": 1}}")
        }
        guard let value = runtimeConfiguration["concurrency"], !value.isNull else { return nil }
        guard case .object = value else {
            throw Problem(member: "concurrency", message: "\"concurrency\" must be an object such as {\"runs\": 1, \"maximumWaitingRuns\": 10}")
        }
        return TriggerConcurrency(runs: try number(value["runs"], "runs", runsRange),
                                  maximumWaitingRuns: try number(value["maximumWaitingRuns"], "maximumWaitingRuns", waitingRange))
    }

    private static func number(_ value: JSONValue?, _ key: String, _ range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let value, !value.isNull else { return nil }
        guard let number = value.intValue, range.contains(number) else {
            let found = value.intValue.map(String.init) ?? value.typeDescription
            throw Problem(member: "concurrency.\(key)",
                          message: "\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound); found \(found) — write e.g. \"\(key)\": \(key == "runs" ? 1 : 10)")
        }
        return number
    }

    /// The `concurrency` object this setting writes.
    public var json: JSONValue {
        var members: OrderedDictionary<String, JSONValue> = [:]
        if let runs { members["runs"] = .int(runs) }
        if let maximumWaitingRuns { members["maximumWaitingRuns"] = .int(maximumWaitingRuns) }
        return .object(members)
    }
}

extension Trigger {
    /// The trigger's concurrency control; nil when it has none or when the setting is invalid (the decoder rejects
    /// such files).
    public var concurrency: TriggerConcurrency? {
        get { try? TriggerConcurrency.read(extra["runtimeConfiguration"]) }
        set {
            var configuration = extra["runtimeConfiguration"] ?? .object([:])
            if case .object = configuration {} else { configuration = .object([:]) }
            if let newValue {
                // Members of `concurrency` the form does not show stay as they were.
                configuration = configuration.setting(newValue.runs.map(JSONValue.int), atPath: "concurrency.runs")
                configuration = configuration.setting(newValue.maximumWaitingRuns.map(JSONValue.int), atPath: "concurrency.maximumWaitingRuns")
                if configuration["concurrency"] == nil { configuration = configuration.setting(.object([:]), atPath: "concurrency") }
            } else {
                configuration = configuration.setting(nil, atPath: "concurrency")
            }
            if configuration == .object([:]) || configuration.isNull {
                extra.removeValue(forKey: "runtimeConfiguration")
            } else {
                extra["runtimeConfiguration"] = configuration
            }
        }
    }
}
