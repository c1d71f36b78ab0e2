import FlowExpressions
import FlowModel
import Foundation

/// The runner's keys of the home's `settings.json` (`concurrency`, `perFlowConcurrency`), range-checked.
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

    public init(concurrency: Int? = nil, perFlowConcurrency: Int? = nil) {
        self.concurrency = concurrency
        self.perFlowConcurrency = perFlowConcurrency
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
                              perFlowConcurrency: try number(document, "perFlowConcurrency", perFlowRange, file: file.path))
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
        return configuration
    }
}
