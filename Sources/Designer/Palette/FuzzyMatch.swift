/// Fuzzy matching for the command palette: the query's letters must appear in the candidate in order, with gaps
/// allowed ("pmt" finds "Post a message in a Teams channel"); a match scores higher when its letters start words,
/// follow each other, and start early.
public enum FuzzyMatch {
    /// A candidate prepared once (lower-cased scalars and where its words start) so each keystroke only scores.
    public struct Candidate: Sendable {
        public let text: String
        let scalars: [Unicode.Scalar]
        let wordStarts: [Bool]
        /// One bit per scalar value modulo 64: a query with a bit the candidate lacks cannot match (checked first).
        let mask: UInt64

        public init(_ text: String) {
            self.text = text
            var scalars: [Unicode.Scalar] = []
            var starts: [Bool] = []
            scalars.reserveCapacity(text.utf8.count)
            starts.reserveCapacity(text.utf8.count)
            var previous: Unicode.Scalar?
            for scalar in text.unicodeScalars {
                scalars.append(Self.lowered(scalar))
                if let previous {
                    let separator = Self.separators.contains(previous)
                    let camel = Self.isLower(previous) && Self.isUpper(scalar)
                    starts.append(separator || camel)
                } else {
                    starts.append(true)
                }
                previous = scalar
            }
            self.scalars = scalars
            wordStarts = starts
            mask = FuzzyMatch.mask(scalars)
        }

        static let separators = Set(" _-./:()›".unicodeScalars)

        static func isLower(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
        }

        static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
        }

        static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            if scalar.isASCII { return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar }
            return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        }
    }

    /// A match: its score (higher is better) and the matched scalar offsets (for highlighting).
    public struct Match: Sendable, Hashable {
        public var score: Int
        public var positions: [Int]
    }

    /// The bit set of `scalars` (value modulo 64).
    static func mask(_ scalars: [Unicode.Scalar]) -> UInt64 {
        scalars.reduce(0) { $0 | (1 << UInt64($1.value % 64)) }
    }

    /// Lower-cased scalars of a query.
    public static func prepare(_ query: String) -> [Unicode.Scalar] {
        query.unicodeScalars.filter { $0 != " " }.map(Candidate.lowered)
    }

    /// The match of `query` in `candidate`, or nil when its letters do not all appear in order.
    public static func match(_ query: [Unicode.Scalar], in candidate: Candidate) -> Match? {
        match(query, mask: mask(query), in: candidate)
    }

    /// `match(_:in:)` with the query's mask computed once for many candidates.
    static func match(_ query: [Unicode.Scalar], mask queryMask: UInt64, in candidate: Candidate) -> Match? {
        guard !query.isEmpty else { return Match(score: 0, positions: []) }
        guard queryMask & ~candidate.mask == 0, query.count <= candidate.scalars.count,
              let positions = positions(query, candidate, preferWordStarts: true) ?? positions(query, candidate, preferWordStarts: false)
        else { return nil }
        var score = 0
        for (index, position) in positions.enumerated() {
            score += 1
            if candidate.wordStarts[position] { score += 8 }
            if index > 0, positions[index - 1] + 1 == position { score += 5 }
        }
        score -= min(positions[0], 10)
        if positions[0] == 0, positions[positions.count - 1] + 1 == query.count { score += 10 }  // a prefix
        return Match(score: score, positions: positions)
    }

    /// The offsets of the query's letters, left to right; with `preferWordStarts`, a letter not following the
    /// previous one jumps to the next word start holding it (when there is one).
    private static func positions(_ query: [Unicode.Scalar], _ candidate: Candidate, preferWordStarts: Bool) -> [Int]? {
        let text = candidate.scalars
        var positions: [Int] = []
        positions.reserveCapacity(query.count)
        var at = 0
        for letter in query {
            guard at < text.count, let next = text[at...].firstIndex(of: letter) else { return nil }
            var chosen = next
            if preferWordStarts, !candidate.wordStarts[next], positions.last.map({ $0 + 1 != next }) ?? true,
               let start = text.indices[next...].first(where: { candidate.wordStarts[$0] && text[$0] == letter }) {
                chosen = start
            }
            positions.append(chosen)
            at = chosen + 1
        }
        return positions
    }
}
