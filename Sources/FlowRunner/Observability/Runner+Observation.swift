import FlowModel
import Foundation
import Logging

/// What the runner reports about itself: metrics and log lines (to `RunnerConfiguration.logger`), at the single
/// places the facts happen. Log metadata names events, runs, flows and steps by id and name only — never inputs,
/// outputs or connection settings.
extension Runner {
    /// An event committed with its runs (called once per event, after the commit).
    func observeAccepted(_ event: TriggerEvent, firings: [TriggerMatcher.Firing]) {
        configuration.metrics?.eventAccepted(origin: event.origin.rawValue)
        for firing in firings where firing.entry.kind.isThreshold {
            configuration.metrics?.thresholdCrossed(flow: firing.entry.flow.id, kind: firing.entry.kind.rawValue)
        }
        configuration.logger.info("event accepted", metadata: [
            "event": "\(event.id)", "type": "\(event.type.rawValue)", "origin": "\(event.origin.rawValue)",
            "runs": "\(firings.count)",
        ])
    }

    /// A run leaving the queue to execute.
    func observeLaunch(_ run: RunRecord) {
        configuration.metrics?.runStarted(flow: run.flowId)
        configuration.logger.debug("run started", metadata: ["run": "\(run.id)", "flow": "\(run.flowId)", "origin": "\(run.origin.rawValue)"])
    }

    /// The queue's size after it changed.
    func observeQueue() {
        configuration.metrics?.queue(waiting: queue.backlog, running: queue.runningCount + unqueued.count)
        activity.queue(depth: queue.backlog)
    }

    /// A run that ended (every run passes here once, whatever ended it).
    func observeFinish(_ run: RunRecord) {
        configuration.metrics?.runFinished(flow: run.flowId, status: run.status)
        activity.runEnded(run.status)
        var metadata: Logger.Metadata = ["run": "\(run.id)", "flow": "\(run.flowId)", "status": "\(run.status.rawValue)"]
        if let code = run.errorCode { metadata["code"] = "\(code)" }
        if run.status == .succeeded {
            configuration.logger.info("run finished", metadata: metadata)
        } else {
            configuration.logger.warning("run finished", metadata: metadata)
        }
    }
}

extension Runner {
    /// What a start recovered from the previous process, each logged once: events matched late, runs failed for
    /// crashing the runner too often, open runs resumed.
    func observeRecovery(unmatched: [String], failed: [String], resumed: [String]) {
        for id in unmatched { configuration.logger.notice("recovery: matching an event stored but not matched", metadata: ["event": "\(id)"]) }
        for id in failed { configuration.logger.warning("recovery: run failed, it was in flight at too many starts", metadata: ["run": "\(id)"]) }
        for id in resumed { configuration.logger.notice("recovery: resuming an open run", metadata: ["run": "\(id)"]) }
    }
}
