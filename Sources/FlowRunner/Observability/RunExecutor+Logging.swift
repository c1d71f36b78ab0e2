import FlowModel
import Foundation
import Logging

extension RunExecutor {
    /// Logs a recorded step: a failed one at warning, others at debug; ids, names, status, code and attempts only
    /// (never inputs, outputs or the error message, which may quote them).
    func logStep(_ step: Step, context: RunContext, outcome: StepOutcome, seconds: Double) {
        var metadata: Logger.Metadata = [
            "flow": "\(flow.id)", "step": "\(step.name)", "type": "\(step.type.rawValue)",
            "status": "\(outcome.status.rawValue)", "attempts": "\(outcome.attempts)",
            "seconds": "\(Double(Int(seconds * 1000)) / 1000)",
        ]
        if let run = context.workflowInfo["run"]?["name"]?.stringValue { metadata["run"] = "\(run)" }
        if let code = outcome.code { metadata["code"] = "\(code)" }
        if outcome.status == .failed {
            environment.logger.warning("step failed", metadata: metadata)
        } else {
            environment.logger.debug("step finished", metadata: metadata)
        }
    }
}
