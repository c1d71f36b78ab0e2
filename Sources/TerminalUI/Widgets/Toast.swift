/// A short message shown above the status bar until the next key (success, warning or error).
public struct Toast: Sendable, Hashable {
    /// How the toast is coloured.
    public enum Kind: Sendable, Hashable { case info, success, warning, error }
    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .info) {
        self.message = message
        self.kind = kind
    }

    /// Draws the toast on the row above the status bar, right-aligned, wrapped to at most three rows.
    public func render(into buffer: inout CellBuffer, screen: Rect, theme: Theme) {
        let role: ThemeRole = switch kind {
        case .info: .dialog
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
        let width = min(screen.width, max(20, min(CharacterWidth.of(message) + 4, screen.width - 4)))
        let lines = TextWrap.lines(message, width: width - 4).prefix(3)
        for (offset, line) in lines.enumerated() {
            let y = screen.maxY - 1 - lines.count + offset
            let x = screen.maxX - width
            buffer.put(CharacterWidth.pad("  " + line, to: width), x: x, y: y, style: theme[role].adding(.reverse))
        }
    }
}
