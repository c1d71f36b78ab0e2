import FlowExpressions
import FlowModel
import Foundation
import Insights
import Testing
@testable import FlowRunner

/// The runner client: the same requests, in process and over `serve`'s control routes, give the same answers,
/// and what a remote client asks for happens in the runner's process (its flows fire there).
@Suite(.serialized) struct RunnerClientTests {
    /// A home with the sample workspace and a flow on every successful source refresh, its runner host (events
    /// forwarded, no schedule), and an intake serving its control routes on a free loopback port.
    struct Served {
        let home: InsightFlowHome
        let host: RunnerHost
        let local: LocalRunnerClient
        let remote: RemoteRunnerClient
        let server: IntakeServer
        let delivery: RecordingDelivery

        init() async throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-client-\(UUID().uuidString)", isDirectory: true)
            home = InsightFlowHome(url: url)
            _ = try Workspace.loadCreatingSample(home: url)
            var flow = RunnerFixture.flow("on-refresh", trigger: Trigger(kind: .dataSourceRefreshSucceeded),
                                          steps: [.compose("Name", "@triggerBody()?['dataSourceName']")])
            flow.state = .on
            _ = try FlowStore(home: home).create(flow)
            delivery = RecordingDelivery()
            host = try await RunnerHost.open(home: home, delivery: delivery)
            host.startWorkspace(activity: false)
            local = LocalRunnerClient(host: host)
            server = try IntakeServer(port: 0, credentials: try IntakeCredentials.loadOrCreate(home: url), client: local)
            let server = server
            Task { try await server.run() }
            let port = try await server.waitUntilListening()
            remote = try RemoteRunnerClient(home: home, endpoint: RunnerEndpoint(bind: "127.0.0.1", port: port, pid: getpid()))
        }

