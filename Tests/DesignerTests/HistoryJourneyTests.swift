import Designer
import FlowModel
import Foundation
import Testing
import TerminalUI

/// A person opens a flow's History from the Flows list or the canvas, reads a diff, restores a version; and an
/// edit never saved comes back after the designer was closed without saving. Over a real home (files on disk).
@MainActor @Suite struct HistoryJourneyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-history-\(UUID().uuidString)")
    var home: InsightFlowHome { InsightFlowHome(url: folder) }
    var store: FlowStore { FlowStore(home: home) }

    /// A home whose flow has two versions: v2 renamed Compose to Summary and changed the message text.
    func homeWithTwoVersions() throws -> Flow {
        let created = try store.create(sampleFlow())
        var edited = created
        let compose = edited.definition.actions.removeValue(forKey: "Compose")
        edited.definition.actions["Summary"] = compose.map { step in
            var step = step
            step.name = "Summary"
            return step
        }
        edited.definition.actions["Post_message"]?.inputs = ["connection": "teams", "text": "Refresh failed, see the run"]
        return try store.save(edited, expectedVersion: created.version, origin: .designer)
    }

    func session(_ size: Size = Size(width: 80, height: 24)) -> DesignerSession {
        DesignerSession(services: StoreDesignerServices(home: home), size: size, theme: .plain)
    }

    @Test func historyFromTheFlowsListShowsAStackedDiffAndRestoresAfterAConfirmation() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let v2 = try homeWithTwoVersions()
        let session = session()
        session.send([.down, .down, .enter])  // Home › Flows
        session.type("V")
        #expect(session.state.breadcrumb.last == "History", "\(session.screen)")
        #expect(session.screen.contains("2 now"), "\(session.screen)")
        #expect(session.screen.contains("1 renamed, 1 changed"), "\(session.screen)")
        session.send([.enter])  // what version 2 changed
        #expect(session.state.breadcrumb.last == "v1 → v2")
        let screen = session.screen
        #expect(screen.contains("+ Summary (Compose)  renamed from Compose"), "\(screen)")
        #expect(screen.contains("- Compose (Compose)"), "stacked below 120 columns: the old name on a - line\n\(screen)")
        #expect(screen.contains("+   inputs.text: Refresh failed, see the run"), "\(screen)")
        session.send([.escape, .down])  // back to the list, version 1
        session.type("r")
        #expect(session.screen.contains("Restore version 1"), "\(session.screen)")
        session.send([.enter])  // Cancel is the default button: nothing happens
        #expect(try store.load(id: v2.id).flow.version == 2)
        session.type("r")
        session.send([.left, .enter])  // Restore
        let restored = try store.load(id: v2.id).flow
        #expect(restored.version == 3)
        #expect(restored.definition.actions["Compose"] != nil && restored.definition.actions["Summary"] == nil)
        #expect(session.screen.contains("Restored version 1"), "\(session.screen)")
        #expect(session.screen.contains("3 now"), "the list shows the new version\n\(session.screen)")
        #expect(try store.versions(id: v2.id).map(\.version) == [3, 2, 1], "nothing was rewritten")
    }

    @Test func historyFromTheCanvasShowsTheDiffSideBySideAtWideTerminals() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try homeWithTwoVersions()
        let session = session(Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter])  // Home › Flows › canvas
        #expect(session.state.breadcrumb.last == "Canvas")
        session.type("V")
        session.send([.enter])
        let lines = session.screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("version 1") && $0.contains("version 2") }, "two columns\n\(session.screen)")
        #expect(lines.contains { $0.contains("- Compose (Compose)") && $0.contains("│ + Summary (Compose)  renamed from Compose") },
                "the old and the new name on one row\n\(session.screen)")
        // At 80 columns the same diff is stacked.
        session.dispatch(.resize(Size(width: 80, height: 24)))
        #expect(!session.screen.split(separator: "\n").contains { $0.contains("version 1") && $0.contains("version 2") && !$0.contains("→") })
        session.send([.escape, .escape])
        #expect(session.state.breadcrumb.last == "Canvas")
    }

    @Test func anUnsavedEditComesBackAfterTheDesignerWasClosed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try store.create(sampleFlow())
        let first = session()
        first.send([.down, .down, .enter, .enter, .down])  // canvas, the first step selected
        first.type("r")
        first.send([.ctrl("u")])
        first.type("Tell_team")
        first.send([.enter])
        #expect(first.state.document?.flow.definition.actions["Tell_team"] != nil)
        #expect(FileManager.default.fileExists(atPath: try store.draftFile(id: created.id).path), "the edit is kept beside the flow at once")
        // The terminal closes: no save, no dialog. A new designer opens the flow.
        let second = session()
        second.send([.down, .down, .enter, .enter])
        #expect(second.screen.contains("Unsaved draft found"), "\(second.screen)")
        second.send([.enter])  // Restore draft
        #expect(second.state.document?.flow.definition.actions["Tell_team"] != nil)
        #expect(second.state.document?.isDirty == true)
        second.send([.ctrl("s")])
        #expect(try store.load(id: created.id).flow.definition.actions["Tell_team"] != nil)
        #expect(try store.loadDraft(id: created.id) == nil, "a save removes the draft")
        #expect(try store.versions(id: created.id).first?.record?.via == .designer)
    }

    @Test func aDiscardedDraftIsGoneAndTheSavedFlowStays() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try store.create(sampleFlow())
        var draft = created
        draft.definition.actions["Extra"] = Step(name: "Extra", type: .compose, inputs: "not saved")
        try store.saveDraft(draft)
        let session = session()
        session.send([.down, .down, .enter, .enter])
        #expect(session.screen.contains("Unsaved draft found"))
        session.send([.right, .enter])  // Discard
        #expect(session.state.document?.flow.definition.actions["Extra"] == nil)
        #expect(try store.loadDraft(id: created.id) == nil)
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Flows", "nothing unsaved: Esc leaves without asking\n\(session.screen)")
    }

    @Test func aLongValueIsWrappedNotCutAndTheDiffScrolls() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try store.create(sampleFlow())
        var edited = created
        let long = (1...30).map { "word\($0)" }.joined(separator: " ") + " THE_END"
        edited.definition.actions["Post_message"]?.inputs = ["connection": "teams", "text": .string(long)]
        for n in 1...60 { edited.definition.actions["Extra_\(n)"] = Step(name: "Extra_\(n)", type: .compose, inputs: "x") }
        try store.save(edited, expectedVersion: 1)
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 30)] {
            let session = session(size)
            session.send([.down, .down, .enter])
            session.type("V")
            session.send([.enter])
            #expect(session.screen.contains("THE_END"), "the whole value is shown at \(size.width) columns\n\(session.screen)")
            #expect(!session.screen.contains("Extra_60"), "the last added step is below the fold")
            session.send([.end])
            #expect(session.screen.contains("Extra_60"), "End scrolls to the last line\n\(session.screen)")
            #expect(!session.screen.contains("THE_END"))
        }
    }
}
