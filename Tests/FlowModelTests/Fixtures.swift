import FlowExpressions
import Foundation
@testable import FlowModel

/// Flows and folders shared by the FlowModel tests.
enum Fixtures {
    /// A fresh, empty temporary folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The reference example: post to Teams when a data source refresh fails.
    static func teamsFlow(id: String = "teams-refresh-failed") -> Flow {
        var flow = Flow(id: id, displayName: "Teams on refresh failure", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Post_message"] = Step(name: "Post_message", type: .teamsPostMessage, inputs: [
            "connection": "Teams outbox",
            "title": "Refresh failed",
            "text": "Refresh of @{triggerBody()?['dataSourceName']} failed: @{triggerBody()?['errorMessage']}",
        ])
        return flow
    }

    /// The reference example: email the data owners when a segment crosses a threshold.
    static func emailFlow() -> Flow {
        var flow = Flow(id: "segment-email", displayName: "Email data owners", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "High value customers", "threshold": 100]))
        flow.definition.actions["Send_an_email"] = Step(name: "Send_an_email", type: .sendEmail, inputs: [
            "connection": "Mail", "to": "owners@contoso.example", "subject": "Segment @{triggerBody()?['segmentName']} crossed",
            "body": "Now @{triggerBody()?['currentCount']} members",
        ])
        return flow
    }

    /// A flow of about `count` steps (see `SampleFlows.long`).
    static func longFlow(id: String, steps count: Int) -> Flow { SampleFlows.long(id: id, steps: count) }
}
