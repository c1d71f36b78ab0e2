import FlowModel
import FlowRunner
import Insights
import Synchronization

/// What background commands share: the workspace, the notice box and whether the demo feed runs.
struct LinkContext: Sendable {
    let workspace: Workspace?
    let notices: NoticeBox
    let demoFeed: DemoFeedFlag
    let home: InsightFlowHome?
    let history: HistoryStore
    let schedule = ScheduleSlot()
}

/// Whether the demo feed is ticking (nil when this process does not control it).
final class DemoFeedFlag: Sendable {
    private let state: Mutex<Bool?>

    init(_ value: Bool?) { state = Mutex(value) }

    var value: Bool? {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

/// A command the link cannot carry out (no runner, no workspace).
struct LinkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
