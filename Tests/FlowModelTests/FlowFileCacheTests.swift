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

    /// With a check context and many files to read, the listing goes through the flow index and leaves out the Off
    /// flows it knows (their files found by id on demand); a flow turned On is read at the next listing.
    @Test func offFlowsTheIndexKnowsAreLeftOutAndFoundOnDemand() throws {
        for i in 0..<40 { try store.create(Fixtures.longFlow(id: "off-\(i)", steps: 3)) }
        var on = Fixtures.teamsFlow()
        on.state = .on
        try store.create(on)
        var cache = FlowFileCache()
        let first = cache.list(store, skippingOff: CheckContext(), racyWindow: 0)
        #expect(first.flows.map(\.flow.id) == ["teams-refresh-failed"])
        #expect(cache.lastSkipped == 40 && cache.lastFilesRead == 1)
        #expect(cache.skippedFile(id: "off-7", in: store) == folder.appendingPathComponent("off-7.json"))
        #expect(cache.skippedFile(id: "teams-refresh-failed", in: store) == nil)
        // The index now holds every file's summary: `flow list` and the app read none of them again.
        #expect(store.summaries(context: CheckContext(), racyWindow: 0).filesRead == 0)

        let off = try store.load(id: "off-3").flow
        var turned = off
        turned.state = .on
        try store.save(turned, expectedVersion: off.version)
        let second = cache.list(store, skippingOff: CheckContext(), racyWindow: 0)
        #expect(cache.lastFilesRead == 1)
        #expect(second.flows.map(\.flow.id).sorted() == ["off-3", "teams-refresh-failed"])
        #expect(cache.skippedFile(id: "off-3", in: store) == nil)
        #expect(cache.lastSkipped == 39)
    }

    /// Files the index does not trust (changed just now) are read in full, never left out on its word.
    @Test func racyIndexEntriesAreNotLeftOut() throws {
        for i in 0..<40 { try store.create(Fixtures.longFlow(id: "off-\(i)", steps: 2)) }
        var cache = FlowFileCache()
        let listing = cache.list(store, skippingOff: CheckContext())
        #expect(listing.flows.count == 40 && cache.lastSkipped == 0)
    }
}
