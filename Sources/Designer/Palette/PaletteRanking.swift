/// Ranks palette entries for a query: by match quality, then by recent use, then shorter titles first.
public enum PaletteRanking {
    /// One ranked result: the entry's index and its match.
    public struct Result: Sendable, Hashable {
        public var index: Int
        public var match: FuzzyMatch.Match
    }

    /// The entries matching `query`, best first (all of them, in order with the recent ones first, for an empty query).
    public static func rank(_ query: String, _ entries: [PaletteEntry], recent: [String]) -> [Result] {
        let letters = FuzzyMatch.prepare(query)
        let mask = FuzzyMatch.mask(letters)
        var recency: [String: Int] = [:]
        for (rank, id) in recent.enumerated() where recency[id] == nil { recency[id] = rank }
        var results: [(result: Result, recent: Int, length: Int)] = []
        results.reserveCapacity(entries.count)
        for index in entries.indices {
            guard let match = FuzzyMatch.match(letters, mask: mask, in: entries[index].candidate) else { continue }
            let entry = entries[index]
            results.append((Result(index: index, match: match), recency[entry.id] ?? Int.max, letters.isEmpty ? 0 : entry.candidate.scalars.count))
        }
        results.sort { a, b in
            if a.result.match.score != b.result.match.score { return a.result.match.score > b.result.match.score }
            if a.recent != b.recent { return a.recent < b.recent }
            if a.length != b.length { return a.length < b.length }
            return a.result.index < b.result.index
        }
        return results.map(\.result)
    }
}
