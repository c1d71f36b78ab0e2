/// Undo and redo of a text editor: snapshots taken before edits, with typing (and deleting) coalesced into
/// word-sized steps: a run of edits at the same place is one step until a word starts after a space.
struct EditHistory: Sendable, Hashable {
    /// The editor's text and cursor at one moment.
    struct Snapshot: Sendable, Hashable {
        var characters: [Character]
        var cursor: Int
    }

    /// What kind of edit the last one was (only typing and deleting coalesce).
    enum Kind: Sendable, Hashable { case typing, deleting, other }

    private(set) var undoStack: [Snapshot] = []
    private(set) var redoStack: [Snapshot] = []
    private var last: (kind: Kind, cursor: Int, whitespace: Bool)?
    /// The most steps kept.
    static let limit = 200

    /// Called before an edit of `kind` at `cursor` touching `character`; pushes `before` unless it continues the
    /// current step.
    mutating func willEdit(_ kind: Kind, at cursor: Int, character: Character?, before: Snapshot) {
        let whitespace = character?.isWhitespace ?? false
        let continues = kind != .other && last.map { $0.kind == kind && $0.cursor == cursor && !($0.whitespace && !whitespace) } ?? false
        if !continues {
            undoStack.append(before)
            if undoStack.count > Self.limit { undoStack.removeFirst() }
        }
        redoStack.removeAll()
        last = nil
        pending = (kind, whitespace)
    }

    private var pending: (kind: Kind, whitespace: Bool)?

    /// Called after the edit with the cursor where it left it (the next edit there may continue the step).
    mutating func didEdit(cursor: Int) {
        if let pending { last = (pending.kind, cursor, pending.whitespace) }
        pending = nil
    }

    /// Ends the current step (after a move, undo or redo).
    mutating func breakStep() { last = nil }

    /// The snapshot to go back to, given the current one; nil when there is nothing to undo.
    mutating func undo(from current: Snapshot) -> Snapshot? {
        guard let previous = undoStack.popLast() else { return nil }
        redoStack.append(current)
        last = nil
        return previous
    }

    /// The snapshot to go forward to, given the current one; nil when there is nothing to redo.
    mutating func redo(from current: Snapshot) -> Snapshot? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append(current)
        last = nil
        return next
    }

    static func == (lhs: EditHistory, rhs: EditHistory) -> Bool { lhs.undoStack == rhs.undoStack && lhs.redoStack == rhs.redoStack }
    func hash(into hasher: inout Hasher) {
        hasher.combine(undoStack)
        hasher.combine(redoStack)
    }
}
