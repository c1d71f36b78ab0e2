import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// The executor's own cost per action: a 200-action flow of 20 parallel branches of 10 Compose steps each (pure
/// steps: no delivery, no history), run in memory many times. Prints the median and p90 time per run and per action.
/// Usage: executor-overhead [RUNS] [BRANCHES] [STEPS_PER_BRANCH]
struct NoDelivery: ActionDelivering {
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome { .delivered(outputs: [:]) }
}

let arguments = CommandLine.arguments
let runs = arguments.count > 1 ? Int(arguments[1]) ?? 300 : 300
let branches = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let length = arguments.count > 3 ? Int(arguments[3]) ?? 10 : 10

var flow = Flow(id: "parallel", displayName: "Parallel", trigger: Trigger(kind: .manual))
for branch in 0..<branches {
    for step in 0..<length {
        let name = "B\(branch)_S\(step)"
        var action = Step(name: name, type: .compose, inputs: .int(step))
        if step > 0 { action.runAfter["B\(branch)_S\(step - 1)"] = [.succeeded] }
        flow.definition.actions[name] = action
    }
}
let actions = branches * length
let cache = ExpressionCache()

// Warm up, and check the flow really runs every action.
let (status, steps) = await FlowExecution.run(flow, triggerBody: [:], delivery: NoDelivery(), cache: cache)
guard status == .succeeded, steps.count == actions else {
    print("unexpected: \(status.rawValue), \(steps.count) records")
    exit(1)
}

var times: [Double] = []
times.reserveCapacity(runs)
for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = await FlowExecution.run(flow, triggerBody: [:], delivery: NoDelivery(), cache: cache)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
}
times.sort()
let median = times[times.count / 2]
let p90 = times[min(times.count - 1, times.count * 9 / 10)]
print("\(actions) actions (\(branches) branches × \(length)), \(runs) runs")
print(String(format: "per run: median %.0f µs, p90 %.0f µs", median, p90))
print(String(format: "per action: median %.2f µs, p90 %.2f µs", median / Double(actions), p90 / Double(actions)))
