import Designer
import FlowExpressions
import FlowModel
import Testing

@Suite struct StepTreeTests {
    private func flow() -> Flow {
        var flow = sampleFlow()
        var condition = Step(name: "Condition", type: .condition)
        condition.expression = "@greater(1, 0)"
        condition.runAfter = ["Compose": [.succeeded]]
        condition.actions = ["Yes_1": Step(name: "Yes_1", type: .compose, inputs: "a")]
        flow.definition.actions["Condition"] = condition
        return flow
    }

    @Test func insertAfterRewiresTheSuccessor() {
        var definition = flow().definition
        StepTree.insert(Step(name: "Middle", type: .compose, inputs: "m"), at: .after("Post_message"), in: &definition)
        #expect(definition.actions.keys.elements == ["Post_message", "Middle", "Compose", "Condition"])
        #expect(definition.actions["Middle"]?.runAfter == ["Post_message": [.succeeded]])
        #expect(definition.actions["Compose"]?.runAfter == ["Middle": [.succeeded]])
    }

    @Test func insertFirstInABranchChainsTheOldFirst() {
        var definition = flow().definition
        StepTree.insert(Step(name: "Yes_0", type: .compose, inputs: "z"), at: .start(BranchRef(container: "Condition", branch: "actions")), in: &definition)
        let branch = definition.actions["Condition"]?.actions
        #expect(branch?.keys.elements == ["Yes_0", "Yes_1"])
        #expect(branch?["Yes_1"]?.runAfter == ["Yes_0": [.succeeded]])
        StepTree.insert(Step(name: "No_0", type: .compose, inputs: "n"), at: .start(BranchRef(container: "Condition", branch: "else")), in: &definition)
        #expect(definition.actions["Condition"]?.elseActions?.keys.elements == ["No_0"])
        #expect(StepTree.scope(of: "No_0", in: definition) == [BranchRef(container: "Condition", branch: "else")])
    }

    @Test func removeHandsPredecessorsToSuccessorsAndMoveStopsAtTheEnds() {
        var definition = flow().definition
        #expect(StepTree.remove("Compose", from: &definition)?.name == "Compose")
        #expect(definition.actions["Condition"]?.runAfter == ["Post_message": [.succeeded]])
        #expect(!StepTree.move("Post_message", by: -1, in: &definition))
        #expect(StepTree.move("Post_message", by: 1, in: &definition))
        #expect(definition.actions.keys.elements == ["Condition", "Post_message"])
        #expect(FlowChecker.check(Flow(id: "x", displayName: "x", trigger: Trigger(kind: .manual))).allSatisfy { $0.severity == .warning })
    }

    @Test func renameReachesNestedExpressionsAndUniqueNamesCount() {
        var original = flow()
        original.definition.actions["Condition"]?.actions?["Yes_1"]?.inputs = "@{outputs('Compose')}"
        let renamed = StepReferences.rename("Compose", to: "Build", in: original)
        #expect(renamed.definition.actions["Condition"]?.runAfter == ["Build": [.succeeded]])
        #expect(renamed.definition.actions["Condition"]?.actions?["Yes_1"]?.inputs == "@{outputs('Build')}")
        #expect(StepReferences.referrers(of: "Post_message", in: original) == ["Compose"])
        #expect(StepTree.uniqueName("Compose", in: original.definition) == "Compose_2")
    }
}
