import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// Error handling in one key: `w` wraps steps in Try/Catch/Finally; `R` opens a step's run-after checkboxes.
@MainActor @Suite struct TryCatchJourneyTests {
    /// A flow whose first step fails: `w` on it, save, test run: Catch runs, reports the failed step, Finally runs,
    /// and the step after the wrapped one still runs (after Finally).
    @Test func wrappingAFailingStepRunsCatchWithItsNameAndMessage() async throws {
        var flow = Flow(id: "breaks", displayName: "Breaks", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Parse_count"] = Step(name: "Parse_count", type: .compose, inputs: "@int('not a number')")
        flow.definition.actions["Done"] = Step(name: "Done", type: .compose, inputs: "done", runAfter: ["Parse_count": [.succeeded]])
        let embedded = try await EmbeddedHome.open([flow])
        defer { embedded.close() }
        let session = embedded.session()
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down])  // Parse_count
        #expect(session.state.document?.selected == "Parse_count")
        session.type("w")
        #expect(session.screen.contains("Wrapped Parse_count in Try"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try FlowStore(home: embedded.home).load(id: "breaks").flow
        let actions = saved.definition.actions
        #expect(Array(actions.keys) == ["Try", "Catch", "Finally", "Done"])
        #expect(actions["Try"]?.actions?["Parse_count"] != nil)
        #expect(actions["Catch"]?.runAfter == ["Try": [.failed, .timedOut]])
        #expect(actions["Finally"]?.runAfter == ["Catch": [.succeeded, .failed, .skipped, .timedOut]])
        #expect(actions["Done"]?.runAfter == ["Finally": [.succeeded]])
        #expect(FlowChecker.check(saved).filter { $0.severity == .error }.isEmpty, "\(FlowChecker.check(saved))")

        session.type("t")
        session.send([.ctrl("r")])
        for _ in 0..<250 where session.state.breadcrumb.last?.hasPrefix("Run ") != true || !session.screen.contains("Finally") {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
        #expect(session.state.breadcrumb.last?.hasPrefix("Run ") == true, "screen:\n\(session.screen)")
        #expect(session.screen.contains("Catch  — Runs when Try failed"), "the step's note shows in the run detail:\n\(session.screen)")
        let run = try #require(try embedded.host.history.runs(flowId: "breaks").first)
        var steps: [StepRecord] = []
        for _ in 0..<250 where !steps.contains(where: { $0.stepName == "Done" }) {
            try await Task.sleep(for: .milliseconds(20))
            steps = try embedded.host.history.steps(runId: run.id)
        }
        func status(_ name: String) -> StepStatus? { steps.last { $0.stepName == name }?.status }
        #expect(status("Parse_count") == .failed)
        #expect(status("Try") == .failed)
        #expect(status("Catch") == .succeeded)
        #expect(status("Finally") == .succeeded)
        #expect(status("Done") == .succeeded)
        let report = steps.last { $0.stepName == "Report_error" }?.outputs?.stringValue ?? ""
        #expect(report.hasPrefix("Parse_count failed: "), "\(report)")
        #expect(report.count > "Parse_count failed: ".count, "the message follows the name: \(report)")
    }

