import FlowExpressions
import FlowModel
import Foundation
import Insights
import Testing
@testable import FlowRunner

/// Source refreshes of a real workspace reach `/metrics` (durations and failures per source), and `/ready` names
/// the loaded workspace.
@Suite struct RefreshMetricsTests {
    @Test func sourceRefreshesAreTimedAndFailuresCountedPerSource() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-refresh-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let home = InsightFlowHome(url: url)
        _ = try Workspace.loadCreatingSample(home: url)
        var configuration = RunnerConfiguration()
        let metrics = RunnerMetrics()
        configuration.metrics = metrics
        let host = try await RunnerHost.open(home: home, configuration: configuration, delivery: RecordingDelivery())
        host.startWorkspace(activity: false)
        let client = LocalRunnerClient(host: host)
        let server = try IntakeServer(port: 0, credentials: try IntakeCredentials.loadOrCreate(home: url), client: client)
        Task { try await server.run() }
        let http = ServiceHTTP(port: try await server.waitUntilListening())

        let ready = try await http.get("/ready")
        #expect(ready.status == 200 && ready.json["checks"]?["workspace"]?["detail"] == "'Contoso Coffee (sample)' loaded", "\(ready.text)")

        _ = try await client.refresh(source: "Orders")
        try FileManager.default.removeItem(at: home.workspaceFolder.appendingPathComponent("data/orders.csv"))
        _ = try await client.refresh(source: "Orders")
        let series = RunnerMetrics.Series.self
        var text = try PrometheusText(metrics.exposition())
        for _ in 0..<100 where text.value(series.refreshFailures, ["source": "Orders"]) == nil {
            try await Task.sleep(for: .milliseconds(20))  // the workspace's events reach the runner asynchronously
            text = try PrometheusText(metrics.exposition())
        }
        #expect(text.value(series.refreshDuration + "_count", ["source": "Orders", "outcome": "succeeded"]) == 1)
        #expect(text.value(series.refreshDuration + "_count", ["source": "Orders", "outcome": "failed"]) == 1)
        #expect(text.value(series.refreshFailures, ["source": "Orders"]) == 1)
        await server.stop()
        await client.close()
    }
}
