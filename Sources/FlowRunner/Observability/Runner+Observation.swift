import FlowModel
import Foundation
import Logging

/// The runner's log lines (swift-log: `serve --log-format/--log-level` choose how they print). Metadata names
/// events, runs, flows and steps by id and name only — never inputs, outputs or connection settings.
enum RunnerLog {
    static let logger = Logger(label: "insightflow.runner")
}

/// What the runner reports about itself: metrics and log lines, at the single places the facts happen.
extension Runner {
    /// An event committed with its runs (called once per event, after the commit).
    func observeAccepted(_ event: TriggerEvent, firings: [TriggerMatcher.Firing]) {
        configuration.metrics?.eventAccepted(origin: event.origin.rawValue)
        for firing in firings where firing.entry.kind.isThreshold {
            configuration.metrics?.thresholdCrossed(flow: firing.entry.flow.id, kind: firing.entry.kind.rawValue)
        }
        RunnerLog.logger.info("event accepted", metadata: [
            "event": "\(event.id)", "type": "\(event.type.rawValue)", "origin": "\(event.origin.rawValue)",
            "runs": "\(firings.count)",
        ])
    }

    /// A run leaving the queue to execute.
    func observeLaunch(_ run: RunRecord) {
        configuration.metrics?.runStarted(flow: run.flowId)
        RunnerLog.logger.debug("run started", metadata: ["run": "\(run.id)", "flow": "\(run.flowId)", "origin": "\(run.origin.rawValue)"])
    }

    /// The queue's size after it changed.
    func observeQueue() {
        configuration.metrics?.queue(waiting: queue.waitingCount, running: queue.runningCount)
    }

    /// A run that ended (every run passes here once, whatever ended it).
    func observeFinish(_ run: RunRecord) {
        configuration.metrics?.runFinished(flow: run.flowId, status: run.status)
        var metadata: Logger.Metadata = ["run": "\(run.id)", "flow": "\(run.flowId)", "status": "\(run.status.rawValue)"]
        if let code = run.errorCode { metadata["code"] = "\(code)" }
        if run.status == .succeeded {
            RunnerLog.logger.info("run finished", metadata: metadata)
        } else {
            RunnerLog.logger.warning("run finished", metadata: metadata)
        }
    }
}

extension Runner {
    /// What a start recovered from the previous process, each logged once: events matched late, runs failed for
    /// crashing the runner too often, open runs resumed.
    func observeRecovery(unmatched: [String], failed: [String], resumed: [String]) {
        for id in unmatched { RunnerLog.logger.notice("recovery: matching an event stored but not matched", metadata: ["event": "\(id)"]) }
        for id in failed { RunnerLog.logger.warning("recovery: run failed, it was in flight at too many starts", metadata: ["run": "\(id)"]) }
        for id in resumed { RunnerLog.logger.notice("recovery: resuming an open run", metadata: ["run": "\(id)"]) }
    }
}
