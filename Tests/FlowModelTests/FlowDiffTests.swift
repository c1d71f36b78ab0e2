import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

/// The semantic diff: added/removed, rename vs remove+add, moves, nested changes, runAfter, parameters, JSON.
@Suite struct FlowDiffTests {
    /// Trigger → Init → Check (If: actions [Notify], else [Log]) → Done.
    func base() -> Flow {
        var flow = Flow(id: "orders", displayName: "Orders", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "VIP", "threshold": 100]))
        flow.version = 1
        flow.definition.actions["Init"] = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "n", "type": "Integer", "value": 0]]])
        var check = Step(name: "Check", type: .condition, runAfter: ["Init": [.succeeded]])
        check.expression = .string("@greater(1, 0)")
        check.actions = ["Notify": Step(name: "Notify", type: .teamsPostMessage, inputs: ["connection": "teams", "title": "Hi", "text": "@{triggerBody()}"])]
        check.elseActions = ["Log": Step(name: "Log", type: .compose, inputs: "nothing to do")]
        flow.definition.actions["Check"] = check
        flow.definition.actions["Done"] = Step(name: "Done", type: .compose, inputs: "done", runAfter: ["Check": [.succeeded]])
        return flow
    }

    func names(_ changes: [StepChange]) -> [String] { changes.map { "\($0.kind.rawValue) \($0.name)" } }

    @Test func identicalVersionsHaveNoChanges() {
        let diff = FlowDiffer.diff(base(), base())
        #expect(diff.isEmpty)
        #expect(diff.summary == "no changes")
    }

    @Test func aRenameIsOneRenamedStepNotARemoveAndAnAdd() {
        var new = base()
        new.version = 2
        let done = new.definition.actions.removeValue(forKey: "Done")
        if var done {
            done.name = "Finish"
            new.definition.actions["Finish"] = done
        }
        let diff = FlowDiffer.diff(base(), new)
        #expect(names(diff.steps) == ["changed Finish"])
        #expect(diff.steps.first?.oldName == "Done")
        #expect(diff.steps.first?.fields.isEmpty == true)
        #expect(diff.summary == "1 renamed")
    }

    @Test func aRenamedStepsSuccessorsRunAfterIsNoChangeButANewPredecessorIs() {
        var old = base()
        old.definition.actions["Done"]?.runAfter = ["Check": [.succeeded]]
        var new = base()
        // Rename Check → Decide: Done's runAfter follows the rename (no change), and its statuses change (a change).
        let check = new.definition.actions.removeValue(forKey: "Check")
        let done = new.definition.actions.removeValue(forKey: "Done")
        if var check, var done {
            check.name = "Decide"
            new.definition.actions["Decide"] = check
            done.runAfter = ["Decide": [.succeeded, .failed]]
            new.definition.actions["Done"] = done
        }
        let diff = FlowDiffer.diff(old, new)
        #expect(names(diff.steps) == ["changed Decide", "changed Done"])
        #expect(diff.steps[1].fields == [FieldChange(path: "runAfter", old: "Decide (Succeeded)", new: "Decide (Succeeded, Failed)")])
    }

    @Test func aStepWithOtherContentIsRemovedAndAdded() {
        var new = base()
        new.definition.actions.removeValue(forKey: "Done")
        new.definition.actions["Alert"] = Step(name: "Alert", type: .http, inputs: ["method": "POST", "uri": "https://example.org"], runAfter: ["Check": [.succeeded]])
        let diff = FlowDiffer.diff(base(), new)
        #expect(Set(names(diff.steps)) == ["added Alert", "removed Done"])
        #expect(diff.summary == "1 added, 1 removed")
    }

    @Test func aMostlyEqualRenamedStepIsARenameWithItsParameterChange() {
        var new = base()
        var notify = new.definition.actions["Check"]?.actions?.removeValue(forKey: "Notify")
        notify?.name = "Tell_team"
        let title = notify?.inputs?.setting("Hello", atPath: "title")
        notify?.inputs = title
        new.definition.actions["Check"]?.actions?["Tell_team"] = notify
        let diff = FlowDiffer.diff(base(), new)
        #expect(names(diff.steps) == ["unchanged Check"])
        let child = diff.steps.first?.children.first
        #expect(child?.name == "Tell_team" && child?.oldName == "Notify")
        #expect(child?.fields == [FieldChange(path: "inputs.title", old: "Hi", new: "Hello")])
    }

    @Test func nestedChangesSitUnderTheirContainer() {
        var new = base()
        new.definition.actions["Check"]?.elseActions?["Log"]?.inputs = "still nothing"
        new.definition.actions["Check"]?.elseActions?["Extra"] = Step(name: "Extra", type: .wait, inputs: ["interval": ["count": 1, "unit": "Minute"]],
                                                                       runAfter: ["Log": [.succeeded]])
        let diff = FlowDiffer.diff(base(), new)
        #expect(names(diff.steps) == ["unchanged Check"])
        let children = diff.steps.first?.children ?? []
        #expect(names(children) == ["changed Log", "added Extra"])
        #expect(children.map(\.branch) == ["else", "else"])
        #expect(children.first?.fields == [FieldChange(path: "inputs", old: "nothing to do", new: "still nothing")])
    }

    @Test func aStepMovedIntoABranchIsAMoveNotARemoveAndAnAdd() {
        var new = base()
        let done = new.definition.actions.removeValue(forKey: "Done")
        if var done {
            done.runAfter = [:]
            new.definition.actions["Check"]?.actions?["Done"] = done
        }
        let diff = FlowDiffer.diff(base(), new)
        let moved = diff.steps.first?.children.first
        #expect(moved?.name == "Done")
        #expect(moved?.move == StepChange.Move(from: "top level", to: "Check (actions)"))
        #expect(diff.summary.contains("1 moved"))
    }

    @Test func aReorderWithinABranchMovesOnlyTheStepThatMoved() {
        var old = base()
        for name in ["A", "B", "C", "D"] { old.definition.actions[name] = Step(name: name, type: .compose, inputs: .string(name)) }
        var new = old
        let b = new.definition.actions.removeValue(forKey: "B")
        new.definition.actions["B"] = b
        let diff = FlowDiffer.diff(old, new)
        #expect(names(diff.steps) == ["changed B"])
        #expect(diff.steps.first?.move != nil)
    }

    @Test func triggerAndEnvelopeChangesAreListed() {
        var new = base()
        new.displayName = "Orders v2"
        let parameters = new.trigger?.parameters?.setting(200, atPath: "threshold")
        new.definition.triggers[new.trigger?.name ?? ""]?.parameters = parameters
        let diff = FlowDiffer.diff(base(), new)
        #expect(diff.flowChanges == [FieldChange(path: "name", old: "Orders", new: "Orders v2")])
        #expect(diff.triggerChanges.count == 1)
        #expect(diff.triggerChanges.first?.old == "100" && diff.triggerChanges.first?.new == "200")
    }

    @Test func theTextIsATreeAndTheJSONIsForTools() throws {
        var new = base()
        new.version = 2
        let inputs = new.definition.actions["Check"]?.actions?["Notify"]?.inputs?.setting("Hello", atPath: "title")
        new.definition.actions["Check"]?.actions?["Notify"]?.inputs = inputs
        new.definition.actions.removeValue(forKey: "Done")
        let diff = FlowDiffer.diff(base(), new)
        let text = diff.text(flowName: "Orders")
        #expect(text == """
        Orders: version 1 → 2: 1 removed, 1 changed
          Check (If)
        ~   Notify (TeamsPostMessage)
        -     inputs.title: Hi
        +     inputs.title: Hello
        - Done (Compose)
        """)
        let json = try JSONValue.parse(diff.json.jsonText())
        #expect(json["steps"]?.arrayValue?.first?["children"]?.arrayValue?.first?["fields"]?.arrayValue?.first?["new"] == "Hello")
        #expect(json["steps"]?.arrayValue?.last?["change"] == "removed")
    }

    @Test func twoFiveHundredStepVersionsDiffQuickly() {
        let old = SampleFlows.long(id: "big", steps: 500)
        var new = old
        new.definition.actions["Step_10"]?.inputs = ["changed": true]
        let renamed = new.definition.actions.removeValue(forKey: "Step_20")
        if var renamed {
            renamed.name = "Step_twenty"
            new.definition.actions["Step_twenty"] = renamed
        }
        let clock = ContinuousClock()
        var diff = FlowDiffer.diff(old, new)
        let elapsed = clock.measure { diff = FlowDiffer.diff(old, new) }
        #expect(diff.steps.contains { $0.oldName == "Step_20" })
        // A debug build; the release figure is in the README (a generous bound so a busy machine does not fail it).
        #expect(elapsed < .milliseconds(500))
    }

    @Test func stepsWrappedInANewScopeAreMovedIntoItNotAddedAgain() {
        var new = base()
        let done = new.definition.actions.removeValue(forKey: "Done")
        var scope = Step(name: "Try", type: .scope, runAfter: ["Check": [.succeeded]])
        if var done {
            done.runAfter = [:]
            scope.actions = ["Done": done]
        }
        new.definition.actions["Try"] = scope
        let diff = FlowDiffer.diff(base(), new)
        #expect(names(diff.steps) == ["added Try"])
        let inner = diff.steps.first?.children.first
        #expect(inner?.kind == .changed && inner?.name == "Done")
        #expect(inner?.move == StepChange.Move(from: "top level", to: "Try (actions)"))
    }

    @Test func aRemovedContainerTakesItsStepsWithItUnlessTheyMovedOut() {
        var new = base()
        let check = new.definition.actions.removeValue(forKey: "Check")
        if var notify = check?.actions?["Notify"] {
            notify.runAfter = ["Init": [.succeeded]]
            new.definition.actions["Notify"] = notify
        }
        new.definition.actions["Done"]?.runAfter = ["Notify": [.succeeded]]
        let diff = FlowDiffer.diff(base(), new)
        let removed = diff.steps.first { $0.kind == .removed }
        #expect(removed?.name == "Check")
        #expect(names(removed?.children ?? []) == ["removed Log"], "Log went with it; Notify moved out")
        let notify = diff.steps.first { $0.name == "Notify" }
        #expect(notify?.move == StepChange.Move(from: "Check (actions)", to: "top level"))
    }

    @Test func aSwitchCaseValueAndItsStepsAreCompared() {
        var old = base()
        var choose = Step(name: "Choose", type: .switchCase, runAfter: ["Init": [.succeeded]])
        choose.expression = "@triggerBody()?['segmentName']"
        choose.cases = ["Gold": SwitchCase(value: "gold", actions: ["Gift": Step(name: "Gift", type: .compose, inputs: "gift")])]
        old.definition.actions["Choose"] = choose
        var new = old
        new.definition.actions["Choose"]?.cases?["Gold"]?.value = "platinum"
        new.definition.actions["Choose"]?.cases?["Gold"]?.actions["Gift"]?.inputs = "bigger gift"
        let diff = FlowDiffer.diff(old, new)
        let node = diff.steps.first { $0.name == "Choose" }
        #expect(node?.fields == [FieldChange(path: "cases.Gold", old: "gold", new: "platinum")])
        #expect(node?.children.first?.branch == "cases.Gold")
        #expect(node?.children.first?.fields == [FieldChange(path: "inputs", old: "gift", new: "bigger gift")])
    }
}
