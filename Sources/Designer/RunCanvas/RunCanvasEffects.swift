import FlowModel
import FlowRunner

/// Performs the run-view effects against the services: the run's version from the flow history, the recorded
/// events and the replays from the home's runner link (replays finish in the background and come back as notices).
@MainActor
enum RunCanvasEffects {
    static func perform(_ effect: RunCanvasEffect, _ services: any DesignerServices) -> [Message] {
        switch effect {
        case .open(let runId):
            guard let detail = services.runner?.detail(runId: runId) else { return [.failed("Run \(runId.prefix(8)) is not in the history")] }
            guard let (flow, warning) = flowAsRun(detail.run, services) else {
                return [.failed("The flow of run \(runId.prefix(8)) (\(detail.run.flowId)) no longer exists, nor its version \(detail.run.flowVersion)")]
            }
            let source = warning == nil ? "v\(flow.version), as when the run started" : "v\(flow.version) (current)"
            return [.runCanvas(.opened(RunCanvasData(flow: flow, run: detail.run, steps: detail.steps, warning: warning, source: source)))]
        case .loadEvents(let flow, let limit):
            guard let link = services.runner as? HomeRunnerLink else { return [.failed("Recorded events need the home's history (no runner link)")] }
            return [.runCanvas(.eventsLoaded(flowId: flow.id, link.recordedEvents(for: flow, limit: limit)))]
        case .replayOne(let flow, let eventId):
            guard let link = services.runner as? HomeRunnerLink else { return [.failed("A replay needs the home's history (no runner link)")] }
            link.replay(flow, eventIds: [eventId], count: nil)
            return []
        case .replayLast(let flow, let count):
            guard let link = services.runner as? HomeRunnerLink else { return [.failed("A replay needs the home's history (no runner link)")] }
            link.replay(flow, eventIds: nil, count: count)
            return []
        }
    }

    /// The flow as it was when `run` started: the current file when it is that version, else the kept version;
    /// when that is gone, the current flow with a warning. Nil when neither exists.
    static func flowAsRun(_ run: RunRecord, _ services: any DesignerServices) -> (Flow, String?)? {
        let current = try? services.loadFlow(id: run.flowId)
        if let current, current.version == run.flowVersion { return (current, nil) }
        if let history = services as? any FlowHistoryServices, let kept = try? history.loadFlow(id: run.flowId, version: run.flowVersion) {
            return (kept, nil)
        }
        guard let current else { return nil }
        return (current, "Version \(run.flowVersion) of this flow is no longer kept: showing the current version \(current.version); cards may not match the run")
    }
}
