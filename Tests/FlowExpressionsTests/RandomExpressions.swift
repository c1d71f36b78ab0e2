import FlowExpressions

/// A small deterministic random source (SplitMix64) so generated trees depend only on the property's seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random expression trees and flow strings from a seed.
struct RandomExpressions {
    var random: SplitMix

    init(seed: Int) { random = SplitMix(state: UInt64(bitPattern: Int64(seed))) }

    static let alphabet = Array("abcXYZ 09_-'@{}()[],.?!é✓\n\"")
    static let names = ["Get_items", "Send", "counter", "name", "Outer", "Inner", "env", "count", "tags", "nested", "when"]

    mutating func text(maxLength: Int = 8) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in Self.alphabet.randomElement(using: &random) ?? "a" })
    }

    mutating func leaf() -> Expression {
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return .string(text())
        case 1: return .string(Self.names.randomElement(using: &random) ?? "x")
        case 2: return .integer(Int.random(in: -3...12, using: &random))
        case 3: return .integer(Int(truncatingIfNeeded: random.next()))
        case 4: return .decimal(Double.random(in: -1000...1000, using: &random))
        case 5: return .decimal(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF))
        case 6: return .boolean(Bool.random(using: &random))
        case 7: return .null
        default: return .string(["yyyy-MM-dd", "2026-03-15T10:00:00Z", "N2", "UTC", "o", "Day"].randomElement(using: &random) ?? "")
        }
    }

    mutating func expression(depth: Int) -> Expression {
        guard depth > 0, Int.random(in: 0..<4, using: &random) != 0 else { return leaf() }
        if Int.random(in: 0..<4, using: &random) == 0 {
            return .index(expression(depth: depth - 1), key: expression(depth: depth - 1), nullSafe: Bool.random(using: &random))
        }
        let function = BuiltinFunction.allCases.randomElement(using: &random) ?? .concat
        let arity = function.arity
        let count = Int.random(in: arity.minimum...(arity.maximum ?? arity.minimum + 3), using: &random)
        return .call(function, (0..<count).map { _ in expression(depth: depth - 1) })
    }

    /// A flow string in canonical form (adjacent texts merged, no empty texts, literal when there is no expression).
    mutating func flowString() -> FlowString {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return .literal(text(maxLength: 12))
        case 1: return .expression(expression(depth: 3))
        default:
            var segments: [FlowString.Segment] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                if Bool.random(using: &random) {
                    let piece = text()
                    guard !piece.isEmpty else { continue }
                    if case .text(let previous)? = segments.last {
                        segments[segments.count - 1] = .text(previous + piece)
                    } else {
                        segments.append(.text(piece))
                    }
                } else {
                    segments.append(.expression(expression(depth: 2)))
                }
            }
            let hasExpression = segments.contains { if case .expression = $0 { true } else { false } }
            guard hasExpression else {
                return .literal(segments.map { if case .text(let t) = $0 { t } else { "" } }.joined())
            }
            return .interpolation(segments)
        }
    }
}
