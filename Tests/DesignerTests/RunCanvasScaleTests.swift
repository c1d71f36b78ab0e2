import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// The run on the canvas stays quick for a run of about 200 step records (the goal: under 30 ms for the
/// overlay of a 200-step run; measured here in a debug build, with a loose bound, and printed).
@MainActor @Suite struct RunCanvasScaleTests {
    @Test func aTwoHundredStepRunOpensAndBrowsesQuickly() throws {
        var flow = Flow(id: "big", displayName: "Big", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        var previous: String?
        for index in 0..<20 {
            let name = "Step_\(index)"
            flow.definition.actions[name] = Step(name: name, type: .compose, inputs: .string("value \(index)"), runAfter: previous.map { [$0: [.succeeded]] } ?? [:])
            previous = name
        }
        var loop = Step(name: "Each", type: .foreach, runAfter: previous.map { [$0: [.succeeded]] } ?? [:])
        loop.foreach = "@range(0, 20)"
        var inner: StepList = [:]
        var before: String?
        for index in 0..<9 {
            let name = "Inner_\(index)"
            inner[name] = Step(name: name, type: .compose, inputs: .string("inner \(index)"), runAfter: before.map { [$0: [.succeeded]] } ?? [:])
            before = name
        }
        loop.actions = inner
        flow.definition.actions["Each"] = loop
        let start = LiveFixture.base
        var run = RunRecord(id: "run-big", flowId: "big", flowName: "Big", flowVersion: flow.version, eventId: nil, triggerOutputs: ["body": [:]], origin: "event")
        run.status = .failed
        run.startedAt = start
        run.finishedAt = start.addingTimeInterval(2)
        var steps: [StepRecord] = (0..<20).map { index in
            StepRecord(runId: run.id, stepName: "Step_\(index)", path: "$.definition.actions.Step_\(index)", status: .succeeded, startedAt: start,
                       finishedAt: start.addingTimeInterval(0.01), outputs: .string("value \(index)"))
        }
        for iteration in 0..<20 {
            for index in 0..<9 {
                let failed = iteration % 7 == 3 && index == 4
                steps.append(StepRecord(runId: run.id, stepName: "Inner_\(index)", path: "$.definition.actions.Each.actions.Inner_\(index)", iteration: iteration,
                                        status: failed ? .failed : .succeeded, startedAt: start, finishedAt: start.addingTimeInterval(0.01),
                                        outputs: .string("inner \(index)"), errorMessage: failed ? "boom \(iteration)" : nil, iterationPath: "Each[\(iteration)]"))
            }
        }
        steps.append(StepRecord(runId: run.id, stepName: "Each", path: "$.definition.actions.Each", status: .failed, startedAt: start, finishedAt: start.addingTimeInterval(1)))
        #expect(steps.count >= 200)
        let link = FixtureRunnerLink(events: [], runs: [run])
        link.stepRecords[run.id] = steps
        let session = makeLiveSession(link: link, flows: [flow], size: Size(width: 120, height: 40))
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("h")
        session.dispatch(.tick)
        let clock = ContinuousClock()
        let opened = clock.measure {
            session.type("c")
            _ = session.render()
        }
        #expect(session.screen.contains("⟳ iteration 4 of 20 · 3 failed"), "\(session.screen)")
        let browsed = clock.measure {
            session.type("F")
            _ = session.render()
        }
        #expect(session.screen.contains("⟳ iteration 11 of 20 · 3 failed"), "\(session.screen)")
        print("run canvas, \(steps.count) step records: open + first frame \(opened), F + frame \(browsed) (debug build)")
        #expect(opened < .milliseconds(300) && browsed < .milliseconds(300))
    }
}
