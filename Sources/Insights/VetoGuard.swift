/// Keeps profiles free of disagreeing exception values: tracks, per group root, each veto field's value.
struct VetoGuard {
    /// Per veto field and group root: 0 no value, `conflict` several values, else the value's hash.
    private var state: [[Int]]
    private static let conflict = Int.min

    /// Veto field indices (into the table's `vetoValues`) this guard checks.
    private let fields: [Int]

    /// Builds the state of the current groups for `fields` from the rows' veto values (row i is element i + 1).
    init(table: MatchTable, groups: inout UnionFind, fields: [Int]) {
        let count = table.count
        self.fields = fields
        state = fields.map { _ in Array(repeating: 0, count: count + 1) }
        for (index, field) in fields.enumerated() {
            for row in 0..<count {
                guard let value = table.vetoValues[field][row] else { continue }
                let root = groups.root(row + 1)
                state[index][root] = Self.combine(state[index][root], Self.code(value))
            }
        }
    }

    private static func code(_ value: String) -> Int {
        let hash = value.hashValue
        return hash == 0 || hash == conflict ? 1 : hash
    }

    private static func combine(_ a: Int, _ b: Int) -> Int {
        if a == 0 { return b }
        if b == 0 || a == b { return a }
        return conflict
    }

    /// The first veto field (table index) on which the groups of `a` and `b` disagree, if any.
    func disagreement(_ a: Int, _ b: Int, groups: inout UnionFind) -> Int? {
        if fields.isEmpty { return nil }
        let rootA = groups.root(a)
        let rootB = groups.root(b)
        return state.indices.first { field in
            let left = state[field][rootA]
            let right = state[field][rootB]
            return left != 0 && right != 0 && (left != right || left == Self.conflict)
        }.map { fields[$0] }
    }

    /// Joins the groups of `a` and `b` and merges their veto state; returns false if already joined.
    mutating func union(_ a: Int, _ b: Int, groups: inout UnionFind) -> Bool {
        let rootA = groups.root(a)
        let rootB = groups.root(b)
        guard groups.union(rootA, rootB) else { return false }
        let root = groups.root(rootA)
        for field in state.indices {
            state[field][root] = Self.combine(state[field][rootA], state[field][rootB])
        }
        return true
    }
}
