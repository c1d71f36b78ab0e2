import FlowExpressions
import FlowModel
import Foundation

/// The runner's keys of the home's `settings.json` (`concurrency`, `perFlowConcurrency`, and the history's retention:
/// `retentionDays`, `retentionRuns`, `retentionEvents`), range-checked.
public struct RunnerSettings: Sendable, Equatable {
    /// The accepted range of the global limit (`serve --concurrency`, `"concurrency"`).
    public static let concurrencyRange = 1...1024
    /// The accepted range of the per-flow default (`serve --per-flow-concurrency`, `"perFlowConcurrency"`): the
    /// trigger's own range, as a flow's `runtimeConfiguration.concurrency.runs`.
    public static let perFlowRange = TriggerConcurrency.runsRange

    /// Runs executing at once across all flows, if the file sets it.
    public var concurrency: Int?
    /// Runs of one flow at once for flows without a trigger concurrency control, if the file sets it.
    public var perFlowConcurrency: Int?

    /// The accepted range of the retention keys (days, runs, events).
    public static let retentionRange = 1...100_000_000
    /// Keep finished runs and processed events this many days, if the file sets it.
    public var retentionDays: Int?
    /// Keep at most this many finished runs, if the file sets it.
    public var retentionRuns: Int?
    /// Keep at most this many processed events, if the file sets it.
    public var retentionEvents: Int?

    public init(concurrency: Int? = nil, perFlowConcurrency: Int? = nil, retentionDays: Int? = nil, retentionRuns: Int? = nil, retentionEvents: Int? = nil) {
        self.concurrency = concurrency
        self.perFlowConcurrency = perFlowConcurrency
        self.retentionDays = retentionDays
        self.retentionRuns = retentionRuns
        self.retentionEvents = retentionEvents
    }

    /// A settings file the runner cannot use: the file, the key and the fix.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the runner's keys of `<home>/settings.json`; a missing file sets nothing, a malformed one is an error.
    public static func load(home: InsightFlowHome) throws(Problem) -> RunnerSettings {
        let file = home.url.appendingPathComponent("settings.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return RunnerSettings() }
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes: [UInt8](data))
        } catch {
            throw Problem(description: "\(file.path): \(error.description) — fix the file, e.g. {\"concurrency\": 16, \"perFlowConcurrency\": 4}")
        }
        guard case .object = document else {
            throw Problem(description: "\(file.path): must be a JSON object such as {\"concurrency\": 16, \"perFlowConcurrency\": 4}")
        }
        return RunnerSettings(concurrency: try number(document, "concurrency", concurrencyRange, file: file.path),
                              perFlowConcurrency: try number(document, "perFlowConcurrency", perFlowRange, file: file.path),
                              retentionDays: try number(document, "retentionDays", retentionRange, file: file.path),
                              retentionRuns: try number(document, "retentionRuns", retentionRange, file: file.path),
                              retentionEvents: try number(document, "retentionEvents", retentionRange, file: file.path))
    }

    private static func number(_ document: JSONValue, _ key: String, _ range: ClosedRange<Int>, file: String) throws(Problem) -> Int? {
        guard let value = document[key], !value.isNull else { return nil }
        guard let number = value.intValue, range.contains(number) else {
            let found = value.intValue.map(String.init) ?? value.typeDescription
            throw Problem(description: "\(file): $.\(key): must be a whole number from \(range.lowerBound) to \(range.upperBound); found \(found) — fix the value or remove the key")
        }
        return number
    }

    /// The configuration with these settings applied over it.
    public func applied(to configuration: RunnerConfiguration) -> RunnerConfiguration {
        var configuration = configuration
        if let concurrency { configuration.globalConcurrency = concurrency }
        if let perFlowConcurrency { configuration.perFlowConcurrency = perFlowConcurrency }
        return retentionApplied(to: configuration)
    }

    /// The configuration with only the retention keys applied (the app's embedded runner, which takes its
    /// concurrency from the defaults).
    public func retentionApplied(to configuration: RunnerConfiguration) -> RunnerConfiguration {
        var configuration = configuration
        if let retentionDays { configuration.retentionAge = Double(retentionDays) * 86_400 }
        if let retentionRuns { configuration.retentionCount = retentionRuns }
        if let retentionEvents { configuration.retentionEventCount = retentionEvents }
        return configuration
    }

    /// Where each retention value in force comes from, one line each ("30 days (default)", "5000 runs
    /// (settings.json retentionRuns)"), for Admin > System.
    public func retentionSources(_ configuration: RunnerConfiguration = RunnerConfiguration()) -> [String] {
        let applied = retentionApplied(to: configuration)
        func from(_ key: String, _ set: Int?) -> String { set == nil ? "default" : "settings.json \(key)" }
        let days = applied.retentionAge.map { "\(Int(($0 / 86_400).rounded())) days" } ?? "no age limit"
        let runs = applied.retentionCount.map { "\($0) runs" } ?? "no run limit"
        let events = applied.retentionEventCount.map { "\($0) events" } ?? "no event limit"
        return ["\(days) (\(from("retentionDays", retentionDays)))", "\(runs) (\(from("retentionRuns", retentionRuns)))",
                "\(events) (\(from("retentionEvents", retentionEvents)))"]
    }
}