    /// When Try succeeds, Catch is skipped and Finally still runs.
    @Test func aSucceedingTrySkipsCatchAndRunsFinally() async throws {
        var flow = Flow(id: "works", displayName: "Works", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Fine"] = Step(name: "Fine", type: .compose, inputs: "fine")
        _ = TryCatchWrap.wrap(["Fine"], in: &flow.definition)
        let embedded = try await EmbeddedHome.open([flow])
        defer { embedded.close() }
        let session = embedded.session()
        session.send([.down, .down, .enter, .enter])
        session.type("t")
        session.send([.ctrl("r")])
        var steps: [StepRecord] = []
        for _ in 0..<250 where !steps.contains(where: { $0.stepName == "Finally" }) {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
            if let run = try embedded.host.history.runs(flowId: "works").first { steps = try embedded.host.history.steps(runId: run.id) }
        }
        #expect(steps.last { $0.stepName == "Catch" }?.status == .skipped)
        #expect(steps.last { $0.stepName == "Finally" }?.status == .succeeded)
    }

    /// `v` marks a step, `w` on a later sibling wraps the whole range; names are made unique when Try exists.
    @Test func aMarkedRangeIsWrappedWithUniqueNames() throws {
        var flow = sampleFlow()
        flow.definition.actions["Try"] = Step(name: "Try", type: .compose, inputs: "taken", runAfter: ["Compose": [.succeeded]])
        let (session, services) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])
        session.send([.down])  // Post_message
        session.type("v")
        #expect(session.screen.contains("mark: Post_message"), "\(session.screen)")
        session.send([.down])  // Compose
        session.type("w")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let actions = saved.definition.actions
        #expect(Array(actions.keys) == ["Try_2", "Catch", "Finally", "Try"])
        #expect(Array(actions["Try_2"]?.actions?.keys ?? []) == ["Post_message", "Compose"])
        #expect(actions["Try_2"]?.actions?["Compose"]?.runAfter == ["Post_message": [.succeeded]])
        #expect(actions["Try"]?.runAfter == ["Finally": [.succeeded]])
        let catchSteps = actions["Catch"]?.actions
        #expect(catchSteps?["Failed_actions"]?.inputs?["from"] == "@result('Try_2')")
        #expect(!session.screen.contains("mark:"), "the mark is cleared by the wrap")
    }

    /// `R` opens the selected step's form at its run-after checkboxes; unticking Succeeded and ticking Failed
    /// makes the step run only when its predecessor failed.
    @Test func configureRunAfterTicksStatuses() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])
        session.send([.end])  // Compose, after Post_message
        session.type("R")
        #expect(session.state.breadcrumb.last == "Compose", "\(session.state.breadcrumb)")
        #expect(session.screen.contains("Run when Post_message ended Succeeded"), "\(session.screen)")
        session.type(" ")  // Succeeded off
        session.send([.tab])
        session.type(" ")  // Failed on
        session.send([.enter, .ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(saved.definition.actions["Compose"]?.runAfter == ["Post_message": [.failed]])
    }
}

