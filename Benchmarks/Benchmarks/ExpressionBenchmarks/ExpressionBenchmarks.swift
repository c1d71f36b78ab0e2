import Benchmark
import FlowExpressions

/// The expression figures from issue 3: evaluate a 3-token interpolation (≥ 1,000,000/s on one core)
/// and parse a 200-character expression (< 20 µs).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, maxDuration: .seconds(3))

    let context = StaticEvaluationContext(triggerBody: ["dataSourceName": "Webshop", "errorMessage": "row 7: bad date"])
    let interpolation = "Refresh of @{triggerBody()?['dataSourceName']} failed"
    let parsed = (try? FlowString.parse(interpolation)) ?? .literal("")
    let cache = ExpressionCache()

    /// 200 characters of a realistic expression.
    let longExpression = "if(and(greater(length(body('Rows')?['value']), 0), equals(toLower(triggerBody()?['status']), 'failed')), "
        + "concat('Refresh of ', triggerBody()?['dataSourceName'], ' ', formatDateTime(utcNow(), 'HH:mm')), '')"

    Benchmark("Evaluate 3-token interpolation (parsed once)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try parsed.evaluate(in: context))
        }
    }

    Benchmark("Evaluate 3-token interpolation via ExpressionCache", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try cache.evaluate(interpolation, in: context))
        }
    }

    Benchmark("Parse a \(longExpression.count)-character expression") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Expression.parse(longExpression))
        }
    }
}
