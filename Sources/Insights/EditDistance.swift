/// Levenshtein edit distance and the reference's fuzzy score.
enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a` into `b`; stops early
    /// and returns a value above `limit` once the distance must exceed it.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int = .max) -> Int {
        if a.count < b.count { return distance(b, a, limit: limit) }
        if b.isEmpty { return a.count }
        if a.count - b.count > limit { return limit &+ 1 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { buffer in
            var previous = UnsafeMutableBufferPointer(rebasing: buffer[0...b.count])
            var current = UnsafeMutableBufferPointer(rebasing: buffer[(b.count + 1)...])
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                let character = a[i - 1]
                for j in 1...b.count {
                    let substitution = previous[j - 1] + (character == b[j - 1] ? 0 : 1)
                    let value = min(substitution, previous[j] + 1, current[j - 1] + 1)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit &+ 1 }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }

    /// (length − edit distance) / length with the longer string as the base (so the score is symmetric).
    static func score(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let length = max(a.count, b.count)
        if length == 0 { return 1 }
        return Double(length - distance(a, b)) / Double(length)
    }

    /// True when the score of `a` and `b` reaches `threshold`, computing no more of the distance than needed.
    static func reaches(_ a: [UInt32], _ b: [UInt32], threshold: Double) -> Bool {
        let length = max(a.count, b.count)
        if length == 0 { return true }
        let allowed = Int((Double(length) * (1 - threshold) + 1e-9).rounded(.down))
        return distance(a, b, limit: allowed) <= allowed
    }

    /// The Unicode scalars of `text` as integers.
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
}
