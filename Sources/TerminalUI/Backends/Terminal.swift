/// What an application needs from a terminal: its size, a way to show a frame, and keys.
/// All terminal work happens on the main actor (curses is not thread-safe).
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// How many colours the terminal shows (0 or 1 for none, 8, 16, 256).
    var colorCount: Int { get }
    /// True when box drawing may use Unicode.
    var supportsUnicode: Bool { get }
    /// Shows a frame (a backend may redraw only the cells that changed).
    func present(_ buffer: CellBuffer)
    /// The next keys, waiting at most `timeoutMilliseconds` (negative: forever). Empty on timeout.
    func readKeys(timeoutMilliseconds: Int) -> [Key]
    /// Puts text on the system clipboard (OSC 52; the terminal may ignore it).
    func copyToClipboard(_ text: String)
    /// Gives the terminal back to the shell.
    func shutdown()
}
