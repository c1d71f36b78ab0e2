/// One terminal cell: a grapheme (empty for the right half of a wide character) and its style.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown; `""` marks the continuation of the wide character to the left.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }

    /// A blank cell in a style.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", style: style) }
}
