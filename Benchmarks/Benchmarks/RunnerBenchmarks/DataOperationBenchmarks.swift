import Benchmark
import FlowExpressions
import FlowModel
import FlowRunner

/// Select, Filter array and Parse JSON as the runner runs them: a one-action flow through `FlowExecution.run`
/// (the graph executor, input evaluation and the step record included).
struct NoDelivery: ActionDelivering {
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome { .delivered(outputs: [:]) }
}

/// A manual-trigger flow with one action.
func oneActionFlow(_ step: Step) -> Flow {
    var flow = Flow(id: "bench", displayName: "Bench", trigger: Trigger(kind: .manual))
    flow.definition.actions[step.name] = step
    return flow
}

/// 10,000 customer rows of five fields.
let customerRows: JSONValue = .array((0..<10_000).map { i in
    ["id": .int(i), "name": .string("Customer \(i)"), "email": .string("c\(i)@contoso.com"), "city": .string(i % 3 == 0 ? "Oslo" : "Lyon"), "spend": .double(Double(i) * 1.5)]
})

/// About 1 MB of JSON text: 5,000 orders with nested lines.
let megabyteOfJSON: String = {
    let orders: [JSONValue] = (0..<5_000).map { i in
        ["orderId": .string("ORD-\(i)"), "customerId": .int(i % 700), "total": .double(Double(i) * 3.25), "paid": .bool(i % 2 == 0),
         "lines": [["sku": .string("SKU-\(i % 97)"), "quantity": .int(i % 5 + 1), "note": .string("deliver to the back door, ring twice")],
                   ["sku": .string("SKU-\(i % 89)"), "quantity": 1, "note": .string("gift wrap")]]]
    }
    return JSONValue.object(["orders": .array(orders)]).jsonText()
}()

let orderSchema: JSONValue = [
    "type": "object", "required": ["orders"],
    "properties": ["orders": ["type": "array", "items": [
        "type": "object", "required": ["orderId", "total"],
        "properties": ["orderId": ["type": "string"], "customerId": ["type": "integer"], "total": ["type": "number"], "paid": ["type": "boolean"],
                       "lines": ["type": "array", "items": ["type": "object", "properties": ["sku": ["type": "string"], "quantity": ["type": "integer"]]]]],
    ]]],
]

let dataOperationBenchmarks: @Sendable () -> Void = {
    let cache = ExpressionCache()
    let select = oneActionFlow(Step(name: "Select", type: .select, inputs: [
        "from": "@triggerBody()?['rows']",
        "select": ["Name": "@item()?['name']", "Mail": "@toLower(item()?['email'])", "Label": "@{item()?['city']}: @{item()?['id']}"],
    ]))
    let query = oneActionFlow(Step(name: "Filter_array", type: .query, inputs: [
        "from": "@triggerBody()?['rows']", "where": "@equals(item()?['city'], 'Oslo')",
    ]))
    let parse = oneActionFlow(Step(name: "Parse_JSON", type: .parseJson, inputs: ["content": "@triggerBody()?['text']", "schema": orderSchema]))
    let rowsBody: JSONValue = ["rows": customerRows]
    let textBody: JSONValue = ["text": .string(megabyteOfJSON)]

    Benchmark("Select over 10,000 items with a 3-field map", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            let (status, steps) = await FlowExecution.run(select, triggerBody: rowsBody, delivery: NoDelivery(), cache: cache)
            precondition(status == .succeeded && steps.first?.outputs?["body"]?.arrayValue?.count == 10_000)
        }
    }

    Benchmark("Filter array (Query) over 10,000 items", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            let (status, steps) = await FlowExecution.run(query, triggerBody: rowsBody, delivery: NoDelivery(), cache: cache)
            precondition(status == .succeeded && steps.first?.outputs?["body"]?.arrayValue?.count == 3_334)
        }
    }

    // The two halves of Parse JSON, to see where its time goes.
    let parsedOrders = (try? JSONValue.parse(megabyteOfJSON)) ?? .null
    Benchmark("Parse JSON, part 1: reading the \(megabyteOfJSON.utf8.count / 1024) KB text", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(2))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONValue.parse(megabyteOfJSON))
        }
    }
    Benchmark("Parse JSON, part 2: validating the value against the schema", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(2))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(JSONSchemaSubset(orderSchema).violations(of: parsedOrders))
        }
    }

    Benchmark("Parse JSON of a \(megabyteOfJSON.utf8.count / 1024) KB body with a schema", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            let (status, _) = await FlowExecution.run(parse, triggerBody: textBody, delivery: NoDelivery(), cache: cache)
            precondition(status == .succeeded)
        }
    }
}
