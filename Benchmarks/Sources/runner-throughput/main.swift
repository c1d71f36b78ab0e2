import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// Sustained runs per second of a 4-step flow (Compose, Condition, Set variable, Compose) with full history,
/// and the delay from an accepted event to its run's first step (p50/p99).
/// Usage: runner-throughput [EVENTS] [OTHER_FLOWS] [SENDERS] [RATE]
struct NoDelivery: ActionDelivering {
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome { .delivered(outputs: [:]) }
}

let arguments = CommandLine.arguments
let events = arguments.count > 1 ? Int(arguments[1]) ?? 20_000 : 20_000
let extraFlows = arguments.count > 2 ? Int(arguments[2]) ?? 999 : 999
let home = InsightFlowHome(url: FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-throughput-\(UUID().uuidString)"))
let store = FlowStore(home: home)

var flow = Flow(id: "four-steps", displayName: "Four steps", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "Webshop"]))
flow.definition.actions["Init"] = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "seen", "type": "String", "value": ""]]])
flow.definition.actions["Compose"] = Step(name: "Compose", type: .compose, inputs: "Refresh of @{triggerBody()?['dataSourceName']} failed", runAfter: ["Init": [.succeeded]])
var condition = Step(name: "Condition", type: .condition, runAfter: ["Compose": [.succeeded]])
condition.expression = "@equals(triggerBody()?['dataSourceName'], 'Webshop')"
condition.actions = ["Set_variable": Step(name: "Set_variable", type: .setVariable, inputs: ["name": "seen", "value": "@outputs('Compose')"])]
flow.definition.actions["Condition"] = condition
flow.definition.actions["Final"] = Step(name: "Final", type: .compose, inputs: "@variables('seen')", runAfter: ["Condition": [.succeeded]])
flow.state = .on
try store.create(flow)
for i in 0..<extraFlows {
    var other = Flow(id: "other-\(i)", displayName: "Other \(i)", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": .string("source-\(i)")]))
    other.definition.actions["C"] = Step(name: "C", type: .compose, inputs: 1)
    other.state = .on
    try store.create(other)
}

let history = try HistoryStore(url: home.historyDatabase)
/// `RUNNER_THROUGHPUT_WITHOUT_SEARCH=1`: drop what the v4-run-search migration adds to every write (the search index's
/// triggers and the status and trigger indexes), so one binary measures the write path with and without them.
/// `=triggers` or `=indexes` drops only those.
if let without = ProcessInfo.processInfo.environment["RUNNER_THROUGHPUT_WITHOUT_SEARCH"] {
    let triggers = "DROP TRIGGER step_text_delete; DROP TRIGGER step_text_update;"
    let indexes = "DROP INDEX run_status; DROP INDEX run_trigger;"
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = ["sqlite3", home.historyDatabase.path, without == "triggers" ? triggers : without == "indexes" ? indexes : triggers + indexes]
    try sqlite.run()
    sqlite.waitUntilExit()
    print("without \(without == "triggers" ? "the search index's triggers" : without == "indexes" ? "the run_status/run_trigger indexes" : "both the search index's triggers and the run_status/run_trigger indexes") (exit \(sqlite.terminationStatus))")
}
/// `RUNNER_THROUGHPUT_SQL="..."`: run SQL on the new history first (e.g. FTS5 settings to try).
if let sql = ProcessInfo.processInfo.environment["RUNNER_THROUGHPUT_SQL"] {
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = ["sqlite3", home.historyDatabase.path, sql]
    try sqlite.run()
    sqlite.waitUntilExit()
    print("ran \(sql) (exit \(sqlite.terminationStatus))")
}
/// `RUNNER_THROUGHPUT_PRUNE=N`: first fill the history with N finished runs of 5 steps queued 40 days ago (sqlite3),
/// then measure while the background retention (30 days, batches of 1,000) deletes them.
let pruneCount = Int(ProcessInfo.processInfo.environment["RUNNER_THROUGHPUT_PRUNE"] ?? "") ?? 0
var retention: FlowRunner.HistoryRetention?
if pruneCount > 0 {
    let old = Date().timeIntervalSince1970 - 40 * 86_400
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = ["sqlite3", home.historyDatabase.path, """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(pruneCount) - 1)
        INSERT INTO run (id, flowId, flowName, flowVersion, status, triggerOutputs, queuedAt, startedAt, finishedAt, dryRun, origin)
        SELECT 'old-' || i, 'old', 'Old', 1, 'Succeeded', '{}', \(old) + i * 0.001, \(old), \(old), 0, 'event' FROM n;
        INSERT INTO step (runId, seq, stepName, path, iteration, status, startedAt, inputs, outputs, attempts)
        SELECT run.id, k.seq, 'S', 'S', 0, 'Succeeded', run.queuedAt, '{"customer":"c1"}', '"refresh of source done"', 1
        FROM run CROSS JOIN (SELECT 0 AS seq UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS k WHERE run.flowId = 'old';
        PRAGMA wal_checkpoint(TRUNCATE);
        """]
    try sqlite.run()
    sqlite.waitUntilExit()
    print("history filled with \(try history.runTotal()) old runs; background retention starts with the load")
    retention = FlowRunner.HistoryRetention(history: history, policy: RetentionPolicy(age: 30 * 86_400, runs: nil, events: nil), interval: 60, firstDelay: 0, batch: 1000)
}
var configuration = RunnerConfiguration()
configuration.perFlowConcurrency = 64
configuration.globalConcurrency = 64
let runner = Runner(home: home, history: history, delivery: NoDelivery(), configuration: configuration)
try await runner.start()

/// Events arrive from `producers` concurrent senders (as from several intake connections).
let producers = arguments.count > 3 ? Int(arguments[3]) ?? 8 : 8
/// With a rate (events per second), each sender paces itself so the runner is not saturated (a latency run).
let rate = arguments.count > 4 ? Double(arguments[4]) ?? 0 : 0
let start = Date()
try await withThrowingTaskGroup(of: Void.self) { group in
    for producer in 0..<producers {
        group.addTask {
            for i in stride(from: producer, to: events, by: producers) {
                if rate > 0 {
                    let due = start.addingTimeInterval(Double(i) / rate)
                    if due > Date() { try await Task.sleep(for: .seconds(due.timeIntervalSinceNow)) }
                }
                try await runner.accept(TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "Webshop", "errorMessage": .string("error \(i)")], origin: "bench"))
            }
        }
    }
    try await group.waitForAll()
}
await runner.waitUntilIdle()
let elapsed = Date().timeIntervalSince(start)
let runs = try history.runs(limit: events)
let succeeded = runs.filter { $0.status == .succeeded }.count
let delays = runs.compactMap { run in run.startedAt.map { $0.timeIntervalSince(run.queuedAt) * 1000 } }.sorted()
func percentile(_ p: Double, _ delays: [Double]) -> Double { delays.isEmpty ? 0 : delays[min(delays.count - 1, Int(Double(delays.count) * p))] }
print("cores: \(ProcessInfo.processInfo.activeProcessorCount), flows: \(extraFlows + 1), events: \(events), concurrent senders: \(producers)")
print(String(format: "runs: %d succeeded in %.2f s = %.0f runs/s (4-step flow, full history)", succeeded, elapsed, Double(succeeded) / elapsed))
print(String(format: "event accepted -> run started: p50 %.2f ms, p99 %.2f ms", percentile(0.5, delays), percentile(0.99, delays)))
print("steps recorded: \(try history.steps(runId: runs.first?.id ?? "").count) per run")
if let retention {
    retention.stop()
    print("old runs left when the load ended: \(try history.runTotal() - events) of \(pruneCount)")
}
try? FileManager.default.removeItem(at: home.url)
