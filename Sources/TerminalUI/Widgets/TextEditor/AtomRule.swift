/// What makes a range of text an "atom" that moves and deletes as one unit: it starts with `open` and ends at the
/// first `close` on the same line that is outside a `quote`-delimited string (a doubled quote stays in the string).
/// Unclosed openings are plain text until they are closed.
public struct AtomRule: Sendable, Hashable {
    public var open: [Character]
    public var close: Character
    public var quote: Character?

    public init(open: String, close: Character, quote: Character? = nil) {
        self.open = Array(open)
        self.close = close
        self.quote = quote
    }

    /// The atoms of `characters`, in order and disjoint.
    public func ranges(in characters: [Character]) -> [Range<Int>] {
        guard let first = open.first else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        let count = characters.count
        while index + open.count < count {
            guard characters[index] == first, Array(characters[index..<index + open.count]) == open else {
                index += 1
                continue
            }
            var probe = index + open.count
            var quoted = false
            var end: Int?
            while probe < count, characters[probe] != "\n" {
                let character = characters[probe]
                if let quote, character == quote {
                    quoted.toggle()
                } else if !quoted, character == close {
                    end = probe + 1
                    break
                }
                probe += 1
            }
            if let end {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }
}
