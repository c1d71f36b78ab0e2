import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

/// Every kind of save keeps the previous version; restore adds a version; retention prunes; the index ignores it.
@Suite struct FlowHistoryTests {
    let folder = Fixtures.temporaryFolder()
    var store: FlowStore { FlowStore(folder: folder, retention: HistoryRetention(keepVersions: 0)) }

    @Test func everyKindOfSaveKeepsThePreviousVersion() throws {
        let created = try store.create(Fixtures.teamsFlow(), origin: .cli)
        var edited = created
        edited.displayName = "Edited"
        let saved = try store.save(edited, expectedVersion: 1, origin: .designer)
        try store.rename(id: created.id, to: "Renamed", origin: .cli)
        try store.setState(id: created.id, .on)
        let versions = try store.versions(id: created.id)
        #expect(versions.map(\.version) == [4, 3, 2, 1])
        #expect(versions.first?.isCurrent == true)
        #expect(versions.map { $0.record?.via } == [.other, .cli, .designer, .cli])
        #expect(try store.load(id: created.id, version: 1).displayName == "Teams on refresh failure")
        #expect(try store.load(id: created.id, version: 2) == saved)
        #expect(try store.load(id: created.id, version: 3).displayName == "Renamed")
        // The archived version is the file exactly as it was.
        let archived = try AtomicFile.read(store.history.versionFile(id: created.id, version: 2))
        #expect(archived == FlowCodec.encode(saved))
    }

    @Test func importedFlowsStartTheirHistory() throws {
        let created = try store.createWithFreeID(Fixtures.emailFlow(), basedOn: "Email", origin: .import)
        #expect(try store.versions(id: created.id).map { $0.record?.via } == [.import])
    }

    @Test func restoreAddsAVersionAndNeverRewritesHistory() throws {
        let created = try store.create(Fixtures.teamsFlow())
        var edited = created
        let inputs = edited.definition.actions["Post_message"]?.inputs?.setting("Changed title", atPath: "title")
        edited.definition.actions["Post_message"]?.inputs = inputs
        edited.definition.actions["Extra"] = Step(name: "Extra", type: .compose, inputs: "x")
        try store.save(edited, expectedVersion: 1)
        try store.setState(id: created.id, .on)
        let restored = try store.restore(id: created.id, version: 1)
        #expect(restored.version == 4)
        #expect(restored.definition == created.definition)
        #expect(restored.state == .on, "a restore keeps the flow's On/Off state")
        #expect(try store.versions(id: created.id).map(\.version) == [4, 3, 2, 1])
        #expect(try store.load(id: created.id, version: 2).definition.actions["Extra"] != nil)
        #expect(try store.versions(id: created.id).first?.record?.note == "restored from version 1")
        #expect(throws: FlowStoreError.versionNotFound(id: created.id, version: 9, kept: [1, 2, 3, 4])) {
            try store.restore(id: created.id, version: 9)
        }
    }

    @Test func retentionKeepsTheNewestVersions() throws {
        let limited = FlowStore(folder: folder, retention: HistoryRetention(keepVersions: 3))
        var flow = try limited.create(Fixtures.teamsFlow())
        for n in 1...20 {
            flow.displayName = "Edit \(n)"
            flow = try limited.save(flow, expectedVersion: flow.version)
        }
        #expect(limited.history.archivedVersions(id: flow.id) == [18, 19, 20])
        #expect(try limited.versions(id: flow.id).map(\.version) == [21, 20, 19, 18])
    }

    @Test func retentionIsReadFromTheSettingsFileWithAClearProblem() throws {
        let home = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let settings = home.appendingPathComponent("settings.json")
        try Data(#"{"history": {"keepVersions": 5}}"#.utf8).write(to: settings)
        #expect(HistoryRetention.load(homeFolder: home).keepVersions == 5)
        try Data(#"{"history": {"keepVersions": "lots"}}"#.utf8).write(to: settings)
        let bad = HistoryRetention.load(homeFolder: home)
        #expect(bad.keepVersions == HistoryRetention.standard.keepVersions)
        #expect(bad.problem?.contains("settings.json") == true && bad.problem?.contains("keepVersions") == true)
    }

    @Test func theFlowListAndIndexIgnoreHistoryAndDrafts() throws {
        var flow = try store.create(Fixtures.teamsFlow())
        flow.displayName = "Second"
        flow = try store.save(flow, expectedVersion: 1)
        try store.saveDraft(flow)
        #expect(store.list().flows.map(\.flow.id) == [flow.id])
        #expect(store.list().broken.isEmpty)
        let summaries = store.summaries(context: CheckContext(), racyWindow: 0)
        #expect(summaries.flows.map(\.id) == [flow.id])
    }

    @Test func aDraftRoundTripsAndIsDiscarded() throws {
        var flow = try store.create(Fixtures.teamsFlow())
        flow.definition.actions["Draft_step"] = Step(name: "Draft_step", type: .compose, inputs: "unsaved")
        try store.saveDraft(flow)
        #expect(try store.loadDraft(id: flow.id)?.flow.definition == flow.definition)
        store.discardDraft(id: flow.id)
        #expect(try store.loadDraft(id: flow.id) == nil)
    }

    @Test func aCrashCutLogLineIsSkipped() throws {
        var flow = try store.create(Fixtures.teamsFlow())
        let log = store.history.folder(id: flow.id).appendingPathComponent("log.jsonl")
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"version": 2, "sav"#.utf8))
        try handle.close()
        flow = try store.save(flow, expectedVersion: 1)
        #expect(try store.versions(id: flow.id).compactMap(\.record?.version) == [2, 1])
    }

    @Test func aDeletedFlowsHistoryIsSetAsideAndANewFlowWithItsIdStartsAfresh() throws {
        var flow = try store.create(Fixtures.teamsFlow())
        flow.displayName = "Old one, edited"
        flow = try store.save(flow, expectedVersion: 1)
        try store.saveDraft(flow)
        try store.delete(id: flow.id)
        #expect(try store.loadDraft(id: flow.id) == nil)
        let aside = try FileManager.default.contentsOfDirectory(atPath: store.history.root.path)
        #expect(aside.count == 1 && aside.first?.hasPrefix("\(flow.id).deleted-") == true, "\(aside)")
        let again = try store.create(Fixtures.teamsFlow())
        var edited = again
        edited.displayName = "New one, edited"
        try store.save(edited, expectedVersion: 1)
        #expect(try store.load(id: again.id, version: 1).displayName == "Teams on refresh failure")
        let old = store.history.root.appendingPathComponent(aside.first ?? "").appendingPathComponent("1.json")
        #expect(try store.read(old).displayName == "Teams on refresh failure")
        let oldV2 = try FileManager.default.contentsOfDirectory(atPath: old.deletingLastPathComponent().path)
        #expect(oldV2.contains("1.json") && oldV2.contains("log.jsonl"), "the old history is kept whole")
    }

    @Test func restoringAVersionWithErrorsIntoAnOnFlowRestoresItOff() throws {
        var broken = Fixtures.teamsFlow()
        broken.definition.actions["Post_message"]?.inputs = ["connection": "Teams outbox", "title": "no text"]
        let created = try store.create(broken)
        var fixed = created
        fixed.definition.actions["Post_message"] = Fixtures.teamsFlow().definition.actions["Post_message"]
        try store.save(fixed, expectedVersion: 1)
        try store.setState(id: created.id, .on)
        let restored = try store.restore(id: created.id, version: 1)
        #expect(restored.state == .off)
        #expect(try store.versions(id: created.id).first?.record?.note == "restored from version 1, Off: it has errors")
    }
}
