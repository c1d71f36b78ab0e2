/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or one of 256 palette entries.
public enum TerminalColor: Sendable, Hashable {
    case `default`
    /// 0–7 normal, 8–15 bright.
    case ansi(UInt8)
    /// 0–255 of the xterm palette.
    case palette(UInt8)

    /// The colour index curses uses, -1 for the default.
    public var index: Int {
        switch self {
        case .default: return -1
        case .ansi(let i): return Int(i)
        case .palette(let i): return Int(i)
        }
    }
}

/// Text attributes that combine freely.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// Attribute names as theme files write them.
    public static let names: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic,
    ]
}

/// How a cell looks: foreground, background and attributes.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's plain text.
    public static let plain = Style()

    /// A copy with extra attributes.
    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
