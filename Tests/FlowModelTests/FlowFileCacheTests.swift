import Foundation
import Testing
@testable import FlowModel

/// The runner's in-memory flow cache: a reload reads only new and changed files and gives what `list()` gives.
@Suite struct FlowFileCacheTests {
    let folder = Fixtures.temporaryFolder()
    var store: FlowStore { FlowStore(folder: folder) }

    @Test func aReloadReadsOnlyWhatChanged() throws {
        try store.create(Fixtures.teamsFlow())
        try store.create(Fixtures.emailFlow())
        var cache = FlowFileCache()
        #expect(cache.list(store, racyWindow: 0).flows == store.list().flows)
        #expect(cache.lastFilesRead == 2)
        _ = cache.list(store, racyWindow: 0)
        #expect(cache.lastFilesRead == 0)

        let email = try store.load(id: "segment-email").flow
        var edited = email
        edited.displayName = "Edited"
        try store.save(edited, expectedVersion: email.version)
        try store.create(Fixtures.longFlow(id: "long", steps: 5))
        let afterEdit = cache.list(store, racyWindow: 0)
        #expect(cache.lastFilesRead == 2)
        #expect(afterEdit.flows == store.list().flows)

        try store.delete(id: "teams-refresh-failed")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("long.json"), to: folder.appendingPathComponent("moved.json"))
        try Data("{".utf8).write(to: folder.appendingPathComponent("broken.json"))
        let afterMoves = cache.list(store, racyWindow: 0)
        #expect(cache.lastFilesRead == 2)
        #expect(afterMoves.flows == store.list().flows)
        #expect(afterMoves.flows.map(\.flow.id).sorted() == ["moved", "segment-email"])
        #expect(afterMoves.broken == store.list().broken)
    }

    @Test func filesChangedJustNowAreReadAgain() throws {
        try store.create(Fixtures.teamsFlow())
        var cache = FlowFileCache()
        _ = cache.list(store)
        _ = cache.list(store)
        #expect(cache.lastFilesRead == 1)
    }
}
