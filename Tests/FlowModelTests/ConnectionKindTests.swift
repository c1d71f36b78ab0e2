import FlowExpressions
import Testing
@testable import FlowModel

/// A step sending through a connection of another kind would fail on every run: it is an error, so the flow
/// cannot be turned On with it.
struct ConnectionKindTests {
    @Test func aWrongKindConnectionIsAnErrorAndBlocksOn() {
        let flow = Fixtures.teamsFlow()
        let wrong = FlowChecker.check(flow, context: CheckContext(connections: ["Teams outbox": "smtp"]))
        let issue = wrong.first { $0.field == "connection" }
        #expect(issue?.severity == .error)
        #expect(issue?.message.contains("is a smtp connection; this step needs a teams connection") == true)
        let right = FlowChecker.check(flow, context: CheckContext(connections: ["Teams outbox": "teams"]))
        #expect(!right.contains { $0.field == "connection" })
        let outbox = FlowChecker.check(flow, context: CheckContext(connections: ["Teams outbox": "outbox"]))
        #expect(!outbox.contains { $0.field == "connection" }, "an outbox takes any kind of step")
    }
}
