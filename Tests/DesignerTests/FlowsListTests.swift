import Designer
import FlowModel
import Testing
import TerminalUI

@MainActor @Suite struct FlowsListTests {
    private func flowsList() -> (DesignerSession, InMemoryDesignerServices) {
        let (session, services) = makeSession(flows: [sampleFlow(), sampleFlow(id: "email-owners", name: "Email owners")])
        session.send([.down, .down, .enter])
        return (session, services)
    }

    @Test func listsSortsAndFilters() {
        let (session, _) = flowsList()
        expectScreen(session, "flows-list-80x24")
        session.send([.character("/")])
        session.type("teams")
        session.send([.enter])
        #expect(session.screen.contains("1 of 2 flow(s)"))
        #expect(!session.screen.contains("Email owners"))
    }

    @Test func renameDuplicateDeleteAndOnOff() {
        let (session, services) = flowsList()
        session.send([.character("r"), .ctrl("u")])
        session.type("Owners mail")
        session.send([.enter])
        #expect(services.flows["email-owners"]?.displayName == "Owners mail")
        session.send([.character("c"), .enter])
        #expect(services.flows.count == 3)
        session.send([.character("o")])
        #expect(session.screen.contains("is now On") || session.screen.contains("cannot be turned On"))
        session.send([.end, .character("d"), .character("c")])
        #expect(services.flows.count == 3)
        session.send([.character("d"), .character("d")])
        #expect(services.flows.count == 2)
    }

    @Test func exportThenImport() {
        let (session, services) = flowsList()
        session.send([.character("x"), .ctrl("u")])
        session.type("/tmp/out.json")
        session.send([.enter])
        #expect(services.files["/tmp/out.json"] != nil)
        session.send([.character("i")])
        session.type("/tmp/out.json")
        session.send([.enter])
        #expect(services.flows.count == 3)
        #expect(services.flows.values.contains { $0.displayName == "Email owners" && $0.id != "email-owners" })
    }
}
