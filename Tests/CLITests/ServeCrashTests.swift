import FlowExpressions
import FlowModel
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `insightflow serve` killed with SIGKILL mid-run and restarted: every accepted event ends with exactly one run.
@Suite struct ServeCrashTests {
    let cli = CLIRunner()

    /// A flow whose runs take a while (a 1-second Delay between two Compose steps).
    func writeSlowFlow() throws {
        let flow = """
        {"id": "slow", "displayName": "Slow", "state": "On", "version": 1, "definition": {
          "triggers": {"T": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "any"}}},
          "actions": {
            "Before": {"type": "Compose", "inputs": "@triggerBody()?['dataSourceName']", "runAfter": {}},
            "Pause": {"type": "Wait", "inputs": {"interval": {"count": 1, "unit": "Second"}}, "runAfter": {"Before": ["Succeeded"]}},
            "After": {"type": "Compose", "inputs": "done @{outputs('Before')}", "runAfter": {"Pause": ["Succeeded"]}}
          }}}
        """
        try FileManager.default.createDirectory(at: cli.home.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try Data(flow.utf8).write(to: cli.home.appendingPathComponent("flows/slow.json"))
    }

    func startServe(port: Int) throws -> Process { try cli.startServe(port: port) }

    func post(port: Int, token: String, source: String) async -> String? {
        guard let url = URL(string: "http://127.0.0.1:\(port)/events") else { return nil }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(#"{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "\#(source)"}}"#.utf8)
        guard let (data, response) = try? await URLSession.shared.data(for: request), (response as? HTTPURLResponse)?.statusCode == 202 else { return nil }
        return (try? JSONValue.parse(bytes: [UInt8](data)))?["id"]?.stringValue
    }

    func waitForIntake(port: Int, token: String) async throws {
        for _ in 0..<100 {
            if let url = URL(string: "http://127.0.0.1:\(port)/health"), (try? await URLSession.shared.data(from: url)) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("serve did not start listening on \(port)")
    }

    @Test(.timeLimit(.minutes(2))) func killNineMidRunThenRestart() async throws {
        try writeSlowFlow()
        let port = Int.random(in: 20_000...40_000)
        let first = try startServe(port: port)
        let tokenURL = cli.home.appendingPathComponent("intake-token")
        try await waitForIntake(port: port, token: "")
        let token = String(decoding: try Data(contentsOf: tokenURL), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var accepted: [String] = []
        for i in 0..<10 {
            if let id = await post(port: port, token: token, source: "source-\(i)") { accepted.append(id) }
        }
        #expect(accepted.count == 10)
        try await Task.sleep(for: .milliseconds(300))
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let second = try startServe(port: port)
        try await waitForIntake(port: port, token: token)
        var runs: [JSONValue] = []
        for _ in 0..<60 {
            let listed = try cli.run(["runs", "--json", "--limit", "100"])
            runs = (try? JSONValue.parse(listed.stdout))?.arrayValue ?? []
            if runs.count >= 10, runs.allSatisfy({ $0["status"] == "Succeeded" }) { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        second.terminate()
        second.waitUntilExit()
        let byEvent = Dictionary(grouping: runs, by: { $0["eventId"]?.stringValue ?? "" })
        #expect(Set(byEvent.keys) == Set(accepted), "every accepted event has a run")
        #expect(byEvent.values.allSatisfy { $0.count == 1 }, "no event ran twice")
        #expect(runs.allSatisfy { $0["status"] == "Succeeded" })
    }

    @Test func aSecondServeOnTheSameHomeSaysWhoHoldsIt() async throws {
        let port = Int.random(in: 40_001...50_000)
        let first = try startServe(port: port)
        try await waitForIntake(port: port, token: "")
        let second = try cli.run(["serve", "--port", String(port + 1)])
        first.terminate()
        first.waitUntilExit()
        #expect(second.status != 0)
        #expect(second.stderr.contains("process \(first.processIdentifier)"))
        #expect(first.terminationStatus == 0, "SIGTERM stops serve cleanly")
    }
}
