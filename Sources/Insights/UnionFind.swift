/// Disjoint sets over record ids 1...n with path halving and union by size.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0...count).map { Int32($0) }
        size = Array(repeating: 1, count: count + 1)
    }

    /// The representative of `element`'s set.
    mutating func root(_ element: Int) -> Int {
        var node = Int32(element)
        while parent[Int(node)] != node {
            let grand = parent[Int(parent[Int(node)])]
            parent[Int(node)] = grand
            node = grand
        }
        return Int(node)
    }

    /// Joins the sets of `a` and `b`; returns false if they were already joined.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = root(a)
        var rootB = root(b)
        if rootA == rootB { return false }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
        return true
    }
}
