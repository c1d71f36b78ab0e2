import Designer
import FlowExpressions
import FlowModel
import Foundation
import Testing
import TerminalUI

/// A designer session over in-memory services at a given size, with helpers to drive it by keys.
@MainActor
func makeSession(flows: [Flow] = [], size: Size = Size(width: 80, height: 24)) -> (DesignerSession, InMemoryDesignerServices) {
    let services = InMemoryDesignerServices(flows: flows)
    return (DesignerSession(services: services, size: size, theme: .plain), services)
}

/// Compares the session's screen with `Snapshots/<name>.txt` next to this file.
@MainActor
func expectScreen(_ session: DesignerSession, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    if let mismatch = GoldenSnapshot.mismatch(session.render().text, named: name, folder: folder) {
        Issue.record(Comment(rawValue: mismatch), sourceLocation: sourceLocation)
    }
}

extension DesignerSession {
    /// The screen text.
    var screen: String { render().text }

    /// Home > Admin > Export destinations > Power Automate (Configure).
    func openConnectorPage() {
        send([.down, .enter, .down, .enter, .enter])
    }
}

/// A saved flow with a Teams step, for editing tests.
func sampleFlow(id: String = "teams-alert", name: String = "Teams alert") -> Flow {
    var flow = Flow(id: id, displayName: name, trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]),
                    now: Date(timeIntervalSince1970: 1_790_000_000))
    flow.version = 1
    var teams = Step(name: "Post_message", type: .teamsPostMessage, inputs: ["connection": "teams", "text": "Refresh of @{triggerBody()?['dataSourceName']} failed"])
    teams.runAfter = [:]
    flow.definition.actions["Post_message"] = teams
    var compose = Step(name: "Compose", type: .compose, inputs: "@{body('Post_message')?['statusCode']}")
    compose.runAfter = ["Post_message": [.succeeded]]
    flow.definition.actions["Compose"] = compose
    return flow
}

/// Count (150) then Check, an If with Big/Small branches and no condition yet: the condition builder's journeys.
func conditionSampleFlow() -> Flow {
    var flow = Flow(id: "sizes", displayName: "Sizes", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
    flow.definition.actions["Count"] = Step(name: "Count", type: .compose, inputs: 150)
    var check = Step(name: "Check", type: .condition, runAfter: ["Count": [.succeeded]])
    check.actions = ["Big": Step(name: "Big", type: .compose, inputs: "big")]
    check.elseActions = ["Small": Step(name: "Small", type: .compose, inputs: "small")]
    flow.definition.actions["Check"] = check
    return flow
}
