import FlowModel
import FlowRunner

/// Work for the run view and replays: open a run on the canvas, list recorded events, replay a draft.
public enum RunCanvasEffect: Sendable, Hashable {
    /// Loads a run, its steps and its flow as it was when the run started.
    case open(runId: String)
    /// Lists the recorded events that could fire this flow's trigger (newest first).
    case loadEvents(Flow, limit: Int)
    /// Runs the draft dry against one recorded event; the run opens on the canvas.
    case replayOne(Flow, eventId: String)
    /// Runs the draft dry against the newest `count` events; a summary table opens.
    case replayLast(Flow, count: Int)
}

/// What the run-view effects found.
public enum RunCanvasMessage: Sendable {
    case opened(RunCanvasData)
    case eventsLoaded(flowId: String, [TriggerEvent])
}

/// A run drawn on the canvas: the flow as it ran (the run's version, or a draft for a replay), the run and its steps.
public struct RunCanvasData: Sendable, Hashable {
    public var flow: Flow
    public var run: RunRecord
    public var steps: [StepRecord]
    /// Shown above the canvas in the warning role (the run's version is no longer kept, the trigger would not fire).
    public var warning: String?
    /// What the flow on the canvas is: `v3, as when the run started`, `draft (unsaved), dry replay`.
    public var source: String

    public init(flow: Flow, run: RunRecord, steps: [StepRecord], warning: String? = nil, source: String) {
        self.flow = flow
        self.run = run
        self.steps = steps
        self.warning = warning
        self.source = source
    }
}

/// A replay finished in the background: one result for a picked event (shown on the canvas), or the last N.
public struct ReplayReport: Sendable, Hashable {
    public var draft: Flow
    public var results: [ReplayResult]
    /// True for "test with a recorded event" (the run opens on the canvas); false for the summary table.
    public var single: Bool

    public init(draft: Flow, results: [ReplayResult], single: Bool) {
        self.draft = draft
        self.results = results
        self.single = single
    }

    /// The canvas data of one result's dry run (nil when the draft did not run).
    func canvas(_ result: ReplayResult) -> RunCanvasData? {
        guard let run = result.run else { return nil }
        let warning = result.fires ? nil : "The draft's trigger would not fire for this event (\(result.reason)); it ran anyway, dry"
        return RunCanvasData(flow: draft, run: run, steps: result.steps, warning: warning,
                             source: "draft, dry replay of the event of \(RunCanvasScreen.stamp(result.event.receivedAt))")
    }
}
