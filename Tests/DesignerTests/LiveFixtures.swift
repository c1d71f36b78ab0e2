import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import TerminalUI

/// A runner link over arrays: records the commands and reloads it gets, hands out queued notices.
@MainActor
final class FixtureRunnerLink: RunnerLink {
    var modeNote: String
    var events: [TriggerEvent]
    var runRecords: [RunRecord]
    var stepRecords: [String: [StepRecord]] = [:]
    var pending: [RunnerNotice] = []
    private(set) var sent: [RunnerCommand] = []
    private(set) var reloads = 0
    /// The change counter the link reports (nil: it cannot tell); `feedReads` counts Monitor reads.
    var revision: Int?
    private(set) var feedReads = 0

    init(note: String = "embedded runner", events: [TriggerEvent] = LiveFixture.events, runs: [RunRecord] = LiveFixture.runs) {
        self.modeNote = note
        self.events = events
        self.runRecords = runs
        self.stepRecords = [LiveFixture.failedRunId: LiveFixture.failedSteps]
    }

    func flowsChanged() { reloads += 1 }
    func feed(limit: Int) -> MonitorFeed {
        feedReads += 1
        return MonitorFeed(events: Array(events.prefix(limit)), runs: Array(runRecords.prefix(limit)), eventTotal: events.count, runTotal: runRecords.count)
    }
    func runs(flowId: String?, limit: Int) -> [RunRecord] { Array(runRecords.filter { flowId == nil || $0.flowId == flowId }.prefix(limit)) }
    func detail(runId: String) -> RunDetail? {
        runRecords.first { $0.id == runId }.map { RunDetail(run: $0, steps: stepRecords[$0.id] ?? []) }
    }
    func event(id: String) -> TriggerEvent? { events.first { $0.id == id } }
    func send(_ command: RunnerCommand) { sent.append(command) }
    func drain() -> [RunnerNotice] { defer { pending = [] }; return pending }
    func stop() {}
}

/// Fixture histories: events, the runs they caused (one failed with a long error), very long names.
enum LiveFixture {
    static let base = Date(timeIntervalSince1970: 1_790_000_000)
    static let failedRunId = "run-failed-0001"
    static let longFlowName = "Post to the data stewards' Teams channel when any of the webshop sources fails to refresh overnight"
    static let longError = "HTTP 502 from https://contoso.webhook.office.com/webhookb2/a-very-long-path: the upstream gateway closed the connection before answering (attempt 5 of 5, giving up)"

    static func at(_ seconds: Double) -> Date { base.addingTimeInterval(seconds) }

    static let events: [TriggerEvent] = [
        TriggerEvent(id: "e4", type: .segmentRefreshed, fields: ["segmentName": "High value customers", "currentCount": 25], origin: "insights", receivedAt: at(40)),
        TriggerEvent(id: "e3", type: .dataSourceRefreshFailed,
                     fields: ["dataSourceName": "Webshop accounts with an extraordinarily long source name", "errorMessage": "row 7, column signup_date: not a date"],
                     origin: "insights", receivedAt: at(30)),
        TriggerEvent(id: "e2", type: .segmentRefreshed, fields: ["segmentName": "High value customers", "currentCount": 18], origin: "insights", receivedAt: at(20)),
        TriggerEvent(id: "e1", type: .dataSourceRefreshSucceeded, fields: ["dataSourceName": "CRM contacts", "rowsRead": 40], origin: "insights", receivedAt: at(10)),
    ]

    static let runs: [RunRecord] = [
        run("run-ok-0002", flow: "email-segment", name: "Email the data owners", event: "e4", status: .succeeded, start: 41, took: 0.35, error: nil),
        run(failedRunId, flow: "teams-refresh-failed", name: longFlowName, event: "e3", status: .failed, start: 31, took: 4.2, error: longError),
        run("run-test-0003", flow: "teams-refresh-failed", name: longFlowName, event: nil, status: .succeeded, start: 5, took: 1.5, error: nil, origin: "test"),
    ]

    static func run(_ id: String, flow: String, name: String, event: String?, status: RunStatus, start: Double, took: Double, error: String?,
                    origin: RunOrigin = .event) -> RunRecord {
        var record = RunRecord(id: id, flowId: flow, flowName: name, flowVersion: 1, eventId: event,
                               triggerOutputs: ["body": ["dataSourceName": "Webshop accounts", "errorMessage": "row 7, column signup_date: not a date"]],
                               origin: origin)
        record.queuedAt = at(start)
        record.startedAt = at(start)
        record.finishedAt = at(start + took)
        record.status = status
        record.errorMessage = error
        return record
    }

    static let failedSteps: [StepRecord] = [
        StepRecord(runId: failedRunId, stepName: "Compose_summary", path: "$.definition.actions.Compose_summary", status: .succeeded,
                   startedAt: at(31), finishedAt: at(31.01), inputs: "Webshop accounts failed", outputs: "Webshop accounts failed"),
        StepRecord(runId: failedRunId, stepName: "Post_message", path: "$.definition.actions.Post_message", status: .failed,
                   startedAt: at(31.01), finishedAt: at(35.2), inputs: ["connection": "Teams", "title": "Refresh failed", "webhookUrl": "***"],
                   outputs: ["statusCode": 502], errorMessage: longError, attempts: 5),
    ]
}

/// A session over in-memory flows and a fixture runner link.
@MainActor
func makeLiveSession(link: any RunnerLink, flows: [Flow] = [], size: Size = Size(width: 80, height: 24)) -> DesignerSession {
    let services = InMemoryDesignerServices(flows: flows)
    services.runnerLink = link
    return DesignerSession(services: services, size: size, theme: .plain)
}

/// A fresh history database in a temporary folder (removed by the caller).
func temporaryHistory() throws -> (HistoryStore, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-live-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (try HistoryStore(url: folder.appendingPathComponent("history.sqlite")), folder)
}
