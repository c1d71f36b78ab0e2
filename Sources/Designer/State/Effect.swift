import FlowExpressions
import FlowModel
import FlowRunner
import TerminalUI

/// What to do once a save succeeds.
public enum AfterSave: Sendable, Hashable {
    case stay
    case leaveEditor
    case quit
}

/// Work the update function asks the outside world to do; the effect runner turns each into messages.
public enum Effect: Sendable, Hashable {
    case reloadFlows
    case loadWorkspace
    case openFlow(id: String)
    case createFlow(Flow, then: AfterSave)
    case saveFlow(Flow, expectedVersion: Int, then: AfterSave)
    case setFlowState(id: String, FlowState)
    case renameFlow(id: String, name: String)
    case duplicateFlow(id: String, name: String)
    case deleteFlow(id: String)
    case exportFlow(id: String, path: String)
    case importFlow(path: String)
    /// Sends a command to the runner.
    case runner(RunnerCommand)
    /// Collects what the runner finished in the background.
    case pollRunner
    case loadFeed(limit: Int)
    case loadRuns(flowId: String?, limit: Int)
    case loadRunDetail(id: String)
    /// One page of the filtered run history (appended to the loaded pages, or replacing them).
    case loadRunPage(RunQuery, append: Bool)
    /// Two runs with their steps, compared step by step.
    case loadComparison(first: String, second: String)
    /// The history's size, counts, last prune and retention (Admin > System).
    case loadHistoryFacts
    /// Opens a flow with a step selected (from a failed run).
    case openFlowAt(id: String, step: String?)
    /// Tests a flow with the trigger body of its newest run.
    case loadConnections
    case saveConnection(ConnectionDraft, replacing: String?)
    case deleteConnection(name: String)
    /// Version history and draft autosave of a flow.
    case history(HistoryEffect)
    /// Replaces the step clipboard (code-view JSON).
    case writeClipboard(JSONValue)
    /// Reads the step clipboard to paste it at a placement.
    case pasteClipboard(Placement)
    /// The run on the canvas and replays of a draft.
    case runCanvas(RunCanvasEffect)
    /// Data > Unification: statistics, why, explain.
    case unification(UnificationRequest)
    case quit
}

/// Everything that can happen to the designer: keys, resizes and the results of effects.
public enum Message: Sendable {
    case start
    case key(Key)
    case resize(Size)
    case flowsLoaded([FlowSummary], problems: [String], runs: [String: RunSummary])
    case workspaceLoaded(WorkspaceSnapshot, connections: [String: String], facts: [Fact])
    case flowOpened(Flow)
    case flowSaved(Flow, then: AfterSave)
    case saveConflict(String)
    case succeeded(String)
    case failed(String)
    /// The timer: live screens poll the history.
    case tick
    case notices([RunnerNotice])
    /// The runner link's change counter (nil: it cannot tell).
    case revision(Int?)
    case feedLoaded(MonitorFeed)
    case runsLoaded([RunRecord])
    case runDetailLoaded(RunDetail?, flow: Flow?)
    case runPageLoaded(RunQuery, RunPage, append: Bool)
    case comparisonLoaded(RunComparison?)
    case historyFactsLoaded(HistoryOverview?)
    case flowOpenedAt(Flow, step: String?)
    case connectionsLoaded([ConnectionSummary])
    /// Results of version history and draft effects.
    case history(HistoryMessage)
    /// The step clipboard as read (nil: empty), to paste at a placement.
    case clipboardRead(JSONValue?, Placement)
    /// Results of the run view's effects.
    case runCanvas(RunCanvasMessage)
    /// Data > Unification's statistics and answers.
    case unification(UnificationMessage)
}

/// A labelled fact (Admin > System).
public struct Fact: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
