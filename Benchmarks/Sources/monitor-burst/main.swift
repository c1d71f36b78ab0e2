// Key → frame on the Monitor while the embedded runner accepts a burst of events.
//
// Usage: monitor-burst [EVENTS_PER_SECOND] [SECONDS]   (defaults 1000 and 10)
//
// A fresh home with one On flow (refresh failed → Compose) and the embedded runner (`RunnerClients.connect`, as the
// app opens it); the designer session (the app's own update and render code) on the Monitor at 120×40. A feeder
// task accepts EVENTS_PER_SECOND events through the runner client, each starting a run. The main actor runs the
// app's loop: every 250 ms a tick (the live re-read), and every 20 ms a key (↓ or ↑), timed from the key to the
// frame rendered and diffed against the previous one — which includes the tick's re-read whenever a tick falls due
// in that iteration, as in the app. Prints the latencies (p50, p99, max) and the events and runs achieved.
import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import TerminalUI

let arguments = CommandLine.arguments.dropFirst()
let rate = max(1, min(Int(arguments.first ?? "") ?? 1000, 100_000))
let seconds = max(1, min(Int(arguments.dropFirst().first ?? "") ?? 10, 600))

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-burst-\(UUID().uuidString)")
let home = InsightFlowHome(url: folder)
defer { try? FileManager.default.removeItem(at: folder) }
var flow = Flow(id: "alert", displayName: "Alert", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
flow.definition.actions["Note"] = Step(name: "Note", type: .compose, inputs: "@triggerBody()?['dataSourceName']")
flow.state = .on
_ = try FlowStore(home: home).create(flow)

let client = try await RunnerClients.connect(home: home, workspace: .none)
let link = HomeRunnerLink(client: client, history: client.history, workspace: nil, home: home)
let session = DesignerSession(services: StoreDesignerServices(home: home, runner: link), size: Size(width: 120, height: 40), theme: .plain)
session.send([.down, .down, .down, .enter])
session.dispatch(.tick)

let event: JSONValue = ["type": "DataSourceRefreshFailed", "fields": ["dataSourceName": "Webshop", "errorMessage": "file missing"]]
let feeder = Task.detached {
    let start = ContinuousClock.now
    var sent = 0
    while ContinuousClock.now - start < .seconds(seconds) {
        let due = Int(Double((ContinuousClock.now - start).components.attoseconds) / 1e18 * Double(rate)
            + Double((ContinuousClock.now - start).components.seconds * Int64(rate)))
        while sent < due {
            _ = try? await client.accept(event: event, origin: .http)
            sent += 1
        }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return sent
}

var latencies: [Double] = []
var frame = session.render()
var lastTick = ContinuousClock.now
let started = ContinuousClock.now
var down = true
while ContinuousClock.now - started < .seconds(seconds) {
    try await Task.sleep(for: .milliseconds(20))
    let keyAt = ContinuousClock.now
    if keyAt - lastTick >= .milliseconds(250) {
        lastTick = keyAt
        session.dispatch(.tick)
    }
    session.dispatch(.key(down ? .down : .up))
    down.toggle()
    let next = session.render()
    _ = next.changedPositions(since: frame)
    frame = next
    let elapsed = ContinuousClock.now - keyAt
    latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
}
let sent = await feeder.value
let runs = (try? client.history.runTotal()) ?? 0
latencies.sort()
/// The value at fraction `p` of the sorted `values` (0 when there are none).
func percentile(_ p: Double, of values: [Double]) -> Double {
    values.isEmpty ? 0 : values[min(values.count - 1, Int(Double(values.count) * p))]
}
print(String(format: "monitor-burst: %d events in %d s (%.0f/s asked %d/s), %d runs recorded", sent, seconds, Double(sent) / Double(seconds), rate, runs))
print(String(format: "key → frame over %d keys: p50 %.2f ms, p99 %.2f ms, max %.2f ms", latencies.count, percentile(0.5, of: latencies), percentile(0.99, of: latencies), latencies.last ?? 0))
