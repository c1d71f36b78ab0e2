import FlowModel
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
    case quit
}

/// Everything that can happen to the designer: keys, resizes and the results of effects.
public enum Message: Sendable {
    case start
    case key(Key)
    case resize(Size)
    case flowsLoaded([Flow], problems: [String], runs: [String: RunSummary])
    case workspaceLoaded(WorkspaceSnapshot, connections: [String: String], facts: [Fact])
    case flowOpened(Flow)
    case flowSaved(Flow, then: AfterSave)
    case saveConflict(String)
    case succeeded(String)
    case failed(String)
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
