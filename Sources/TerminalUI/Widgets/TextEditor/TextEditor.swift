/// A multi-line text editor for long values: soft wrapping, movement by character, word, visual line, page and
/// document, a selection (Shift+movement, or a mark set with Ctrl-Space) with cut/copy/paste, undo/redo in
/// word-sized steps, bracketed paste keeping newlines, and atoms (ranges an `AtomRule` finds) that the cursor
/// jumps over and Backspace deletes whole. The owner sets `viewport` (the text's columns and rows) before keys.
public struct TextEditor: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// The cursor, 0...characters.count, never strictly inside an atom.
    public private(set) var cursor: Int
    /// The other end of the selection, when there is one.
    public private(set) var anchor: Int?
    /// True after Ctrl-Space: plain movement extends the selection until the mark is cleared.
    public private(set) var markActive = false
    public private(set) var atoms: [Range<Int>] = []
    /// What Ctrl-K / Alt-W put aside and Ctrl-V inserts.
    public private(set) var clipboard = ""
    /// Counts the cuts and copies that filled `clipboard` (the owner sends each to the terminal's clipboard too).
    public private(set) var clipboardRevision = 0
    /// The first visual line shown.
    public private(set) var top = 0
    /// The columns and rows the text is shown in (wrapping and paging follow it).
    public var viewport = Size(width: 80, height: 10) {
        didSet { reveal() }
    }
    public var atomRule: AtomRule? {
        didSet { rescan() }
    }
    var history = EditHistory()
    /// The column ↑/↓ aim for (kept across short lines).
    private var goalColumn: Int?

    public init(_ text: String = "", atomRule: AtomRule? = nil) {
        characters = Array(Self.normalized(text))
        cursor = characters.count
        self.atomRule = atomRule
        rescan()
    }

    /// The text being edited.
    public var text: String { String(characters) }

    /// The selected range, when the selection is not empty.
    public var selection: Range<Int>? {
        guard let anchor, anchor != cursor else { return nil }
        return min(anchor, cursor)..<max(anchor, cursor)
    }

    /// The selected text ("" when nothing is selected).
    public var selectedText: String { selection.map { String(characters[$0]) } ?? "" }

    /// True when an undo step is available.
    public var canUndo: Bool { !history.undoStack.isEmpty }

    /// The visual lines at the viewport's width.
    public var visualLines: [Range<Int>] { TextLayout.lines(characters, width: viewport.width, atoms: atoms) }

    /// 1-based (line, column) of `position` in the text's own lines (newlines count, wrapping does not).
    public func position(of position: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(position, characters.count))
        var line = 1
        var lineStart = 0
        for index in 0..<clamped where characters[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        return (line, clamped - lineStart + 1)
    }

    /// The atom holding `position` strictly inside or starting at it, if any.
    public func atom(at position: Int) -> Range<Int>? {
        atoms.first { $0.lowerBound <= position && position < $0.upperBound }
    }

    // MARK: keys

    /// Applies an editing or movement key; true when consumed.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): type(c)
        case .enter: type("\n")
        case .tab: insert("  ")
        case .paste(let text): insert(text)
        case .backspace: deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("w"), .alt("\u{7F}"): deleteRange(previousWordStart(cursor)..<cursor)
        case .alt("d"): deleteRange(cursor..<nextWordEnd(cursor))
        case .ctrl("z"): undo()
        case .ctrl("y"): redo()
        case .ctrl("k"): cut()
        case .alt("w"), .alt("c"): copy()
        case .ctrl("v"): if !clipboard.isEmpty { insert(clipboard) }
        case .ctrl(" "):
            markActive.toggle()
            anchor = markActive ? cursor : nil
        case .modified(let base, let modifiers):
            guard let target = target(of: base, byWord: modifiers.contains(.ctrl) || modifiers.contains(.alt)) else { return false }
            move(to: target, selecting: modifiers.contains(.shift), vertical: base == .up || base == .down)
        case .mouse(let event) where event.button == .wheelUp || event.button == .wheelDown:
            // The wheel moves three lines on screen.
            let lines = event.button == .wheelUp ? -3 : 3
            move(to: vertical(by: lines), selecting: false, vertical: true)
        case .alt("b"): move(to: previousWordStart(cursor), selecting: false)
        case .alt("f"): move(to: nextWordEnd(cursor), selecting: false)
        case .ctrl("a"): move(to: target(of: .home, byWord: false) ?? cursor, selecting: false)
        case .ctrl("e"): move(to: target(of: .end, byWord: false) ?? cursor, selecting: false)
        default:
            guard let target = target(of: key, byWord: false) else { return false }
            move(to: target, selecting: false, vertical: [.up, .down, .pageUp, .pageDown].contains(key))
        }
        reveal()
        return true
    }

    /// Where a movement key goes from the cursor (by word for ←/→ with Ctrl or Alt; Home/End with them: the
    /// document's ends); nil for keys that do not move.
    private mutating func target(of key: Key, byWord: Bool) -> Int? {
        switch key {
        case .left:
            if byWord { return previousWordStart(cursor) }
            if let atom = atoms.first(where: { $0.upperBound == cursor }) { return atom.lowerBound }
            return max(0, cursor - 1)
        case .right:
            if byWord { return nextWordEnd(cursor) }
            if let atom = atoms.first(where: { $0.lowerBound == cursor }) { return atom.upperBound }
            return min(characters.count, cursor + 1)
        case .home:
            if byWord { return 0 }
            let lines = visualLines
            return lines[TextLayout.lineIndex(of: cursor, in: lines)].lowerBound
        case .end:
            if byWord { return characters.count }
            let lines = visualLines
            return lines[TextLayout.lineIndex(of: cursor, in: lines)].upperBound
        case .up: return vertical(by: -1)
        case .down: return vertical(by: 1)
        case .pageUp: return vertical(by: -max(1, viewport.height - 1))
        case .pageDown: return vertical(by: max(1, viewport.height - 1))
        default: return nil
        }
    }

    /// Moves the cursor; with `selecting` (or an active mark) the selection grows, otherwise it is dropped.
    private mutating func move(to target: Int, selecting: Bool, vertical: Bool = false) {
        if selecting || markActive {
            if anchor == nil { anchor = cursor }
        } else {
            anchor = nil
        }
        if !vertical { goalColumn = nil }
        cursor = snapped(target, forward: target >= cursor)
        history.breakStep()
    }

    /// The position `delta` visual lines away, at the remembered column.
    private mutating func vertical(by delta: Int) -> Int {
        let lines = visualLines
        let current = TextLayout.lineIndex(of: cursor, in: lines)
        let goal = goalColumn ?? width(lines[current].lowerBound..<cursor)
        goalColumn = goal
        let targetIndex = max(0, min(lines.count - 1, current + delta))
        if targetIndex == current { return delta < 0 ? (current == 0 ? 0 : cursor) : (current == lines.count - 1 ? characters.count : cursor) }
        let line = lines[targetIndex]
        var position = line.lowerBound
        var x = 0
        while position < line.upperBound {
            let step = CharacterWidth.of(characters[position])
            if x + step > goal { break }
            x += step
            position += 1
        }
        // At a soft break the end of the line is the next line's start: stay on this one.
        if position == line.upperBound, targetIndex + 1 < lines.count, lines[targetIndex + 1].lowerBound == line.upperBound, position > line.lowerBound {
            position -= 1
        }
        return position
    }

    // MARK: editing

    /// Inserts text at the cursor (replacing the selection); newlines are kept, `\r\n` and `\r` become `\n`,
    /// tabs two spaces. One undo step.
    public mutating func insert(_ text: String) {
        let clean = Array(Self.normalized(text))
        let before = snapshot()
        history.willEdit(.other, at: cursor, character: nil, before: before)
        removeSelection()
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
        finishEdit()
    }

    /// Types one character (coalesced with the typing around it into word-sized undo steps).
    private mutating func type(_ character: Character) {
        if selection != nil {
            insert(String(character))
            return
        }
        let before = snapshot()
        history.willEdit(.typing, at: cursor, character: character, before: before)
        anchor = nil
        markActive = false
        characters.insert(character, at: cursor)
        cursor += 1
        finishEdit()
    }

    private mutating func deleteBackward() {
        if let selection { return deleteRange(selection) }
        guard cursor > 0 else { return }
        if let atom = atoms.first(where: { $0.upperBound == cursor }) { return deleteRange(atom) }
        let before = snapshot()
        history.willEdit(.deleting, at: cursor, character: characters[cursor - 1], before: before)
        characters.remove(at: cursor - 1)
        cursor -= 1
        finishEdit()
    }

    private mutating func deleteForward() {
        if let selection { return deleteRange(selection) }
        guard cursor < characters.count else { return }
        if let atom = atoms.first(where: { $0.lowerBound == cursor }) { return deleteRange(atom) }
        deleteRange(cursor..<cursor + 1)
    }

    /// Deletes `range` (widened to whole atoms) as one undo step.
    private mutating func deleteRange(_ range: Range<Int>) {
        let range = widened(range)
        guard !range.isEmpty else { return }
        let before = snapshot()
        history.willEdit(.other, at: cursor, character: nil, before: before)
        characters.removeSubrange(range)
        cursor = range.lowerBound
        anchor = nil
        markActive = false
        finishEdit()
    }

    /// Cuts the selection, else the rest of the line (the newline when at its end).
    private mutating func cut() {
        let range: Range<Int>
        if let selection {
            range = selection
        } else {
            var end = cursor
            while end < characters.count, characters[end] != "\n" { end += 1 }
            range = cursor..<(end == cursor ? min(characters.count, end + 1) : end)
        }
        let widened = widened(range)
        guard !widened.isEmpty else { return }
        clipboard = String(characters[widened])
        clipboardRevision += 1
        deleteRange(widened)
    }

    private mutating func copy() {
        if let selection {
            clipboard = String(characters[widened(selection)])
            clipboardRevision += 1
        }
        anchor = nil
        markActive = false
    }

    /// Undoes the last step; false when there is none.
    @discardableResult public mutating func undo() -> Bool {
        guard let previous = history.undo(from: snapshot()) else { return false }
        restore(previous)
        return true
    }

    /// Redoes the last undone step; false when there is none.
    @discardableResult public mutating func redo() -> Bool {
        guard let next = history.redo(from: snapshot()) else { return false }
        restore(next)
        return true
    }

    private mutating func restore(_ snapshot: EditHistory.Snapshot) {
        characters = snapshot.characters
        cursor = min(snapshot.cursor, characters.count)
        anchor = nil
        markActive = false
        goalColumn = nil
        rescan()
    }

    private func snapshot() -> EditHistory.Snapshot { EditHistory.Snapshot(characters: characters, cursor: cursor) }

    private mutating func removeSelection() {
        guard let selection else { return }
        let range = widened(selection)
        characters.removeSubrange(range)
        cursor = range.lowerBound
        anchor = nil
        markActive = false
    }

    private mutating func finishEdit() {
        goalColumn = nil
        rescan()
        cursor = snapped(cursor, forward: true)
        history.didEdit(cursor: cursor)
    }

    private mutating func rescan() {
        atoms = atomRule?.ranges(in: characters) ?? []
    }

    /// Keeps the cursor's line in view.
    private mutating func reveal() {
        let lines = visualLines
        let line = TextLayout.lineIndex(of: cursor, in: lines)
        let height = max(1, viewport.height)
        if line < top { top = line }
        if line >= top + height { top = line - height + 1 }
        top = max(0, min(top, max(0, lines.count - 1)))
    }

    // MARK: positions

    /// `position` moved out of an atom it is strictly inside (to its end when moving forward).
    private func snapped(_ position: Int, forward: Bool) -> Int {
        let position = max(0, min(position, characters.count))
        guard let atom = atoms.first(where: { $0.lowerBound < position && position < $0.upperBound }) else { return position }
        return forward ? atom.upperBound : atom.lowerBound
    }

    /// `range` grown to include every atom it touches.
    private func widened(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        for atom in atoms where atom.overlaps(lower..<upper) {
            lower = min(lower, atom.lowerBound)
            upper = max(upper, atom.upperBound)
        }
        return lower..<upper
    }

    private static func wordClass(_ character: Character) -> Int {
        if character.isWhitespace { return 0 }
        return character.isLetter || character.isNumber || character == "_" ? 1 : 2
    }

    /// The start of the word (or atom, or run of punctuation) before `position`.
    func previousWordStart(_ position: Int) -> Int {
        var index = position
        while index > 0, Self.wordClass(characters[index - 1]) == 0 { index -= 1 }
        if let atom = atoms.first(where: { $0.upperBound == index }) { return atom.lowerBound }
        guard index > 0 else { return 0 }
        let kind = Self.wordClass(characters[index - 1])
        while index > 0, Self.wordClass(characters[index - 1]) == kind, atom(at: index - 1) == nil { index -= 1 }
        return index
    }

    /// The end of the word (or atom, or run of punctuation) after `position`.
    func nextWordEnd(_ position: Int) -> Int {
        var index = position
        while index < characters.count, Self.wordClass(characters[index]) == 0 { index += 1 }
        if let atom = atoms.first(where: { $0.lowerBound == index }) { return atom.upperBound }
        guard index < characters.count else { return characters.count }
        let kind = Self.wordClass(characters[index])
        while index < characters.count, Self.wordClass(characters[index]) == kind, atom(at: index) == nil { index += 1 }
        return index
    }

    func width(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + CharacterWidth.of($1) } }

    static func normalized(_ text: String) -> String {
        guard text.contains(where: { $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\r\n", "\r": result.append("\n")
            case "\t": result += "  "
            default: result.append(character)
            }
        }
        return result
    }
}
