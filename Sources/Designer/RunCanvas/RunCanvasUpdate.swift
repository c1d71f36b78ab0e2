import FlowModel
import FlowRunner
import TerminalUI

/// Applies run-view messages and finished replays to the state.
enum RunCanvasUpdate {
    static func update(_ state: inout DesignerState, _ message: RunCanvasMessage) {
        switch message {
        case .opened(let data): state.stack.append(RunCanvasScreen(data))
        case .eventsLoaded(let flowId, let events):
            guard state.document?.flow.id == flowId, let flow = state.document?.flow else { return }
            guard !events.isEmpty else {
                let type = DraftReplay.eventType(of: flow)?.rawValue ?? "its trigger"
                state.notify("No recorded \(type) events in the history yet: they appear as the workspace refreshes", .warning)
                return
            }
            state.stack.append(RecordedEventsScreen(flow: flow, events: events))
        }
    }

    /// A replay finished: a picked event's run opens on the canvas, the last N open as a summary table.
    static func replayed(_ report: ReplayReport, _ state: inout DesignerState) {
        if report.single {
            guard let result = report.results.first, let data = report.canvas(result) else {
                state.notify("The replay found no such event in the history", .error)
                return
            }
            state.stack.append(RunCanvasScreen(data))
            return
        }
        guard !report.results.isEmpty else {
            state.notify("No recorded events to replay for \"\(report.draft.displayName)\"", .warning)
            return
        }
        state.stack.append(ReplaySummaryScreen(report: report))
    }
}

/// The canvas keys that replay the draft (`T`, `L`).
enum RunCanvasActions {
    /// `T`: the recorded events of the flow's trigger type, to pick one.
    static func pickEvent(_ state: inout DesignerState) {
        guard let flow = replayable(&state) else { return }
        state.perform(.runCanvas(.loadEvents(flow, limit: 500)))
    }

    /// `L`: asks how many of the newest events to replay (10 by default).
    static func askReplayLast(_ state: inout DesignerState) {
        guard replayable(&state) != nil else { return }
        state.ask("Replay recorded events", "Run the draft (dry, nothing is sent) against how many of the newest recorded events?",
                  answers: [.option(0, label: "Replay"), .cancel], input: TextField("10"), for: .replayLast)
    }

    /// The answer to `askReplayLast`.
    static func replayLast(_ text: String, _ state: inout DesignerState) {
        guard let flow = state.document?.flow else { return }
        guard let count = Int(text.trimmingCharacters(in: .whitespaces)), (1...1000).contains(count) else {
            state.notify("\"\(text)\" is not a number of events from 1 to 1000", .error)
            return
        }
        state.notify("Replaying the draft against the last \(count) event(s), dry…", .info)
        state.perform(.runCanvas(.replayLast(flow, count: count)))
    }

    /// The open flow, when its trigger has recorded events to replay.
    private static func replayable(_ state: inout DesignerState) -> Flow? {
        guard let flow = state.document?.flow else { return nil }
        guard DraftReplay.eventType(of: flow) != nil else {
            state.notify("Only connector triggers have recorded events to replay; test this flow with t", .warning)
            return nil
        }
        return flow
    }
}
