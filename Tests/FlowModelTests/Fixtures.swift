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

    /// A flow of `count` steps: Initialize variable, then Compose / Condition / Set variable repeating, each after the previous.
    static func longFlow(id: String, steps count: Int) -> Flow {
        var flow = Flow(id: id, displayName: "Long flow \(id)", trigger: Trigger(kind: .unificationCompleted))
        flow.definition.actions["Init"] = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "total", "type": "Integer", "value": 0]]])
        var previous = "Init"
        for i in 1..<max(count, 2) {
            let name = "Step_\(i)"
            var step: Step
            switch i % 3 {
            case 0:
                step = Step(name: name, type: .condition)
                step.expression = .string("@greater(triggerBody()?['profilesOut'], \(i))")
                step.actions = ["Inner_\(i)": Step(name: "Inner_\(i)", type: .compose, inputs: .string("@{variables('total')} profiles"))]
            case 1: step = Step(name: name, type: .compose, inputs: ["profiles": "@triggerBody()?['profilesOut']", "note": .string("Step \(i) of @{workflow()?['name']}")])
            default: step = Step(name: name, type: .setVariable, inputs: ["name": "total", "value": .string("@add(variables('total'), \(i))")])
            }
            step.runAfter = [previous: [.succeeded]]
            flow.definition.actions[name] = step
            previous = name
        }
        return flow
    }
}
