import FlowExpressions
import PropertyBased
import Testing

/// Printing then parsing gives back the same tree; evaluating anything never traps.
@Suite struct ExpressionProperties {
    @Test func printedExpressionsParseBackToTheSameTree() async {
        await propertyCheck(count: 400, input: Gen.int(in: Int.min...Int.max)) { seed in
            var generator = RandomExpressions(seed: seed)
            let expression = generator.expression(depth: 5)
            let text = expression.description
            #expect((try? Expression.parse(text)) == expression, "\(text)")
        }
    }

    @Test func printedFlowStringsParseBackToTheSameValue() async {
        await propertyCheck(count: 400, input: Gen.int(in: Int.min...Int.max)) { seed in
            var generator = RandomExpressions(seed: seed)
            let flowString = generator.flowString()
            let text = flowString.description
            #expect((try? FlowString.parse(text)) == flowString, "\(text)")
        }
    }

    @Test func evaluatingRandomTreesNeverTraps() async {
        await propertyCheck(count: 1000, input: Gen.int(in: Int.min...Int.max)) { seed in
            var generator = RandomExpressions(seed: seed)
            let expression = generator.expression(depth: 4)
            let outcome = Result { () throws(ExpressionEvaluationError) in try expression.evaluate(in: Fixture.context) }
            if case .failure(let error) = outcome { #expect(!error.message.isEmpty) }
        }
    }

    @Test func parsingAndEvaluatingRandomTextNeverTraps() async {
        let characters = Gen.character(in: " "..."~").array(of: 0...40)
        await propertyCheck(count: 1000, input: characters) { characters in
            let text = "@" + String(characters)
            if let parsed = try? FlowString.parse(text) {
                _ = try? parsed.evaluate(in: Fixture.context)
                #expect((try? FlowString.parse(parsed.description)) == parsed)
            }
            _ = try? FlowString.parse(String(characters))
        }
    }

    @Test func randomTextWithFunctionNamesNeverTraps() async {
        await propertyCheck(count: 500, input: Gen.int(in: Int.min...Int.max)) { seed in
            var generator = RandomExpressions(seed: seed)
            var text = generator.expression(depth: 3).description
            let cut = Int.random(in: 0...text.count, using: &generator.random)
            text.insert(RandomExpressions.alphabet.randomElement(using: &generator.random) ?? ")", at: text.index(text.startIndex, offsetBy: cut))
            if let parsed = try? FlowString.parse("@{" + text + "}") { _ = try? parsed.evaluate(in: Fixture.context) }
        }
    }
}
