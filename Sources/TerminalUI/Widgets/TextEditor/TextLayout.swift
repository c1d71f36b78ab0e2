/// Soft wrapping of a text into visual lines of at most `width` columns: at spaces where possible, never inside an
/// atom that fits a line, hard at `width` otherwise. Each line is a range of character indices (newlines excluded).
public enum TextLayout {
    public static func lines(_ characters: [Character], width: Int, atoms: [Range<Int>] = []) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var atomAt: [Int: Int] = [:]
        for atom in atoms { atomAt[atom.lowerBound] = atom.upperBound }
        var start = 0
        while true {
            var end = start
            while end < characters.count, characters[end] != "\n" { end += 1 }
            wrap(characters, start..<end, width: width, atomAt: atomAt, into: &lines)
            guard end < characters.count else { break }
            start = end + 1
        }
        return lines
    }

    /// One paragraph (no newline inside) as visual lines.
    private static func wrap(_ characters: [Character], _ paragraph: Range<Int>, width: Int, atomAt: [Int: Int], into lines: inout [Range<Int>]) {
        var lineStart = paragraph.lowerBound
        var x = 0
        var lastBreak: Int?
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            var unitEnd = index + 1
            var unitWidth = CharacterWidth.of(characters[index])
            if let atomEnd = atomAt[index], atomEnd <= paragraph.upperBound {
                let atomWidth = characters[index..<atomEnd].reduce(0) { $0 + CharacterWidth.of($1) }
                // An atom longer than a line wraps like text.
                if atomWidth <= width {
                    unitEnd = atomEnd
                    unitWidth = atomWidth
                    if index > lineStart { lastBreak = index }
                }
            }
            // A space may hang past the edge: the line breaks after it.
            let hangs = characters[index] == " " && unitEnd == index + 1
            if x + unitWidth > width, index > lineStart, !hangs {
                let breakAt = lastBreak.flatMap { $0 > lineStart ? $0 : nil } ?? index
                lines.append(lineStart..<breakAt)
                lineStart = breakAt
                x = characters[breakAt..<index].reduce(0) { $0 + CharacterWidth.of($1) }
                lastBreak = nil
                if x + unitWidth > width, index > lineStart {
                    lines.append(lineStart..<index)
                    lineStart = index
                    x = 0
                }
            }
            x += unitWidth
            index = unitEnd
            if hangs { lastBreak = index }
        }
        lines.append(lineStart..<paragraph.upperBound)
    }

    /// The visual line holding position `position` (a position at a soft break belongs to the line it starts).
    public static func lineIndex(of position: Int, in lines: [Range<Int>]) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= position { low = middle } else { high = middle - 1 }
        }
        return max(0, low)
    }
}
