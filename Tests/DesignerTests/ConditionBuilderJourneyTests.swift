@testable import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// The condition builder: rows of value ∘ operator ∘ value in And/Or groups, switchable to and from advanced mode.
@MainActor @Suite struct ConditionBuilderJourneyTests {
    /// A person builds `Count > 100 and Count < 1000` as rows, saves (object form), switches to advanced mode
    /// (expression text), back to rows and saves again (the same object form); the test run takes the If branch.
    @Test func aConditionBuiltInRowsRoundTripsThroughAdvancedModeAndRuns() async throws {
        let embedded = try await EmbeddedHome.open([conditionSampleFlow()])
        defer { embedded.close() }
        let session = embedded.session()
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down, .down])  // Count, Check
        #expect(session.state.document?.selected == "Check")
        session.send([.enter, .tab])  // the step form, at its condition
        session.send([.ctrl("g")])
        #expect(session.state.breadcrumb.last == "Condition builder", "\(session.state.breadcrumb)")
        #expect(session.screen.contains("all of these are true"), "\(session.screen)")
        session.send([.ctrl("d")])
        session.type("Count")  // filter the dynamic content to the Count step's outputs
        session.send([.enter])
        #expect(session.screen.contains("@outputs('Count')"), "a token alone is the value itself, not @{…}: \(session.screen)")
        session.send([.tab, .right, .right, .tab])  // is greater than
        session.type("100")
        session.send([.ctrl("n")])
        session.type("@outputs('Count')")
        session.send([.tab, .right, .right, .right, .right, .tab])  // is less than
        session.type("1000")
        #expect(session.screen.contains("Advanced: @and(greater(outputs('Count'), 100), less(outputs('Count'), 1000))"), "\(session.screen)")
        session.send([.enter])  // into the field
        #expect(session.screen.contains("= outputs('Count') > 100 and outputs('Count') < 1000"), "the form reads the object form out: \(session.screen)")
        session.send([.enter, .ctrl("s")])  // apply the form, save the flow
        #expect(session.screen.contains("if outputs('Count') > 100 and outputs('Count') < 1000"), "the card reads it too: \(session.screen)")
        let objectForm: JSONValue = .object(["and": .array([
            .object(["greater": .array([.string("@outputs('Count')"), .int(100)])]),
            .object(["less": .array([.string("@outputs('Count')"), .int(1000)])]),
        ])])
        #expect(try FlowStore(home: embedded.home).load(id: "sizes").flow.definition.actions["Check"]?.expression == objectForm)

        session.send([.enter, .tab, .ctrl("g")])
        #expect(session.screen.contains("is greater than") && session.screen.contains("is less than"), "\(session.screen)")
        session.send([.ctrl("t")])  // advanced mode
        session.send([.enter, .ctrl("s")])
        let advanced = try FlowStore(home: embedded.home).load(id: "sizes").flow.definition.actions["Check"]?.expression
        #expect(advanced == .string("@and(greater(outputs('Count'), 100), less(outputs('Count'), 1000))"))

        session.send([.enter, .tab, .ctrl("g")])  // rows again, from the expression text
        session.send([.enter, .enter, .ctrl("s")])
        #expect(try FlowStore(home: embedded.home).load(id: "sizes").flow.definition.actions["Check"]?.expression == objectForm)

        session.type("t")
        session.send([.ctrl("r")])
        var steps: [StepRecord] = []
        for _ in 0..<250 where !steps.contains(where: { $0.stepName == "Check" && $0.status != .running }) {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
            if let run = try embedded.host.history.runs(flowId: "sizes").first { steps = try embedded.host.history.steps(runId: run.id) }
        }
        #expect(steps.last { $0.stepName == "Big" }?.status == .succeeded, "\(steps.map { ($0.stepName, $0.status) })")
        #expect(steps.last { $0.stepName == "Small" } == nil || steps.last { $0.stepName == "Small" }?.status == .skipped)
    }

    /// Groups nest, the operator list wraps, a row is deleted, And/Or toggles; an empty value is refused naming the row.
    @Test func groupsDeletionAndAnEmptyValue() throws {
        let (session, services) = makeSession(flows: [conditionSampleFlow()])
        session.send([.down, .down, .enter, .enter, .down, .down, .enter, .tab, .ctrl("g")])
        session.type("@outputs('Count')")
        session.send([.tab, .left, .left])  // equals → is not empty → is empty
        #expect(session.screen.contains("‹ is empty ›"), "\(session.screen)")
        session.send([.ctrl("g")])  // a nested Or group with one row
        #expect(session.screen.contains("any of these is true"), "\(session.screen)")
        session.send([.enter])
        #expect(session.screen.contains("! row 2.1: choose a value to compare"), "\(session.screen)")
        session.type("a")
        session.send([.tab, .right, .right, .right, .right, .right, .right, .tab])  // contains
        session.type("b")
        session.send([.up])  // the Or heading
        session.send([.right])  // Or → And
        #expect(session.screen.contains("Advanced: @and(empty(outputs('Count')), contains('a', 'b'))"), "\(session.screen)")
        session.send([.down, .function(8)])  // delete the nested group's row
        session.send([.enter])
        #expect(session.screen.contains("! group 2 has no rows"), "\(session.screen)")
        session.send([.function(8), .enter, .enter, .ctrl("s")])  // the empty group's heading is selected: delete it
        #expect(services.flows["sizes"]?.definition.actions["Check"]?.expression
            == .object(["and": .array([.object(["empty": .array([.string("@outputs('Count')")])])])]))
    }

    /// A condition basic mode cannot show stays in advanced mode, saying why; Esc in an unchanged builder changes nothing.
    @Test func anUnrepresentableConditionStaysInAdvancedMode() throws {
        var flow = conditionSampleFlow()
        flow.definition.actions["Check"]?.expression = .string("@not(greater(outputs('Count'), 3))")
        let (session, services) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter, .down, .down, .enter, .tab, .ctrl("g")])
        #expect(session.screen.contains("stays in advanced mode: basic mode has no operator for"), "\(session.screen)")
        #expect(session.screen.contains("not(greater)"), "\(session.screen)")
        #expect(session.state.breadcrumb.last == "Check")
        session.send([.escape])
        session.send([.enter, .tab, .ctrl("u")])
        session.type("@equals(1, 1)")
        session.send([.ctrl("g"), .escape])
        #expect(session.state.breadcrumb.last == "Check")
        session.send([.enter, .ctrl("s")])
        #expect(services.flows["sizes"]?.definition.actions["Check"]?.expression == .string("@equals(1, 1)"))
    }

    /// Conformance table: each object form and its expression text are the same rows, both ways.
    @Test(arguments: [
        (#"{"and":[{"equals":["@triggerBody()?['name']","VIPs"]}]}"#, "@equals(triggerBody()?['name'], 'VIPs')"),
        (#"{"or":[{"not":{"contains":["@variables('s')","x"]}},{"startsWith":["abc","a"]}]}"#, "@or(not(contains(variables('s'), 'x')), startsWith('abc', 'a'))"),
        (#"{"and":[{"greaterOrEquals":["@outputs('N')",2.5]},{"or":[{"endsWith":["@body('B')","z"]},{"not":{"empty":["@body('B')"]}}]}]}"#,
         "@and(greaterOrEquals(outputs('N'), 2.5), or(endsWith(body('B'), 'z'), not(empty(body('B')))))"),
        (#"{"and":[{"lessOrEquals":["@outputs('N')",true]},{"less":["@@literal",null]}]}"#, "@and(lessOrEquals(outputs('N'), true), less('@literal', null))"),
    ])
    func objectFormAndExpressionTextAreTheSameRows(object: String, expression: String) throws {
        let objectValue = try JSONValue.parse(object)
        let fromObject = try ConditionConversion.group(from: objectValue)
        #expect(try ConditionConversion.expressionText(fromObject) == expression)
        let fromText = try ConditionConversion.group(from: .string(expression))
        #expect(try ConditionConversion.objectForm(fromText) == objectValue)
        #expect(try ConditionConversion.objectForm(fromObject) == objectValue)
    }

    /// A string that looks like a number keeps its type while unedited; once typed, numbers are numbers.
    @Test func operandTypesSurviveUntilEdited() throws {
        var group = try ConditionConversion.group(from: .string("@equals(outputs('Code'), '100')"))
        #expect(try ConditionConversion.objectForm(group) == .object(["and": .array([.object(["equals": .array([.string("@outputs('Code')"), .string("100")])])])]))
        group.updateRow(at: [0]) { $0.right.text = "200" }
        #expect(try ConditionConversion.expressionText(group) == "@equals(outputs('Code'), 200)")
    }
}

/// Trigger conditions: the trigger form's condition field and its builder (expression text only, as the file keeps it).
@MainActor @Suite struct TriggerConditionBuilderJourneyTests {
    @Test func aTriggerConditionIsBuiltAsRowsAndSavedAsExpressionText() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // the canvas, the trigger selected
        session.send([.enter])  // the trigger form
        #expect(session.screen.contains("Trigger condition"), "\(session.screen)")
        session.send([.ctrl("g")])
        #expect(session.state.breadcrumb.last == "Condition builder", "\(session.state.breadcrumb)")
        session.send([.ctrl("d")])  // a trigger condition sees the trigger's outputs
        session.type("data source name")
        session.send([.enter])
        #expect(session.screen.contains("['dataSourceName']"), "\(session.screen)")
        session.send([.tab, .right, .right, .right, .right, .right, .right, .right, .right, .tab])  // starts with
        session.type("crm")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Trigger", "\(session.state.breadcrumb)")
        session.send([.enter, .ctrl("s")])
        #expect(services.flows["teams-alert"]?.trigger?.conditions == ["@startsWith(triggerBody()?['dataSourceName'], 'crm')"])

        session.send([.enter, .ctrl("g")])  // back into rows from the saved text
        #expect(session.screen.contains("starts with"), "\(session.screen)")
        session.send([.escape])
        session.send([.ctrl("x")])
        session.send([.enter])
        // A condition that is not an expression is refused with the fix, and nothing is written.
        session.send(Array(repeating: .down, count: 8))  // the last field
        #expect(session.screen.contains("› Trigger condition"), "\(session.screen)")
        session.send([.ctrl("u")])
        session.type("crm")
        session.send([.enter])
        #expect(session.screen.contains("an expression starting with @"), "\(session.screen)")
        #expect(services.flows["teams-alert"]?.trigger?.conditions == ["@startsWith(triggerBody()?['dataSourceName'], 'crm')"])
    }
}
