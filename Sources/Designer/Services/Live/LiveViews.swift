import FlowRunner
import Foundation
import Insights
import Synchronization
import TextFormats

/// What the live screens show of the workspace and the history, re-read after every change (not per frame).
final class LiveViews: Sendable {
    private struct Current: Sendable {
        var snapshot = WorkspaceSnapshot(name: "no workspace")
        var status: WorkspaceStatus?
        var lastRuns: [String: RunSummary] = [:]
        var revision = 0
    }

    private let workspace: Workspace?
    private let history: HistoryStore
    private let current = Mutex(Current())

    init(workspace: Workspace?, history: HistoryStore) {
        self.workspace = workspace
        self.history = history
    }

    var snapshot: WorkspaceSnapshot { current.withLock { $0.snapshot } }
    var status: WorkspaceStatus? { current.withLock { $0.status } }
    var lastRuns: [String: RunSummary] { current.withLock { $0.lastRuns } }
    var revision: Int { current.withLock { $0.revision } }

    /// Re-reads the flows' last runs now and the workspace status in the background.
    func reload() {
        let runs = ((try? history.latestRunPerFlow()) ?? [:]).mapValues { run in
            RunSummary(status: run.status.rawValue, time: TimeText.dayMinute(run.finishedAt ?? run.startedAt ?? run.queuedAt))
        }
        current.withLock { state in
            state.revision += 1
            state.lastRuns = runs
        }
        guard let workspace else { return }
        Task.detached { [self] in
            let status = try? await workspace.status()
            let snapshot = status.map(WorkspaceViews.snapshot) ?? WorkspaceViews.unrefreshed(workspace.definition)
            current.withLock { state in
                if state.snapshot != snapshot || state.status != status { state.revision += 1 }
                state.snapshot = snapshot
                state.status = status
            }
        }
    }
}
