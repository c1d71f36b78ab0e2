/// ASCII stand-ins for the non-ASCII characters the toolkit and apps draw, for terminals without UTF-8.
public enum AsciiFallback {
    static let table: [String: String] = [
        "·": "-", "…": ".", "●": "*", "—": "-", "–": "-", "›": ">", "‹": "<", "↓": "v", "↑": "^", "←": "<", "→": ">",
        "▲": "^", "▼": "v", "█": "#", "•": "*", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┬": "+",
    ]

    /// The grapheme itself when ASCII, else its stand-in, else `?`.
    public static func text(_ grapheme: String) -> String {
        if grapheme.unicodeScalars.allSatisfy(\.isASCII) { return grapheme }
        return table[grapheme] ?? "?"
    }
}