/// "Handle errors with Try, Catch and Finally" on the connector page's templates: the user picks it and a trigger,
/// and the flow the template builds runs Catch when a step in Try fails.
@MainActor @Suite struct TryCatchTemplateJourneyTests {
    /// Connector page › t › the last template › the trigger selected on the page is offered first › Enter: the
    /// new canvas (the trigger's one parameter has a default: any data source); the three scopes are there (the
    /// canvas's wrap applied to a placeholder). The placeholder becomes a failing Compose; save; test run: Try fails, Catch runs and reports the
    /// failed step, Finally runs, and the run Succeeded — a failure handled by a later action gives the branch that
    /// action's status, and Finally (Succeeded) ends the only branch (docs/run-semantics.md, "handled" and "scope").
    @Test func theTemplateBuildsAFlowWhoseCatchRunsWhenTryFails() async throws {
        let embedded = try await EmbeddedHome.open([])
        defer { embedded.close() }
        let session = embedded.session()
        session.openConnectorPage()
        #expect(session.state.breadcrumb.last == "Power Automate", "\(session.state.breadcrumb)")
        session.type("t")
        session.send([.end])
        #expect(session.screen.contains("Handle errors with Try, Catch and Finally"), "\(session.screen)")
        #expect(session.screen.contains("Any trigger (you pick it)"), "\(session.screen)")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Template", "\(session.state.breadcrumb)")
        #expect(session.screen.contains("When a data source refresh fails"), "the page's trigger is offered first:\n\(session.screen)")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Canvas", "\(session.state.breadcrumb)")
        let built = try #require(session.state.document?.flow)
        #expect(built.trigger?.kind == .dataSourceRefreshFailed)
        let actions = built.definition.actions
        #expect(Array(actions.keys) == ["Try", "Catch", "Finally"])
        #expect(actions["Try"]?.actions?[FlowTemplates.tryPlaceholder] != nil)
        #expect(actions["Catch"]?.runAfter == ["Try": [.failed, .timedOut]])
        #expect(actions["Finally"]?.runAfter == ["Catch": [.succeeded, .failed, .skipped, .timedOut]])
        #expect(actions["Catch"]?.actions?["Failed_actions"]?.inputs?["from"] == "@result('Try')")

        // The placeholder in Try becomes a step that fails.
        for _ in 0..<6 where session.state.document?.selected != FlowTemplates.tryPlaceholder { session.send([.down]) }
        #expect(session.state.document?.selected == FlowTemplates.tryPlaceholder, "\(session.screen)")
        session.send([.enter, .tab, .ctrl("u")])  // its form › Inputs (after the step's name), cleared
        session.type("@int('not a number')")
        session.send([.enter, .ctrl("s")])
        let id = try #require(session.state.document?.flow.id)
        let saved = try FlowStore(home: embedded.home).load(id: id).flow
        #expect(saved.definition.actions["Try"]?.actions?[FlowTemplates.tryPlaceholder]?.inputs == "@int('not a number')")
        if session.state.breadcrumb.last == "Issues" { session.send([.escape]) }

        session.type("t")
        session.send([.ctrl("r")])
        var steps: [StepRecord] = []
        var run: RunRecord?
        for _ in 0..<300 where run?.status != .succeeded || !steps.contains(where: { $0.stepName == "Finally" }) {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
            run = try embedded.host.history.runs(flowId: id).first
            if let run { steps = try embedded.host.history.steps(runId: run.id) }
        }
        func status(_ name: String) -> StepStatus? { steps.last { $0.stepName == name }?.status }
        #expect(status(FlowTemplates.tryPlaceholder) == .failed)
        #expect(status("Try") == .failed)
        #expect(status("Catch") == .succeeded)
        #expect(status("Finally") == .succeeded)
        #expect(run?.status == .succeeded, "the failure is handled: \(String(describing: run?.status))")
        let report = steps.last { $0.stepName == "Report_error" }?.outputs?.stringValue ?? ""
        #expect(report.hasPrefix("\(FlowTemplates.tryPlaceholder) failed: "), "\(report)")
    }

    /// A trigger with parameters that have no default (a segment crossing a threshold): the trigger's form opens
    /// over the new canvas; Esc applies the segment chosen and the threshold typed there, and the flow is clean. Picking another trigger in
    /// the template's form (→) is honoured.
    @Test func aTriggerWithParametersToChooseOpensItsForm() throws {
        let (session, _) = makeSession()
        session.openConnectorPage()
        let segment = try #require(Catalog.triggers.firstIndex { $0.kind == .segmentThresholdCrossed })
        session.send(Array(repeating: .down, count: segment))
        session.send([.character("t"), .end, .enter])
        #expect(session.screen.contains(Catalog.trigger(.segmentThresholdCrossed).displayName), "\(session.screen)")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Trigger", "the trigger's parameters come next: \(session.state.breadcrumb)")
        session.send([.tab])  // Segment (a choice) › Threshold
        session.type("250")
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Canvas", "\(session.state.breadcrumb)")
        let flow = try #require(session.state.document?.flow)
        #expect(flow.trigger?.kind == .segmentThresholdCrossed)
        #expect(flow.trigger?.parameter("segment") != nil, "the segment shown in the form is applied")
        #expect(flow.trigger?.parameter("threshold") == 250)
        #expect(FlowChecker.check(flow).filter { $0.severity == .error }.isEmpty, "\(FlowChecker.check(flow))")

        let (other, _) = makeSession()
        other.openConnectorPage()
        other.send([.character("t"), .end, .enter, .tab, .right])  // Trigger: the next one in the catalog
        other.send([.enter])
        let second = try #require(Catalog.triggers.dropFirst().first?.kind)
        if other.state.breadcrumb.last == "Trigger" { other.send([.escape]) }
        #expect(other.state.document?.flow.trigger?.kind == second, "\(other.screen)")
    }
}
