import FlowModel

/// The flow open in the editor: the working copy, the version it was loaded at, unsaved-change tracking, undo
/// history, collapsed cards and the selected card.
public struct FlowDocument: Sendable, Hashable {
    public var flow: Flow
    /// True until the flow has been written once.
    public var isNew: Bool
    /// The stored version the edits started from (the expected version of the next save).
    public var savedVersion: Int
    /// True when the working copy differs from the flow as last saved (or was never saved): undoing back to
    /// the saved flow leaves nothing to save.
    public var isDirty: Bool { isNew || flow != savedFlow }
    /// The flow as loaded or last saved.
    private var savedFlow: Flow
    private var undoStack: [Flow] = []
    /// Names of collapsed container cards.
    public var collapsed: Set<String> = []
    /// The selected card: a step name, or nil for the trigger.
    public var selected: String?
    /// The other end of a range of sibling steps (`v` on the canvas); the range runs from it to the selected step.
    public var mark: String?
    /// The last step search (`/` on the canvas; `n` / `N` jump between its matches).
    public var search: String?
    /// The checker's findings at the last save or check (cards with errors are flagged).
    public var issues: [FlowIssue] = []

    public init(flow: Flow, isNew: Bool) {
        self.flow = flow
        self.isNew = isNew
        self.savedVersion = flow.version
        self.savedFlow = flow
    }

    /// Applies an edit, remembering the previous flow for undo.
    public mutating func edit(_ change: (inout Flow) -> Void) {
        let before = flow
        change(&flow)
        guard flow != before else { return }
        undoStack.append(before)
        if undoStack.count > 200 { undoStack.removeFirst() }
    }

    /// True when there is something to undo.
    public var canUndo: Bool { !undoStack.isEmpty }

    /// Restores the flow before the last edit.
    public mutating func undo() -> Bool {
        guard let previous = undoStack.popLast() else { return false }
        flow = previous
        if let selected, flow.definition.step(named: selected) == nil { self.selected = nil }
        if let mark, flow.definition.step(named: mark) == nil { self.mark = nil }
        return true
    }

    /// Marks the document as saved at `flow`.
    public mutating func markSaved(_ saved: Flow) {
        flow = saved
        savedFlow = saved
        savedVersion = saved.version
        isNew = false
    }
}
