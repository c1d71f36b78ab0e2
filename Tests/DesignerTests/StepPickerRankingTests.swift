import Designer
import FlowModel
import Testing
import TerminalUI

/// The step picker lists name matches before description matches, so typing a step's name finds it first.
@MainActor @Suite struct StepPickerRankingTests {
    @Test func typingSelectListsSelectFirstAndEnterAddsIt() throws {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 40))
        session.send([.down, .down, .enter, .enter, .down, .down, .character("a")])
        session.type("select")
        let lines = session.screen.split(separator: "\n").map(String.init)
        let items = lines.filter { $0.contains("Select") || $0.contains("Get items from an entity") }
        let first = try #require(items.first)
        #expect(first.contains("Select") && !first.contains("Get items"), "the name match comes first: \(items)")
        #expect(items.contains { $0.contains("Get items from an entity") }, "the description match is still listed")
        session.send([.enter])
        let flow = try #require(session.state.document?.flow)
        #expect(flow.definition.actions.values.contains { $0.type == .select })
        #expect(!flow.definition.actions.values.contains { $0.type == .getItems })
    }

    @Test func createItemIsAddedFromThePickerWithItsForm() throws {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 40))
        session.send([.down, .down, .enter, .enter, .down, .down, .character("a")])
        session.type("create item")
        session.send([.enter])
        #expect(session.screen.contains("Entity"))
        #expect(session.screen.contains("Item"))
        let flow = try #require(session.state.document?.flow)
        let step = try #require(flow.definition.actions.values.first { $0.type == .createItem })
        #expect(step.name == "Create_item")
    }
}
