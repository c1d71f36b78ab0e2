import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// `/metrics` on a real intake: runs caused over HTTP, the exposition scraped with the token, parsed strictly,
/// and every counter equal to what the test caused. Each test has its own registry (no global bootstrap).
@Suite struct MetricsRouteTests {
    let good = #"{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "Webshop"}}"#
    let bad = #"{"type": "DataSourceRefreshSucceeded", "fields": {"dataSourceName": "Webshop"}}"#
    let call = #"{"type": "UnificationCompleted", "fields": {}}"#

    @Test func countersMatchTheRunsCaused() async throws {
        let delivery = RecordingDelivery(script: [.failed(DeliveryFailure(message: "HTTP 503", retryable: true, statusCode: 503))])
        let fixture = try RunnerFixture(delivery: delivery)
        try fixture.add(RunnerFixture.flow("good", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [.compose("C", "x")]))
        try fixture.add(RunnerFixture.flow("bad", trigger: Trigger(kind: .dataSourceRefreshSucceeded), steps: [
            Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Failed", "runError": ["code": "NoData", "message": "no"]]),
        ]))
        try fixture.add(RunnerFixture.flow("call", trigger: Trigger(kind: .unificationCompleted), steps: [
            Step(name: "Call", type: .http, inputs: ["method": "POST", "uri": "http://127.0.0.1:9/x",
                                                     "retryPolicy": ["type": "fixed", "count": 3, "interval": "PT0.01S"]]),
        ]))
        var configuration = RunnerConfiguration()
        let metrics = RunnerMetrics()
        configuration.metrics = metrics
        let runner = try await fixture.runner(configuration)
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: LocalRunnerClient(runner: runner))
        Task { try await server.run() }
        defer { Task { await server.stop() } }
        let http = ServiceHTTP(port: try await server.waitUntilListening())

        for body in [good, good, good, bad, bad, call] {
            #expect(try await http.post("/events", body, token: credentials.token).status == 202)
        }
        #expect(try await http.post("/events", "{ not json", token: credentials.token).status == 400)
        #expect(try await http.post("/events", good, token: "wrong").status == 401)
        await runner.waitUntilIdle()

        #expect(try await http.get("/metrics").status == 401, "the token is needed")
        let scrape = try await http.get("/metrics", token: credentials.token)
        #expect(scrape.status == 200)
        let text = try PrometheusText(scrape.text)
        typealias S = RunnerMetrics.Series
        #expect(text.types[S.eventsAccepted] == "counter" && text.types[S.stepDuration] == "histogram")
        #expect(text.value(S.eventsAccepted, ["origin": "http"]) == 6)
        #expect(text.value(S.eventsRejected, ["reason": "malformed"]) == 1)
        #expect(text.value(S.eventsRejected, ["reason": "unauthorized"]) == 1)
        #expect(text.value(S.runsStarted, ["flow": "good"]) == 3)
        #expect(text.value(S.runsSucceeded, ["flow": "good"]) == 3)
        #expect(text.value(S.runsStarted, ["flow": "bad"]) == 2)
        #expect(text.value(S.runsFailed, ["flow": "bad", "status": "Failed"]) == 2)
        #expect(text.value(S.runsSucceeded, ["flow": "call"]) == 1)
        #expect(text.value(S.runsSucceeded, ["flow": "bad"]) == nil)
        #expect(text.value(S.stepDuration + "_count", ["type": "Compose", "status": "Succeeded"]) == 3)
        #expect(text.value(S.stepDuration + "_count", ["type": "Terminate"]) == 2)
        #expect(text.value(S.stepRetries, ["type": "Http"]) == 1)
        #expect(text.value(S.deliveryDuration + "_count", ["kind": "none", "outcome": "failed"]) == 1)
        #expect(text.value(S.deliveryDuration + "_count", ["kind": "none", "outcome": "delivered"]) == 1)
        #expect(text.value(S.queueDepth) == 0 && text.value(S.runsInFlight) == 0)
        #expect(text.value(S.historyRuns) == 6)
        #expect((text.value(S.historyBytes) ?? 0) > 0)
    }

    @Test func thresholdCrossingsAndRefreshesAreCounted() async throws {
        let fixture = try RunnerFixture()
        let trigger = Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "VIP", "threshold": .int(10)])
        try fixture.add(RunnerFixture.flow("vip", trigger: trigger, steps: [.compose("C", "x")]))
        var configuration = RunnerConfiguration()
        let metrics = RunnerMetrics()
        configuration.metrics = metrics
        let runner = try await fixture.runner(configuration)
        for count in [5, 12, 14, 3, 20] {
            _ = try await fixture.send(runner, .segmentRefreshed, ["segmentName": "VIP", "currentCount": .int(count)])
        }
        await runner.waitUntilIdle()
        let text = try PrometheusText(metrics.exposition())
        #expect(text.value(RunnerMetrics.Series.thresholdCrossings, ["flow": "vip"]) == 2, "5→12 and 3→20 cross upwards")
        #expect(text.value(RunnerMetrics.Series.runsSucceeded, ["flow": "vip"]) == 2)
    }
}
