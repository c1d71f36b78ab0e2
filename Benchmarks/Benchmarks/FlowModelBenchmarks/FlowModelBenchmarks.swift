import Benchmark
import FlowExpressions
import FlowModel
import Foundation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))

    let flow = SampleFlows.long(id: "bench", steps: 200)
    let bytes = FlowCodec.encode(flow)

    Benchmark("Encode+decode a 200-step flow") { benchmark in
        for _ in benchmark.scaledIterations {
            let encoded = FlowCodec.encode(flow)
            blackHole(try FlowCodec.decode(encoded))
        }
    }

    Benchmark("Decode a 200-step flow") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FlowCodec.decode(bytes))
        }
    }

    let logicApp = importDocument(actions: 1000)
    Benchmark("Import a 1,000-action Logic Apps definition", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FlowImporter.importDocument(logicApp, file: "bench.json", fallbackName: "bench"))
        }
    }

    Benchmark("Check a 200-step flow") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FlowChecker.check(flow))
        }
    }
}

/// A Logic Apps `{definition, kind}` workflow of `actions` chained actions (Compose, Set variable, Customer Insights
/// Get items through OpenApiConnection, Condition with a nested action), listed in reverse order as cloud exports often are.
func importDocument(actions: Int) -> [UInt8] {
    var members: [String] = []
    for index in 0..<actions {
        let after = index == 0 ? "{}" : "{\"Step_\(index - 1)\": [\"Succeeded\"]}"
        let body: String
        switch index % 4 {
        case 0: body = "\"type\": \"Compose\", \"inputs\": {\"id\": \"@{triggerBody()?['id']}\", \"n\": \(index)}"
        case 1: body = "\"type\": \"SetVariable\", \"inputs\": {\"name\": \"Count\", \"value\": \"@add(variables('Count'), 1)\"}"
        case 2: body = "\"type\": \"OpenApiConnection\", \"inputs\": {\"host\": {\"apiId\": \"/providers/Microsoft.PowerApps/apis/shared_customerinsights\", \"connectionName\": \"shared_customerinsights\", \"operationId\": \"GetItems\"}, \"parameters\": {\"entityName\": \"Orders\", \"$filter\": \"amount gt \(index)\", \"$top\": 10}}"
        default: body = "\"type\": \"If\", \"expression\": {\"and\": [{\"greater\": [\"@variables('Count')\", \(index)]}]}, \"actions\": {\"Inner_\(index)\": {\"type\": \"Compose\", \"inputs\": \"@outputs('Step_\(index - 1)')\"}}, \"else\": {\"actions\": {}}"
        }
        members.append("\"Step_\(index)\": {\(body), \"runAfter\": \(after)}")
    }
    let text = """
    {"definition": {"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
     "contentVersion": "1.0.0.0", "triggers": {"manual": {"type": "Request", "kind": "Button", "inputs": {}}},
     "actions": {\(members.reversed().joined(separator: ",\n"))}, "outputs": {}}, "kind": "Stateful"}
    """
    return Array(text.utf8)
}
