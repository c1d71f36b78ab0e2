import FlowExpressions
import Foundation
import Synchronization
import Testing
@testable import FlowModel

@Suite struct StoreTests {
    let folder = Fixtures.temporaryFolder()
    var store: FlowStore { FlowStore(folder: folder) }

    @Test func createListLoadAndFind() throws {
        let created = try store.create(Fixtures.teamsFlow())
        #expect(created.version == 1)
        try store.create(Fixtures.emailFlow())
        let listing = store.list()
        #expect(listing.flows.map(\.flow.displayName) == ["Email data owners", "Teams on refresh failure"])
        #expect(listing.broken.isEmpty)
        #expect(try store.load(id: "segment-email").flow.trigger?.kind == .segmentThresholdCrossed)
        #expect(try store.find("teams on REFRESH failure").flow.id == "teams-refresh-failed")
        #expect(throws: FlowStoreError.alreadyExists("teams-refresh-failed")) { try store.create(Fixtures.teamsFlow()) }
        #expect(throws: FlowStoreError.notFound("nope")) { try store.find("nope") }
    }

    @Test func saveChecksTheVersionAndRefusesAConflict() throws {
        let created = try store.create(Fixtures.teamsFlow())
        var editorA = created
        var editorB = created
        editorA.displayName = "Edited by A"
        let saved = try store.save(editorA, expectedVersion: created.version)
        #expect(saved.version == 2)
        editorB.displayName = "Edited by B"
        #expect(throws: FlowStoreError.conflict(id: created.id, expectedVersion: 1, foundVersion: 2)) {
            try store.save(editorB, expectedVersion: created.version)
        }
        #expect(try store.load(id: created.id).flow.displayName == "Edited by A")
    }

    @Test func saveIsAtomicAndLeavesNoTemporaryFiles() throws {
        let created = try store.create(Fixtures.teamsFlow())
        var flow = created
        for i in 0..<20 {
            flow.description = String(repeating: "x", count: i * 1000)
            flow = try store.save(flow, expectedVersion: flow.version)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".lock") }.sorted()
        #expect(names == [".history", "teams-refresh-failed.json"])
        #expect(try store.load(id: created.id).flow.version == 21)
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.history.folder(id: created.id).path)
        #expect(!kept.contains { $0.contains(".tmp-") }, "the history holds no temporary files either")
    }

    @Test func aFailedWriteLeavesTheTargetAndNoTemporaryFile() throws {
        let target = folder.appendingPathComponent("occupied.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        #expect(throws: FlowStoreError.self) { try AtomicFile.write(Array("{}".utf8), to: target) }
        #expect(try Data(contentsOf: target.appendingPathComponent("inside")) == Data("keep".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func concurrentSavesFromOneVersionLetExactlyOneWin() async throws {
        let created = try store.create(Fixtures.teamsFlow())
        let store = self.store
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    var flow = created
                    flow.displayName = "writer \(i)"
                    return (try? store.save(flow, expectedVersion: created.version)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        #expect(try store.load(id: created.id).flow.version == 2)
    }

    @Test func aBrokenFileIsReportedAndTheGoodOnesListed() throws {
        try store.create(Fixtures.teamsFlow())
        try store.create(Fixtures.emailFlow())
        try Data("{\"id\": \"broken\", ".utf8).write(to: folder.appendingPathComponent("broken.json"))
        try Data([0xFF, 0xFE]).write(to: folder.appendingPathComponent("binary.json"))
        try Data("not a flow".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let listing = store.list()
        #expect(listing.flows.count == 2)
        #expect(listing.broken.count == 2)
        #expect(listing.broken.allSatisfy { $0.file.hasSuffix("broken.json") || $0.file.hasSuffix("binary.json") })
        #expect(try Data(contentsOf: folder.appendingPathComponent("broken.json")) == Data("{\"id\": \"broken\", ".utf8))
    }

    @Test func renameDuplicateStateAndDelete() throws {
        try store.create(Fixtures.teamsFlow())
        let renamed = try store.rename(id: "teams-refresh-failed", to: "Alert the team")
        #expect(renamed.displayName == "Alert the team" && renamed.version == 2)
        let on = try store.setState(id: "teams-refresh-failed", .on)
        #expect(on.state == .on)
        let copy = try store.duplicate(id: "teams-refresh-failed", as: "Alert the team")
        #expect(copy.id == "alert-the-team" && copy.state == .off && copy.version == 1)
        #expect(throws: FlowStoreError.self) { try store.find("Alert the team") }
        try store.delete(id: "teams-refresh-failed")
        #expect(store.list().flows.map(\.flow.id) == ["alert-the-team"])
        #expect(throws: FlowStoreError.notFound("teams-refresh-failed")) { try store.delete(id: "teams-refresh-failed") }
    }

    @Test func racingDuplicatesEachGetTheNextFreeID() throws {
        try store.create(Fixtures.teamsFlow())
        let store = self.store
        let ids = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 30) { _ in
            do {
                let copy = try store.duplicate(id: "teams-refresh-failed", as: "Copy")
                ids.withLock { $0.append(copy.id) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [], "no racing duplicate fails with 'already exists'")
        let made = ids.withLock { $0 }
        #expect(Set(made).count == 30 && made.contains("copy") && made.contains("copy-30"))
        #expect(store.list().flows.count == 31)
    }

    @Test func aFlowWithErrorsCannotBeTurnedOn() throws {
        var flow = Fixtures.emailFlow()
        flow.definition.actions["Send_an_email"]?.inputs = ["connection": "Mail"]
        try store.create(flow)
        #expect {
            try store.setState(id: flow.id, .on)
        } throws: { error in
            guard case .hasErrors(_, let issues) = error as? FlowStoreError else { return false }
            return issues.contains { $0.field == "to" }
        }
        #expect(try store.load(id: flow.id).flow.state == .off)
    }

    @Test func idsAreSlugsAndCannotEscapeTheFolder() throws {
        #expect(FlowStore.slug("Teams: refresh failed!") == "teams-refresh-failed")
        #expect(FlowStore.slug("***") == "flow")
        #expect(throws: FlowStoreError.notFound("../etc/passwd")) { try store.load(id: "../etc/passwd") }
        try store.create(Fixtures.teamsFlow())
        #expect(store.uniqueID(for: "Teams refresh failed") == "teams-refresh-failed-2")
    }
}

extension StoreTests {
    @Test func theFileNameIsTheID() throws {
        try store.create(Fixtures.teamsFlow())
        try FileManager.default.copyItem(at: folder.appendingPathComponent("teams-refresh-failed.json"), to: folder.appendingPathComponent("copy.json"))
        #expect(store.list().flows.map(\.flow.id).sorted() == ["copy", "teams-refresh-failed"])
        #expect(try store.load(id: "copy").flow.id == "copy")
    }
}
