/// Limits that keep one evaluation from exhausting the runner (documented in docs/expressions.md). The reference
/// caps expression results at 131,072 characters; InsightFlow allows more (Teams cards and HTML tables of a
/// few thousand rows exceed that) but refuses a result before building it when it would pass the cap.
enum EvaluationLimits {
    /// The longest text a function may produce, in UTF-8 bytes (16 MiB).
    static let textBytes = 16 * 1024 * 1024

    /// Fails when a text of `bytes` bytes (computed before building it) would pass the cap.
    static func checkText(_ bytes: Int, _ arguments: Arguments) throws(ExpressionEvaluationError) {
        guard bytes <= textBytes else {
            throw arguments.failure("the result would be \(bytes) bytes of text; the limit is \(textBytes) (16 MiB)")
        }
    }

    /// The UTF-8 size of `parts` joined with `separator`, saturating instead of overflowing.
    static func joinedBytes(_ parts: [String], separator: String) -> Int {
        var total = separator.utf8.count.multipliedReportingOverflow(by: max(0, parts.count - 1))
        if total.overflow { return .max }
        for part in parts {
            let sum = total.partialValue.addingReportingOverflow(part.utf8.count)
            if sum.overflow { return .max }
            total = sum
        }
        return total.partialValue
    }
}

/// A JSON value hashed the way `ValueComparison.equal` compares (1 and 1.0 alike, object members in any order),
/// so set operations run in linear time.
struct EqualityKey: Hashable {
    let value: JSONValue

    static func == (a: EqualityKey, b: EqualityKey) -> Bool { ValueComparison.equal(a.value, b.value) }

    func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

    private static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .int(let number): hasher.combine(Double(number))
        case .double(let number): hasher.combine(number)
        case .array(let items):
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .object(let members):
            hasher.combine(members.count)
            for key in members.keys.sorted() {
                hasher.combine(key)
                if let member = members[key] { hash(member, into: &hasher) }
            }
        default: hasher.combine(value)
        }
    }
}
