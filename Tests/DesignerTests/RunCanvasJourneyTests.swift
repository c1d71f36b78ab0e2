import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// A person opens a failed run on the canvas (as its flow was when it ran), browses a loop's iterations, reads a
/// step's outputs; and on the canvas replays the draft against recorded events. Over a real home and history: the
/// runs are made by the embedded runner from accepted events.
@MainActor @Suite(.serialized) struct RunCanvasJourneyTests {
    /// Source refresh failed → for each of 1, 0, 2, 0: Ratio = div(10, item) (fails on 0) → Notify (skipped).
    static func loopFlow() -> Flow {
        var flow = Flow(id: "loop-alert", displayName: "Loop alert", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.state = .on
        var loop = Step(name: "Each", type: .foreach)
        loop.foreach = "@createArray(1, 0, 2, 0)"
        loop.runtimeConfiguration = ["concurrency": ["repetitions": 1]]
        loop.actions = ["Ratio": Step(name: "Ratio", type: .compose, inputs: "@div(10, item())")]
        flow.definition.actions["Each"] = loop
        flow.definition.actions["Notify"] = Step(name: "Notify", type: .compose, inputs: "Source @{triggerBody()?['dataSourceName']} failed",
                                                 runAfter: ["Each": [.succeeded]])
        return flow
    }

    /// Segment VIP crosses 10 → an HTTP POST (recorded, never sent: the URL is a closed port).
    static func thresholdFlow(threshold: Int = 10) -> Flow {
        var flow = Flow(id: "vip-alert", displayName: "VIP alert", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "VIP", "threshold": .int(threshold)]))
        flow.state = .on
        var hook = Step(name: "Hook", type: .http, inputs: ["method": "POST", "uri": "http://127.0.0.1:9/hook", "body": "VIP now @{triggerBody()?['currentCount']}"])
        hook.retryPolicy = RetryPolicy(kind: .none)
        flow.definition.actions["Hook"] = hook
        return flow
    }

    /// Accepts an event and waits for the runs it caused.
    func fire(_ embedded: EmbeddedHome, _ type: String, _ fields: JSONValue) async throws -> [RunRecord] {
        let accepted = try await embedded.client.accept(event: ["type": .string(type), "fields": fields], origin: .cli)
        var runs: [RunRecord] = []
        for id in accepted.runIds { runs.append(try await embedded.client.waitForRun(id)) }
        return runs
    }

    /// Ticks until `done` or about five seconds.
    func settle(_ session: DesignerSession, until done: () -> Bool) async throws {
        for _ in 0..<250 where !done() {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
    }

    /// Home › Monitor › h (run history of all flows), the newest run selected.
    func openRunHistory(_ session: DesignerSession) {
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("h")
        session.dispatch(.tick)
    }

    @Test func aFailedRunOnTheCanvasColoursTheFailedCardAndBrowsesTheLoop() async throws {
        let embedded = try await EmbeddedHome.open([Self.loopFlow()])
        defer { embedded.close() }
        let runs = try await fire(embedded, "DataSourceRefreshFailed", ["dataSourceName": "Webshop", "errorMessage": "row 7"])
        #expect(runs.first?.status == .failed)
        let session = Self.session(embedded, Size(width: 100, height: 40))
        openRunHistory(session)
        #expect(session.screen.contains("Loop alert"), "\(session.screen)")
        session.type("c")
        #expect(session.state.breadcrumb.last == "Run on canvas", "\(session.screen)")
        var screen = session.screen
        #expect(screen.contains("v1, as when the run started"), "\(screen)")
        // The failed card is selected and its summary says why; the step after the loop never ran.
        #expect(screen.contains("⟳ iteration 2 of 4 · 2 failed"), "the first failed iteration is shown\n\(screen)")
        #expect(screen.contains("Failed ·") && screen.lowercased().contains("divi"), "\(screen)")
        #expect(screen.contains("Skipped"), "Notify ran after a failed loop\n\(screen)")
        #expect(cellStyle(session, containing: "Failed ·")?.attributes.contains(.underline) == true,
                "the failed card's status line takes the error role")
        #expect(cellStyle(session, containing: "Succeeded · ")?.attributes.contains(.underline) != true)
        session.type("]")
        screen = session.screen
        #expect(screen.contains("⟳ iteration 3 of 4"), "\(screen)")
        #expect(screen.contains("Succeeded · ") && screen.contains("· 5"), "iteration 3 divides 10 by 2\n\(screen)")
        session.type("F")
        #expect(session.screen.contains("⟳ iteration 4 of 4 · 2 failed"), "\(session.screen)")
        session.type("F")
        #expect(session.screen.contains("⟳ iteration 2 of 4"), "F wraps to the first failed iteration\n\(session.screen)")
        session.type("[")
        #expect(session.screen.contains("⟳ iteration 1 of 4"), "\(session.screen)")
        session.type("F")
        // Enter: the step's record in full; folding by level; Y copies it.
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Ratio", "\(session.screen)")
        screen = session.screen
        #expect(screen.contains("\"iteration\": \"Each[1]\""), "\(screen)")
        #expect(screen.contains("\"error\":"), "\(screen)")
        session.type("0")
        #expect(session.screen.contains("folded below level 1"), "\(session.screen)")
        session.type("*")
        #expect(session.screen.contains("folded below level"), "\(session.screen)")
        session.type("Y")
        #expect(session.state.terminalCopy?.contains("\"step\": \"Ratio\"") == true)
        session.send([.escape, .escape])
        #expect(session.state.breadcrumb.last?.hasPrefix("Runs") == true, "\(session.state.breadcrumb)")
    }

    /// Outer over 0, 1; Inner over 1, 0; Ratio = 10 / (inner + outer): only Outer[0].Inner[1] divides by zero.
    static func nestedFlow() -> Flow {
        var flow = Flow(id: "nested", displayName: "Nested", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.state = .on
        var inner = Step(name: "Inner", type: .foreach)
        inner.foreach = "@createArray(1, 0)"
        inner.runtimeConfiguration = ["concurrency": ["repetitions": 1]]
        inner.actions = ["Ratio": Step(name: "Ratio", type: .compose, inputs: "@div(10, add(items('Inner'), items('Outer')))")]
        var outer = Step(name: "Outer", type: .foreach)
        outer.foreach = "@createArray(0, 1)"
        outer.runtimeConfiguration = ["concurrency": ["repetitions": 1]]
        outer.actions = ["Inner": inner]
        flow.definition.actions["Outer"] = outer
        return flow
    }

    @Test func nestedLoopsBrowseEachLoopAndTheInnerCardsFollowBoth() async throws {
        let embedded = try await EmbeddedHome.open([Self.nestedFlow()])
        defer { embedded.close() }
        _ = try await fire(embedded, "DataSourceRefreshFailed", ["dataSourceName": "Webshop", "errorMessage": "row 7"])
        let session = embedded.session(Size(width: 100, height: 40))
        openRunHistory(session)
        session.type("c")
        var screen = session.screen
        #expect(screen.contains("Outer  ⟳ iteration 1 of 2 · 1 failed"), "\(screen)")
        #expect(screen.contains("Inner  ⟳ iteration 2 of 2 · 1 failed"), "the failed record's iterations are chosen\n\(screen)")
        #expect(screen.contains("divide by zero"), "\(screen)")
        session.type("[")  // Ratio is selected: [ acts on its innermost loop
        screen = session.screen
        #expect(screen.contains("Inner  ⟳ iteration 1 of 2 · 1 failed") && screen.contains("Succeeded · ") && screen.contains("· 10"), "\(screen)")
        session.send([.up, .up])  // the Outer card
        session.type("]")
        screen = session.screen
        #expect(screen.contains("Outer  ⟳ iteration 2 of 2 · 1 failed"), "\(screen)")
        #expect(screen.contains("Inner  ⟳ iteration 1 of 2") && !screen.contains("Inner  ⟳ iteration 1 of 2 · 1 failed"),
                "inside Outer[1] no inner iteration failed\n\(screen)")
        #expect(screen.contains("Succeeded · ") && screen.contains("· 5"), "Ratio of Outer[1].Inner[0] is 10 / 2\n\(screen)")
        session.send([.down])
        session.type("F")
        #expect(session.screen.contains("No iteration of Inner failed"), "\(session.screen)")
    }

    @Test func theRunShowsTheVersionItRanAndWarnsWhenThatVersionIsGone() async throws {
        let embedded = try await EmbeddedHome.open([Self.loopFlow()])
        defer { embedded.close() }
        _ = try await fire(embedded, "DataSourceRefreshFailed", ["dataSourceName": "Webshop", "errorMessage": "row 7"])
        // Version 2 renames Notify to Tell after the run.
        let store = FlowStore(home: embedded.home)
        var v2 = try store.load(id: "loop-alert").flow
        let removed = v2.definition.actions.removeValue(forKey: "Notify")
        var notify = try #require(removed)
        notify.name = "Tell"
        v2.definition.actions["Tell"] = notify
        _ = try store.save(v2, expectedVersion: 1, origin: .designer)
        let session = embedded.session(Size(width: 100, height: 40))
        openRunHistory(session)
        session.type("c")
        #expect(session.screen.contains("v1, as when the run started"), "\(session.screen)")
        #expect(session.screen.contains("Notify") && !session.screen.contains("Tell"), "the canvas shows version 1\n\(session.screen)")
        session.send([.escape])
        // The kept version 1 is gone (retention): the current flow with a warning.
        try FileManager.default.removeItem(at: embedded.home.flowsFolder.appendingPathComponent(".history/loop-alert/1.json"))
        session.type("c")
        #expect(session.screen.contains("Version 1 of this flow is no longer kept"), "\(session.screen)")
        #expect(session.screen.contains("Tell"), "\(session.screen)")
    }

    @Test func monitorAndRunDetailOpenTheCanvasWithC() async throws {
        let embedded = try await EmbeddedHome.open([Self.loopFlow()])
        defer { embedded.close() }
        _ = try await fire(embedded, "DataSourceRefreshFailed", ["dataSourceName": "Webshop", "errorMessage": "row 7"])
        let session = embedded.session(Size(width: 100, height: 40))
        openRunHistory(session)
        session.send([.enter])
        session.dispatch(.tick)
        #expect(session.state.breadcrumb.last?.hasPrefix("Run ") == true, "\(session.screen)")
        session.type("c")
        #expect(session.state.breadcrumb.last == "Run on canvas", "\(session.screen)")
        session.type("?")
        #expect(session.screen.contains("the next iteration of the loop in which a step failed"), "the help lists the run view's keys\n\(session.screen)")
    }

    @Test func replayingTheLastEventsComparesTheDraftWithTheSavedVersion() async throws {
        let embedded = try await EmbeddedHome.open([Self.thresholdFlow()])
        defer { embedded.close() }
        // Saved threshold 10: 5 is the baseline, 12 crosses, 8 does not, 15 crosses.
        var saved: [Int: [RunRecord]] = [:]
        for count in [5, 12, 8, 15] {
            saved[count] = try await fire(embedded, "SegmentRefreshed", ["segmentName": "VIP", "currentCount": .int(count)])
        }
        #expect(saved[12]?.count == 1 && saved[15]?.count == 1 && saved[5]?.isEmpty == true && saved[8]?.isEmpty == true)
        // The draft raises the threshold to 13 (unsaved, offered back on open): 12 no longer fires, 15 (from 8) still does.
        try openDraft(embedded, Self.thresholdFlow(threshold: 13))
        let session = embedded.session(Size(width: 140, height: 30))
        session.send([.down, .down, .enter, .enter])  // Home › Flows › VIP alert
        session.send([.enter])  // Restore draft
        #expect(session.state.breadcrumb.last == "Canvas", "\(session.screen)")
        #expect(session.state.document?.isDirty == true, "\(session.screen)")
        session.type("L")
        #expect(session.screen.contains("Replay recorded events"), "\(session.screen)")
        session.send([.enter])
        try await settle(session) { session.state.breadcrumb.last == "Replay" }
        let screen = session.screen
        #expect(session.state.breadcrumb.last == "Replay", "\(screen)")
        #expect(screen.contains("4 event(s): draft fires 1, saved version ran 2 · 1 differ"), "\(screen)")
        let twelve = try #require(screen.split(separator: "\n").first { $0.contains("VIP = 12") }, "\(screen)")
        #expect(twelve.contains("no: 5 → 12 vs 13: not crossed") && twelve.contains("Failed (v1)"), "\(screen)")
        let fifteen = try #require(screen.split(separator: "\n").first { $0.contains("VIP = 15") })
        #expect(fifteen.contains("yes") && fifteen.contains("POST http://127.0.0.1:9/hook"), "\(fifteen)")
        let five = try #require(screen.split(separator: "\n").first { $0.contains("VIP = 5") })
        #expect(five.contains("baseline 5") && five.contains("did not fire"), "\(screen)")
        // Nothing was sent and nothing was written: the history still holds the saved version's two runs only.
        #expect(try embedded.host.history.runs(flowId: "vip-alert").count == 2)
        // Enter on the 15 row: the draft's dry run on the canvas.
        let rows = screen.split(separator: "\n")
        let firstRow = try #require(rows.firstIndex { $0.contains("VIP = ") })
        let target = try #require(rows.firstIndex { $0.contains("VIP = 15") })
        session.send(Array(repeating: .down, count: target - firstRow) + [.enter])
        #expect(session.state.breadcrumb.last == "Run on canvas", "\(session.screen)")
        #expect(session.screen.contains("draft, dry replay"), "\(session.screen)")
        #expect(session.screen.contains("Succeeded (dry run)"), "\(session.screen)")
    }

    @Test func testingTheDraftWithAPickedRecordedEventShowsItsRunOnTheCanvas() async throws {
        let embedded = try await EmbeddedHome.open([Self.loopFlow()])
        defer { embedded.close() }
        _ = try await fire(embedded, "DataSourceRefreshFailed", ["dataSourceName": "Webshop", "errorMessage": "row 7"])
        _ = try await fire(embedded, "DataSourceRefreshFailed", ["dataSourceName": "CRM", "errorMessage": "timeout"])
        // The draft fixes the loop (no zeros) before replaying.
        var fixed = Self.loopFlow()
        fixed.definition.actions["Each"]?.foreach = "@createArray(1, 2)"
        try openDraft(embedded, fixed)
        let session = embedded.session(Size(width: 100, height: 40))
        session.send([.down, .down, .enter, .enter])
        session.send([.enter])  // Restore draft
        #expect(session.state.document?.isDirty == true, "\(session.screen)")
        session.type("T")
        #expect(session.state.breadcrumb.last == "Recorded events", "\(session.screen)")
        #expect(session.screen.contains("CRM") && session.screen.contains("Webshop"), "\(session.screen)")
        session.type("/")
        session.type("Webshop")
        session.send([.enter, .enter])
        try await settle(session) { session.state.breadcrumb.last == "Run on canvas" }
        let screen = session.screen
        #expect(session.state.breadcrumb.last == "Run on canvas", "\(screen)")
        #expect(screen.contains("Succeeded (dry run)"), "the draft's loop no longer divides by zero\n\(screen)")
        #expect(screen.contains("Source Webshop failed"), "Notify ran with the picked event\n\(screen)")
        #expect(try embedded.host.history.runs(flowId: "loop-alert").count == 2, "the replay wrote nothing")
    }

    /// Keeps `flow` as the unsaved draft of the stored flow of its id (as the designer's autosave does).
    func openDraft(_ embedded: EmbeddedHome, _ flow: Flow) throws {
        let store = FlowStore(home: embedded.home)
        var draft = flow
        draft.version = try store.load(id: flow.id).flow.version
        try store.saveDraft(draft)
    }

    /// The designer on the home with a theme whose error role is underlined (the plain theme has no colours).
    static func session(_ embedded: EmbeddedHome, _ size: Size) -> DesignerSession {
        var error = RoleDefinition()
        error.attributes = .underline
        var selection = RoleDefinition()
        selection.attributes = .reverse
        let theme = Theme(name: "test", roles: [.error: error, .selection: selection, .focusedField: selection], mode: .none, glyphs: .unicode)
        let link = embedded.link
        return DesignerSession(services: StoreDesignerServices(home: embedded.home, runs: { link.lastRuns() }, runner: link), size: size, theme: theme)
    }

    /// The style of the first cell of the first screen line containing `text`.
    func cellStyle(_ session: DesignerSession, containing text: String) -> Style? {
        let lines = session.screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = lines.firstIndex(where: { $0.contains(text) }), let range = lines[row].range(of: text) else { return nil }
        let column = lines[row].distance(from: lines[row].startIndex, to: range.lowerBound)
        return session.render()[column, row].style
    }
}