        func close() async {
            await server.stop()
            await local.close()
            try? FileManager.default.removeItem(at: home.url)
        }
    }

    @Test func aRefreshAskedOverTheRoutesFiresTheFlowsInTheRunner() async throws {
        let served = try await Served()
        let before = try served.host.history.runs(flowId: "on-refresh").count
        let report = try await served.remote.refresh(source: "Orders")
        #expect(report.failedSources.isEmpty)
        #expect(report.events.map(\.kind) == ["DataSourceRefreshSucceeded"])
        #expect(report.events.first?.line.hasPrefix("source Orders: ok,") == true)
        await served.host.runner.waitUntilIdle()
        var runs = try served.host.history.runs(flowId: "on-refresh")
        for _ in 0..<100 where runs.count == before || runs.first?.status.isFinal != true {
            try await Task.sleep(for: .milliseconds(20))
            await served.host.runner.waitUntilIdle()
            runs = try served.host.history.runs(flowId: "on-refresh")
        }
        #expect(runs.count == before + 1)
        #expect(runs.first?.triggerOutputs.value(atPath: "body.dataSourceName") == "Orders")
        #expect(runs.first?.status == .succeeded)
        await served.close()
    }

    @Test func bothClientsGiveTheSameAnswers() async throws {
        let served = try await Served()
        for client in [served.local as any RunnerClient, served.remote] {
            let event: JSONValue = ["type": "DataSourceRefreshSucceeded", "fields": ["dataSourceName": "CRM contacts"]]
            let accepted = try await client.accept(event: event, origin: .cli)
            #expect(accepted.runIds.count == 1)
            let run = try await client.waitForRun(try #require(accepted.runIds.first))
            #expect(run.status == .succeeded && run.flowId == "on-refresh")

            let testId = try await client.startTest(flowId: "on-refresh", triggerBody: ["dataSourceName": "Test"], dryRun: true)
            let tested = try await client.waitForRun(testId)
            #expect(tested.origin == "test" && tested.dryRun && tested.status == .succeeded)

            let again = try await client.waitForRun(try await client.resubmit(runId: run.id))
            #expect(again.origin == "resubmit" && again.triggerOutputs.value(atPath: "body.dataSourceName") == "CRM contacts")

            let refused = await #expect(throws: RunnerClientError.self) {
                _ = try await client.accept(event: ["type": "NoSuchEvent"], origin: .cli)
            }
            #expect(refused?.message.contains("unknown event type 'NoSuchEvent'") == true)
            do {
                _ = try await client.resubmit(runId: "no-such-run")
                Issue.record("an unknown run must be refused")
            } catch {
                #expect("\(error)" == "no run 'no-such-run'; `insightflow runs` lists them", "the same words in and out of process")
            }
            try await client.reloadFlows()
        }
        #expect(served.remote.mode == .attached(pid: getpid()))
        #expect(served.local.mode == .embedded)
        // The last hour reads the same over the route as in process: six runs ended (two clients × three).
        let local = try await served.local.activity()
        let remote = try await served.remote.activity()
        #expect(local.minutes.reduce(0) { $0 + $1.runs } == 6)
        #expect(remote.minutes.reduce(0) { $0 + $1.runs } == 6)
        #expect(remote.minutes.count == ActivityLog.span)
        await served.close()
    }

    @Test func scheduleAndDemoFeedChangeLiveThroughEitherClient() async throws {
        let served = try await Served()
        let folder = served.home.workspaceFolder
        #expect(try await served.remote.schedule()?.intervalSeconds == 20)
        try await served.remote.setSchedule(RefreshSchedule(intervalSeconds: 45))
        #expect(try WorkspaceDefinition.load(folder: folder).schedule?.intervalSeconds == 45)
        #expect(try await served.local.schedule()?.intervalSeconds == 45)
        try await served.local.setSchedule(RefreshSchedule(enabled: false))
        let off = try WorkspaceDefinition.load(folder: folder).schedule
        #expect(off?.isEnabled == false && off?.intervalSeconds == 45, "switched off, the interval is kept so the file loads")
        await #expect(throws: (any Error).self) { try await served.remote.setSchedule(RefreshSchedule(intervalSeconds: -5)) }
        #expect(try WorkspaceDefinition.load(folder: folder).schedule?.isEnabled == false, "a refused schedule writes nothing")

        #expect(try await served.remote.demoFeed() == false)
        try await served.remote.setDemoFeed(on: true)
        #expect(try await served.local.demoFeed() == true)
        try await served.local.setDemoFeed(on: false)
        #expect(try await served.remote.demoFeed() == false)
        await served.close()
    }

    @Test func theDataActionsReadOnlyPublicEntities() async throws {
        let served = try await Served()
        _ = try await served.local.refresh(source: nil)
        var flow = RunnerFixture.flow("reads", trigger: Trigger(kind: .manual), steps: [
            Step(name: "Entities", type: .getEntities, inputs: [:]),
            Step(name: "Orders", type: .getItems, inputs: ["entity": "Orders", "select": "amount", "orderBy": "amount desc", "top": 2, "skip": 1]),
        ])
        flow.state = .on
        _ = try FlowStore(home: served.home).create(flow)
        try await served.local.reloadFlows()
        let run = try await served.local.waitForRun(try await served.local.startTest(flowId: "reads", triggerBody: [:], dryRun: false))
        #expect(run.status == .succeeded, "\(run.errorMessage ?? "")")
        let steps = try served.host.history.steps(runId: run.id)
        let names = steps.first { $0.stepName == "Entities" }?.outputs?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.first == "Customer" && names.contains("Orders") && !names.contains("refresh_log") && !names.contains("segment_history"))
        let rows = steps.first { $0.stepName == "Orders" }?.outputs?["value"]?.arrayValue ?? []
        #expect(rows.count == 2 && rows.allSatisfy { $0.objectValue?.keys.elementsEqual(["amount"]) == true })
        await served.close()
    }

    @Test func theHistoryWatchSeesAnotherConnectionsCommit() async throws {
        let served = try await Served()
        let stream = served.remote.changes()
        let watcher = Task { () -> Bool in
            for await _ in stream { return true }
            return false
        }
        try await Task.sleep(for: .milliseconds(150))
        _ = try await served.local.accept(event: ["type": "DataSourceRefreshFailed", "fields": ["dataSourceName": "Orders"]], origin: .cli)
        let timeout = Task {
            try await Task.sleep(for: .seconds(5))
            watcher.cancel()
        }
        let seen = await watcher.value
        timeout.cancel()
        #expect(seen)
        await served.close()
    }
}
