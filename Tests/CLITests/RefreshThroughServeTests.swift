import FlowExpressions
import FlowModel
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// With `serve` holding the home, `insightflow refresh` is carried out by serve, so the home's flows fire there.
@Suite struct RefreshThroughServeTests {
    let cli = CLIRunner()

    /// The sample workspace with its schedule and demo feed off, and one flow on a failed refresh of Orders.
    func prepareHome() throws {
        #expect(try cli.run(["init"]).status == 0)
        let file = cli.home.appendingPathComponent("workspace/workspace.json")
        guard case .object(var definition) = try JSONValue.parse(bytes: [UInt8](try Data(contentsOf: file))) else {
            Issue.record("workspace.json is not an object")
            return
        }
        definition["schedule"] = ["enabled": false, "intervalSeconds": 20]
        definition["demoFeed"] = ["enabled": false]
        try Data(JSONValue.object(definition).jsonText(pretty: true).utf8).write(to: file)
        let flow = """
        {"id": "orders-failed", "displayName": "Orders failed", "state": "On", "version": 1, "definition": {
          "triggers": {"T": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "Orders"}}},
          "actions": {"Note": {"type": "Compose", "inputs": "@triggerBody()?['dataSourceName']", "runAfter": {}}}}}
        """
        try FileManager.default.createDirectory(at: cli.home.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try Data(flow.utf8).write(to: cli.home.appendingPathComponent("flows/orders-failed.json"))
    }

    func runsOfTheFlow() throws -> [JSONValue] {
        let listed = try cli.run(["runs", "--json", "--flow", "orders-failed"])
        return (try? JSONValue.parse(listed.stdout))?.arrayValue ?? []
    }

    @Test(.timeLimit(.minutes(2))) func refreshWithServeRunningFiresTheFlowsInServe() async throws {
        try prepareHome()
        let port = Int.random(in: 50_001...60_000)
        let serve = try cli.startServe(port: port)
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }
        // serve refreshes once at start; wait for that (and its runner.json) before breaking the source.
        var ready = false
        for _ in 0..<150 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            let status = try cli.run(["workspace", "status", "--json"])
            let refreshed = (try? JSONValue.parse(status.stdout))?["lastFullRefreshAt"].map { !$0.isNull } ?? false
            ready = refreshed && FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("runner.json").path)
        }
        #expect(ready, "serve did not finish its first refresh")
        #expect(try runsOfTheFlow().isEmpty, "Orders was fine at the first refresh")

        try Data("this is not the orders header\n1,2,3\n".utf8).write(to: cli.home.appendingPathComponent("workspace/data/orders.csv"))
        let refreshed = try cli.run(["refresh", "--source", "Orders"])
        #expect(refreshed.status == 1, "a failed source fails the command")
        #expect(refreshed.stdout.contains("source Orders: FAILED"), "stdout: \(refreshed.stdout)")
        #expect(refreshed.stderr.contains("refreshing in serve (pid \(serve.processIdentifier))"), "stderr: \(refreshed.stderr)")

        var runs: [JSONValue] = []
        for _ in 0..<50 {
            runs = try runsOfTheFlow()
            if runs.first?["status"] == "Succeeded" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(runs.count == 1, "exactly one run, in serve")
        #expect(runs.first?["status"] == "Succeeded" && runs.first?["origin"] == "event")
        #expect(serve.isRunning, "serve still holds the home")
    }
}
