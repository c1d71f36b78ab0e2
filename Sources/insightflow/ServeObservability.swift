import ArgumentParser
import FlowRunner
import Logging
import Metrics

/// How `serve` prints its log lines.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `serve`'s logging and metrics options, and the process-wide bootstraps they choose (each done once, at start).
struct ServeObservabilityOptions: ParsableArguments {
    @Option(help: "How log lines print on stderr: text or json (one JSON object per line).")
    var logFormat: LogFormat = .text
    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Sends every logger of the process to stderr in the chosen format and level.
    func bootstrapLogging() {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let format = logFormat
        LoggingSystem.bootstrap { label in
            switch format {
            case .json:
                return JSONLogHandler(label: label, level: level)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }

    /// The runner's metrics, also made the process's swift-metrics backend (so any library's series join `/metrics`).
    func bootstrapMetrics() -> RunnerMetrics {
        let metrics = RunnerMetrics()
        MetricsSystem.bootstrap(metrics.factory)
        return metrics
    }
}
