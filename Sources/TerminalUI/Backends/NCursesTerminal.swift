import CNCurses

/// Why the curses terminal could not start.
public struct TerminalStartError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The real terminal through ncursesw: alternate screen, raw keys, short ESC delay, mouse and resize, redrawing
/// only the cells that changed since the last frame. Every curses call happens on the main actor.
@MainActor
public final class NCursesTerminal: Terminal {
    public private(set) var size: Size
    public let colorCount: Int
    public let supportsUnicode: Bool
    private var previous: CellBuffer?
    private var decoder = KeyDecoder()
    private var pairs = ColorPairs()
    private var isActive = true

    /// Takes over the terminal. Fails when standard input or output is not a terminal.
    public init() throws(TerminalStartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalStartError(description: "the designer needs a terminal (standard input and output are not a TTY)")
        }
        setlocale(LC_ALL, "")
        supportsUnicode = insightflow_locale_is_utf8() != 0
        guard initscr() != nil else { throw TerminalStartError(description: "cannot initialise the terminal (is TERM set?)") }
        insightflow_install_restore_handlers()
        atexit { insightflow_restore_terminal() }
        raw()
        noecho()
        nonl()
        keypad(insightflow_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mouseinterval(0)
        _ = insightflow_enable_mouse()
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(insightflow_colors())
        } else {
            colorCount = 0
        }
        Self.writeControl("\u{1B}[?2004h")
        size = Size(width: Int(insightflow_cols()), height: Int(insightflow_lines()))
    }

    public func present(_ buffer: CellBuffer) {
        guard isActive else { return }
        var lastDrawn: (x: Int, y: Int) = (-1, -1)
        for position in buffer.changedPositions(since: previous) {
            var x = position.x
            if buffer[x, position.y].isContinuation, x > 0 { x -= 1 }
            if lastDrawn == (x, position.y) { continue }
            draw(buffer[x, position.y], x: x, y: position.y)
            lastDrawn = (x, position.y)
        }
        previous = buffer
        wnoutrefresh(insightflow_stdscr())
        doupdate()
    }

    public func readKeys(timeoutMilliseconds: Int) -> [Key] {
        guard isActive else { return [] }
        wtimeout(insightflow_stdscr(), Int32(timeoutMilliseconds))
        var raw: [RawInput] = []
        var special: [Key] = []
        while let input = readRaw() {
            if case .keyCode(CursesKeyCode.mouse) = input {
                if let event = mouseEvent() { special.append(.mouse(event)) }
            } else if case .keyCode(CursesKeyCode.resize) = input {
                handleResize()
                special.append(.resize)
            } else {
                raw.append(input)
            }
            wtimeout(insightflow_stdscr(), 0)
            if raw.count > 4096 { break }
        }
        return decoder.decode(raw) + special
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        Self.writeControl("\u{1B}[?2004l")
        curs_set(1)
        insightflow_restore_terminal()
    }

    private func readRaw() -> RawInput? {
        var value: wint_t = 0
        let status = insightflow_get_wch(&value)
        if status == KEY_CODE_YES {
            // Extended keys (Ctrl-Left as kLFT5 under TERM=xterm-256color) have codes assigned at start-up: by name.
            if Int32(value) > CursesKeyCode.max, let name = keyname(Int32(value)) { return .keyName(String(cString: name)) }
            return .keyCode(Int32(value))
        }
        if status == OK { return .character(UInt32(value)) }
        return nil
    }

    private func handleResize() {
        size = Size(width: Int(insightflow_cols()), height: Int(insightflow_lines()))
        previous = nil
        wclear(insightflow_stdscr())
    }

    private func mouseEvent() -> MouseEvent? {
        var x: Int32 = 0, y: Int32 = 0
        var buttons: UInt = 0
        guard insightflow_mouse(&x, &y, &buttons) == OK else { return nil }
        let button: MouseEvent.Button
        if buttons & insightflow_button4_pressed() != 0 {
            button = .wheelUp
        } else if insightflow_button5_pressed() != 0, buttons & insightflow_button5_pressed() != 0 {
            button = .wheelDown
        } else if buttons & insightflow_button1_clicked() != 0 {
            button = .left
        } else if buttons & insightflow_button3_clicked() != 0 {
            button = .right
        } else {
            return nil
        }
        return MouseEvent(x: Int(x), y: Int(y), button: button)
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let shown = supportsUnicode ? cell.text : AsciiFallback.text(cell.text)
        var text: [wchar_t] = shown.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if text.isEmpty { text = [wchar_t(32)] }
        text.append(0)
        let pair = colorCount > 0 ? pairs.pair(cell.style.foreground, cell.style.background) : 0
        _ = insightflow_put_cell(Int32(y), Int32(x), text, Self.attributes(cell.style.attributes), pair)
    }

    private static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result: attr_t = 0
        if attributes.contains(.bold) { result |= insightflow_attr_bold() }
        if attributes.contains(.dim) { result |= insightflow_attr_dim() }
        if attributes.contains(.underline) { result |= insightflow_attr_underline() }
        if attributes.contains(.reverse) { result |= insightflow_attr_reverse() }
        if attributes.contains(.italic) { result |= insightflow_attr_italic() }
        return result
    }

    public func copyToClipboard(_ text: String) {
        // Inside tmux the sequence is written plainly: tmux handles OSC 52 itself with `set-clipboard on`.
        Self.writeControl(ClipboardSequence.osc52(text))
    }

    private static func writeControl(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}

/// Colour pairs allocated on first use (pair 0 is the terminal's default colours).
private struct ColorPairs {
    private var pairs: [TerminalColor: [TerminalColor: Int32]] = [:]

    mutating func pair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int32 {
        if foreground == .default, background == .default { return 0 }
        if let known = pairs[foreground]?[background] { return known }
        let allocated = alloc_pair(Int32(foreground.index), Int32(background.index))
        let pair = allocated < 0 ? 0 : allocated
        pairs[foreground, default: [:]][background] = pair
        return pair
    }
}
