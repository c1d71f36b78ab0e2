import Designer
import FlowExpressions
import FlowModel
import Foundation
import Testing
import TerminalUI

/// The designer with the data operations: the picker, the generated forms (including an Expression action's `kind`),
/// Parse JSON's typed dynamic content and the canvas lines.
@MainActor @Suite struct DataOperationDesignerTests {
    /// A flow with a Parse JSON step, a Select after it and a Compose after that.
    func dataFlow() -> Flow {
        var flow = sampleFlow(id: "data-ops", name: "Data ops")
        flow.definition.actions = [:]
        flow.definition.actions["Parse_JSON"] = Step(name: "Parse_JSON", type: .parseJson, inputs: [
            "content": "@triggerBody()",
            "schema": ["type": "object", "properties": ["customerId": ["type": "string"], "orders": ["type": "array"], "it's": ["type": "integer"]]],
        ])
        flow.definition.actions["Select"] = Step(name: "Select", type: .select, inputs: ["from": "@body('Parse_JSON')?['orders']", "select": ["id": "@item()?['id']"]],
                                                 runAfter: ["Parse_JSON": [.succeeded]])
        flow.definition.actions["Compose"] = Step(name: "Compose", type: .compose, inputs: "@body('Select')", runAfter: ["Select": [.succeeded]])
        return flow
    }

    @Test func parseJsonOffersItsSchemaPropertiesAsDynamicContent() {
        let options = DynamicContent.options(for: "Compose", in: dataFlow())
        let parsed = options.filter { $0.source == "Parse_JSON" }
        #expect(parsed.map(\.name) == ["Body", "customerId", "orders", "it's"])
        #expect(parsed.map(\.token).contains("@{body('Parse_JSON')?['customerId']}"))
        #expect(parsed.map(\.token).contains("@{body('Parse_JSON')?['it''s']}"), "a quote in a property name is doubled")
        #expect(options.contains { $0.source == "Select" && $0.token == "@{body('Select')}" })
        #expect(DynamicContent.options(for: "Parse_JSON", in: dataFlow()).allSatisfy { $0.source != "Parse_JSON" }, "a step never sees its own outputs")
    }

    @Test func theCanvasDrawsTheNewCards() {
        let (session, _) = makeSession(flows: [dataFlow()], size: Size(width: 100, height: 30))
        session.send([.down, .down, .enter, .enter])
        #expect(session.screen.contains("Parse JSON"))
        #expect(session.screen.contains("parse @triggerBody() → customerId, orders, it's"))
        #expect(session.screen.contains("from @body('Parse_JSON')?['orders'] select id"))
        #expect(!session.screen.contains("unsupported step type"))
    }

    @Test func aDateTimeActionIsAddedFromThePickerAndItsKindEdited() throws {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 40))
        session.send([.down, .down, .enter, .enter, .down, .down, .character("a")])
        session.type("Date Time")
        session.send([.enter])
        #expect(session.screen.contains("Operation"))
        #expect(session.screen.contains("Base time"))
        session.send([.tab, .right])
        session.send([.tab, .tab])
        session.type("5")
        session.send([.tab])
        for _ in 0..<3 { session.send([.right]) }
        session.send([.enter])
        let flow = try #require(session.state.document?.flow)
        let step = try #require(flow.definition.actions.values.first { $0.type == .expression })
        #expect(step.extra["kind"] == "GetFutureTime")
        #expect(step.inputs?["interval"] == 5)
        #expect(step.inputs?["timeUnit"] == "Day")
        #expect(FlowChecker.check(flow).filter { $0.severity == .error && $0.step == step.name }.isEmpty)
    }

    @Test func theParseJsonFormEditsTheSchemaAsJSON() throws {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 40))
        session.send([.down, .down, .enter, .enter, .down, .down, .character("a")])
        session.type("Parse JSON")
        session.send([.enter, .tab])
        session.type("@triggerBody()")
        session.send([.tab])
        session.type(#"{"type": "object", "properties": {"n": {"type": "integer"}}}"#)
        session.send([.enter])
        let flow = try #require(session.state.document?.flow)
        let step = try #require(flow.definition.actions.values.first { $0.type == .parseJson })
        #expect(step.inputs?["content"] == "@triggerBody()")
        #expect(step.inputs?.value(atPath: "schema.properties.n.type") == "integer")
    }
}
