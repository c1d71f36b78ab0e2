import FlowRunner
import Foundation

/// Opens a test run in the run detail as soon as the runner has queued it, so it plays out live (the runner's test
/// call answers only when the run has finished).
enum TestRunWatcher {
    /// Polls the history for the flow's newest test run queued from now on; posts `.openRun` when it appears.
    static func watch(flowId: String, history: HistoryStore, notices: NoticeBox) -> Task<String?, Never> {
        let since = Date().addingTimeInterval(-0.05)
        return Task.detached {
            for _ in 0..<400 where !Task.isCancelled {
                if let run = try? history.runs(flowId: flowId, limit: 5).first(where: { $0.origin == "test" && $0.queuedAt >= since }) {
                    notices.post(.openRun(run.id))
                    return run.id
                }
                try? await Task.sleep(for: .milliseconds(25))
            }
            return nil
        }
    }
}
