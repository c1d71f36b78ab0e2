/// Turns raw terminal input into keys: control characters, ESC prefixes (Alt-letters, CSI sequences the
/// terminal library did not translate) and bracketed paste.
public struct KeyDecoder: Sendable {
    private var pending: [RawInput] = []

    public init() {}

    /// Feeds raw inputs that arrived together and returns the keys they form. An ESC followed by nothing is Esc.
    public mutating func decode(_ inputs: [RawInput]) -> [Key] {
        pending += inputs
        var keys: [Key] = []
        while !pending.isEmpty {
            let (key, used) = Self.decodeOne(pending[...])
            pending.removeFirst(used)
            if let key { keys.append(key) }
        }
        return keys
    }

    /// One key from the front of `input` and how many inputs it used.
    static func decodeOne(_ input: ArraySlice<RawInput>) -> (Key?, Int) {
        guard let first = input.first else { return (nil, 0) }
        switch first {
        case .keyCode(let code): return (keyCode(code), 1)
        case .keyName(let name): return (named(name), 1)
        case .character(27): return escape(input.dropFirst())
        case .character(let value): return (control(value), 1)
        }
    }

    /// A curses function-key code as a key.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case CursesKeyCode.down: return .down
        case CursesKeyCode.up: return .up
        case CursesKeyCode.left: return .left
        case CursesKeyCode.right: return .right
        case CursesKeyCode.home: return .home
        case CursesKeyCode.end: return .end
        case CursesKeyCode.backspace: return .backspace
        case CursesKeyCode.delete: return .delete
        case CursesKeyCode.insert: return .insert
        case CursesKeyCode.pageDown: return .pageDown
        case CursesKeyCode.pageUp: return .pageUp
        case CursesKeyCode.enter: return .enter
        case CursesKeyCode.backTab: return .backTab
        case CursesKeyCode.resize: return .resize
        case CursesKeyCode.shiftLeft: return .shift(.left)
        case CursesKeyCode.shiftRight: return .shift(.right)
        case CursesKeyCode.shiftUp: return .shift(.up)
        case CursesKeyCode.shiftDown: return .shift(.down)
        case CursesKeyCode.shiftHome: return .shift(.home)
        case CursesKeyCode.shiftEnd: return .shift(.end)
        case (CursesKeyCode.f0 + 1)...(CursesKeyCode.f0 + 12): return .function(Int(code - CursesKeyCode.f0))
        default: return nil
        }
    }

    /// A character or control character as a key.
    static func control(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value + 96))))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// What follows an ESC: a CSI/SS3 sequence, a bracketed paste, Alt plus a character, or a bare Esc.
    static func escape(_ rest: ArraySlice<RawInput>) -> (Key?, Int) {
        guard case .character(let next)? = rest.first else { return (.escape, 1) }
        if next == 91 || next == 79 { return sequence(rest.dropFirst(), introducer: next) }
        if next == 27 { return (.escape, 1) }
        guard let key = control(next) else { return (.escape, 1) }
        if case .character(let c) = key { return (.alt(c), 2) }
        return (.escape, 1)
    }

    /// A CSI (`ESC [`) or SS3 (`ESC O`) sequence; unknown sequences are swallowed.
    static func sequence(_ body: ArraySlice<RawInput>, introducer: UInt32) -> (Key?, Int) {
        var text = ""
        var used = 2
        for input in body {
            guard case .character(let value) = input, let scalar = Unicode.Scalar(value) else { break }
            used += 1
            text.unicodeScalars.append(scalar)
            if (64...126).contains(value) { break }
        }
        if text == "200~" { return paste(body.dropFirst(4), used: used) }
        let keys: [String: Key] = [
            "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "Z": .backTab,
            "1~": .home, "4~": .end, "7~": .home, "8~": .end, "5~": .pageUp, "6~": .pageDown, "3~": .delete, "2~": .insert,
        ]
        if text.isEmpty { return (introducer == 91 ? .alt("[") : .alt("O"), 2) }
        if let key = keys[text] { return (key, used) }
        return (modified(text, keys: keys), used)
    }

    /// xterm's modified keys: `1;5D` (Ctrl-Left), `1;2A` (Shift-Up), `5;5~` (Ctrl-PgUp), `3;2~` (Shift-Delete).
    static func modified(_ text: String, keys: [String: Key]) -> Key? {
        guard let final = text.last else { return nil }
        let parts = text.dropLast().split(separator: ";")
        guard parts.count == 2, let parameter = Int(parts[1]), let modifiers = KeyModifiers(xterm: parameter) else { return nil }
        let base = final == "~" ? keys[parts[0] + "~"] : (parts[0] == "1" ? keys[String(final)] : nil)
        guard let base, base != .backTab else { return nil }
        return .modified(base, modifiers)
    }

    /// The keys terminfo names by capability (`kLFT5` is Ctrl-Left): ncurses reports them with codes it assigns at
    /// start-up, so the backend asks `keyname` and hands the name here.
    public static func named(_ name: String) -> Key? {
        let bases: [String: Key] = ["kLFT": .left, "kRIT": .right, "kUP": .up, "kDN": .down, "kHOM": .home, "kEND": .end,
                                    "kPRV": .pageUp, "kNXT": .pageDown, "kDC": .delete]
        guard let last = name.last, let digit = last.wholeNumberValue, let modifiers = KeyModifiers(xterm: digit),
              let base = bases[String(name.dropLast())] else { return nil }
        return .modified(base, modifiers)
    }

    /// The text of a bracketed paste, up to `ESC [ 201 ~` (or the end of the input).
    static func paste(_ body: ArraySlice<RawInput>, used: Int) -> (Key?, Int) {
        var scalars: [UInt32] = []
        for input in body {
            if case .character(let value) = input { scalars.append(value) }
        }
        let terminator: [UInt32] = [27, 91, 50, 48, 49, 126]
        var end = scalars.count
        var consumed = scalars.count
        if let found = (0...max(0, scalars.count - terminator.count)).first(where: { Array(scalars.dropFirst($0).prefix(6)) == terminator }) {
            end = found
            consumed = found + terminator.count
        }
        var text = ""
        var previous: UInt32 = 0
        for value in scalars[..<end] {
            defer { previous = value }
            // CR and CRLF are one newline each (a CRLF was two).
            if value == 10, previous == 13 { continue }
            if value == 13 { text.unicodeScalars.append("\n") } else if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        return (.paste(text), used + consumed)
    }
}
