import Designer
import FlowExpressions
import FlowModel
import Foundation
import TerminalUI

/// Flows for the journey tests: a segment-threshold flow with an email step, and a list of many flows.
enum JourneyFixture {
    /// "Email owners over 40": On, segment threshold 40, one Send_email step through the smtp connection `mail`.
    static func emailFlow(state: FlowState = .off) -> Flow {
        var flow = Flow(id: "email-over-40", displayName: "Email owners over 40",
                        trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "High value customers", "threshold": 40]),
                        now: Date(timeIntervalSince1970: 1_790_000_000))
        flow.version = 1
        flow.state = state
        var email = Step(name: "Send_email", type: .sendEmail,
                         inputs: ["connection": "mail", "to": "owners@contoso.example", "subject": "Over 40", "body": "@{triggerBody()?['segmentName']} grew"])
        email.runAfter = [:]
        flow.definition.actions["Send_email"] = email
        return flow
    }

    /// `count` copies of the sample flow named "Flow 01"… so that lists scroll.
    static func manyFlows(_ count: Int) -> [Flow] {
        (1...count).map { index in
            let number = index < 10 ? "0\(index)" : "\(index)"
            return sampleFlow(id: "flow-\(number)", name: "Flow \(number)")
        }
    }
}

extension DesignerSession {
    /// The status bar (last line).
    var statusBar: String { render().line(state.size.height - 1) }

    /// Home > Flows.
    func openFlowsList() { send([.down, .down, .enter]) }
}
