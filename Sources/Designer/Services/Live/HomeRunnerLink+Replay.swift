import FlowModel
import FlowRunner
import Foundation

/// Replays of a draft against the home's recorded events: the events come from the history, the dry runs execute
/// in this process (nothing is sent and nothing is written to the history, whether the runner is embedded or a
/// `serve` holds the home), and the finished report comes back as a notice.
extension HomeRunnerLink {
    /// The newest `limit` recorded events that could fire `flow`'s trigger.
    func recordedEvents(for flow: Flow, limit: Int) -> [TriggerEvent] {
        (try? replayer().events(for: flow, limit: limit)) ?? []
    }

    /// Replays `flow` in the background against the events `eventIds` (a picked event: it runs even when the trigger
    /// would not fire), or the newest `count` events; posts `.replayed` when done.
    func replay(_ flow: Flow, eventIds: [String]?, count: Int?) {
        let replayer = replayer(), notices = commands.notices, history = history
        Task.detached {
            let events: [TriggerEvent]
            if let eventIds {
                events = eventIds.compactMap { try? history.event(id: $0) }
            } else {
                events = (try? replayer.events(for: flow, limit: count ?? 10)) ?? []
            }
            let results = await replayer.replay(flow, events: events, always: eventIds != nil)
            notices.post(.replayed(ReplayReport(draft: flow, results: results, single: eventIds != nil)))
        }
    }

    /// The replayer over this home: its history, connections and workspace data.
    private func replayer() -> DraftReplay {
        let connections = home.flatMap { try? ConnectionStore(home: $0).load() } ?? []
        return DraftReplay(history: history, connections: Dictionary(connections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                           dataActions: commands.workspace.map { WorkspaceDataActions(workspace: $0) }, home: home)
    }
}
