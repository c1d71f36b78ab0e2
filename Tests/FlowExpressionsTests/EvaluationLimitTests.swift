import Foundation
import FlowExpressions
import Testing

/// Hostile expressions fail with a clear message before they allocate, and set operations stay linear.
struct EvaluationLimitTests {
    static let hundredKB = String(repeating: "x", count: 100_000)

    @Test func joinThatWouldBuildGigabytesIsRefusedUpFront() throws {
        let context = StaticEvaluationContext(variables: ["sep": .string(Self.hundredKB)])
        let expression = try FlowString.parse("@join(range(0, 100000), variables('sep'))")
        #expect {
            _ = try expression.evaluate(in: context)
        } throws: { error in
            "\(error)".contains("join: the result would be") && "\(error)".contains("the limit is 16777216")
        }
    }

    @Test func concatAndReplacePastTheLimitAreRefused() throws {
        let context = StaticEvaluationContext(variables: ["big": .string(String(repeating: "a", count: 8_400_000)), "small": .string(String(repeating: "a", count: 1000))])
        #expect(throws: (any Error).self) { _ = try FlowString.parse("@concat(variables('big'), variables('big'))").evaluate(in: context) }
        #expect(throws: (any Error).self) { _ = try FlowString.parse("@replace(variables('big'), 'a', 'aa')").evaluate(in: context) }
        let fine = try FlowString.parse("@length(replace(variables('small'), 'a', 'bb'))").evaluate(in: context)
        #expect(fine == 2000, "a replacement under the limit works")
    }

    @Test func unionAndIntersectionOfLargeArraysAreExact() throws {
        let evens = JSONValue.array((0..<100_000).map { .int($0 * 2) })
        let threes = JSONValue.array((0..<100_000).map { .double(Double($0 * 3)) })
        let context = StaticEvaluationContext(variables: ["evens": evens, "threes": threes])
        let union = try FlowString.parse("@length(union(variables('evens'), variables('threes')))").evaluate(in: context)
        // |A ∪ B| = |A| + |B| − |A ∩ B|; multiples of 6 below 200,000: 33,334.
        #expect(union == .int(200_000 - 33_334))
        let both = try FlowString.parse("@intersection(variables('evens'), variables('threes'))").evaluate(in: context)
        #expect(both.arrayValue?.count == 33_334)
        #expect(both.arrayValue?.prefix(3).map { $0 } == [0, 6, 12], "the first array's order and values are kept")
        let objects = try FlowString.parse("@union(createArray(json('{\"a\":1,\"b\":2}')), createArray(json('{\"b\":2.0,\"a\":1}')))").evaluate(in: context)
        #expect(objects.arrayValue?.count == 1, "equal objects in another key order (and 2 vs 2.0) are one item")
    }
}
