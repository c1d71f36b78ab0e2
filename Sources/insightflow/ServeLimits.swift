import ArgumentParser
import FlowModel
import FlowRunner

/// `serve`'s concurrency limits: the command-line options over the home's settings file over the defaults.
enum ServeLimits {
    /// Rejects options out of range, naming the option and its range.
    static func check(concurrency: Int?, perFlowConcurrency: Int?) throws {
        if let concurrency, !RunnerSettings.concurrencyRange.contains(concurrency) {
            throw ValidationError("--concurrency must be from \(RunnerSettings.concurrencyRange.lowerBound) to \(RunnerSettings.concurrencyRange.upperBound); got \(concurrency)")
        }
        if let perFlowConcurrency, !RunnerSettings.perFlowRange.contains(perFlowConcurrency) {
            throw ValidationError("--per-flow-concurrency must be from \(RunnerSettings.perFlowRange.lowerBound) to \(RunnerSettings.perFlowRange.upperBound); got \(perFlowConcurrency)")
        }
    }

    /// The runner configuration: defaults, then `settings.json`, then the options.
    static func configuration(home: InsightFlowHome, concurrency: Int?, perFlowConcurrency: Int?) throws -> RunnerConfiguration {
        var configuration = try RunnerSettings.load(home: home).applied(to: RunnerConfiguration())
        if let concurrency { configuration.globalConcurrency = concurrency }
        if let perFlowConcurrency { configuration.perFlowConcurrency = perFlowConcurrency }
        return configuration
    }
}
