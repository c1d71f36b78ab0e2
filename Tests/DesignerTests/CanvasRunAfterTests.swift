import Designer
import FlowExpressions
import FlowModel
import Foundation
import Testing
import TerminalUI

/// The canvas draws what runs: steps in runAfter order whatever the file's key order, parallel branches marked, and
/// run-after statuses other than Succeeded spelled out.
@MainActor @Suite struct CanvasRunAfterTests {
    /// A try/catch flow whose keys are listed backwards (as an export sorted Z→A would), with two parallel branches.
    static func tryCatchFlow() -> Flow {
        var flow = Flow(id: "try-catch", displayName: "Try catch", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]),
                        now: Date(timeIntervalSince1970: 1_790_000_000))
        flow.version = 1
        flow.definition.actions["Notify"] = Step(name: "Notify", type: .compose, inputs: "caught", runAfter: ["Try": [.failed, .timedOut]])
        flow.definition.actions["Audit"] = Step(name: "Audit", type: .compose, inputs: "audit", runAfter: ["Try": [.succeeded]])
        var scope = Step(name: "Try", type: .scope, runAfter: ["Prepare": [.succeeded]])
        scope.actions = ["Work": Step(name: "Work", type: .compose, inputs: 1)]
        flow.definition.actions["Try"] = scope
        flow.definition.actions["Prepare"] = Step(name: "Prepare", type: .compose, inputs: "start")
        return flow
    }

    @Test func cardsFollowRunAfterNotKeyOrder() throws {
        let (session, _) = makeSession(flows: [Self.tryCatchFlow()], size: Size(width: 80, height: 40))
        session.send([.down, .down, .enter, .enter])
        let lines = session.screen.split(separator: "\n").map(String.init)
        func row(_ name: String) throws -> Int { try #require(lines.firstIndex { $0.contains("│ \(name) ") }, "\(name) has a card") }
        #expect(try row("Prepare") < row("Try"))
        #expect(try row("Try") < row("Work"))
        #expect(try row("Work") < row("Notify"))
        #expect(try row("Notify") < row("Audit"), "parallel branches keep their file order")
    }

    @Test func parallelBranchesAndRunAfterStatusesAreDrawn() {
        let (session, _) = makeSession(flows: [Self.tryCatchFlow()], size: Size(width: 80, height: 40))
        session.send([.down, .down, .enter, .enter])
        let screen = session.screen
        #expect(screen.contains("parallel branch"))
        #expect(screen.contains("after Try is Failed/TimedOut"))
        #expect(!screen.contains("after Prepare"), "a plain Succeeded run-after is the ordinary arrow")
        expectScreen(session, "canvas-parallel-try-catch-80x40")
    }
}
