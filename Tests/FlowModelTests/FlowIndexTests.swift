import Foundation
import Testing
@testable import FlowModel

/// The flow index (`flows/.index.json`): reused when current, never trusted when stale, rebuilt when corrupt.
/// Most tests use a racy window of 0 so files written a moment ago are trusted; the racy rule has its own tests.
@Suite struct FlowIndexTests {
    let folder = Fixtures.temporaryFolder()
    var store: FlowStore { FlowStore(folder: folder) }

    private func summaries(_ context: CheckContext = CheckContext()) -> FlowSummaryListing {
        store.summaries(context: context, racyWindow: 0)
    }

    private func names(_ listing: FlowSummaryListing) -> [String] { listing.flows.map(\.displayName) }

    /// Three flows on disk: Teams, Email and a long one.
    private func makeThree() throws {
        try store.create(Fixtures.teamsFlow())
        try store.create(Fixtures.emailFlow())
        try store.create(Fixtures.longFlow(id: "long", steps: 20))
    }

    @Test func aColdListingReadsEveryFileAndAWarmOneNone() throws {
        try makeThree()
        let cold = summaries()
        #expect(cold.filesRead == 3)
        #expect(FlowIndexFile.load(store.indexFile)?.entries.count == 3)
        let warm = summaries()
        #expect(warm.filesRead == 0)
        #expect(warm.flows == cold.flows)
        // The summaries are what reading and checking the files gives.
        let expected = store.list().flows.map { FlowSummary($0.flow, issues: FlowChecker.check($0.flow, context: CheckContext())) }
        #expect(warm.flows == expected)
    }

    @Test func anEditedFileIsReadAgain() throws {
        try makeThree()
        _ = summaries()
        let teams = try store.load(id: "teams-refresh-failed").flow
        var edited = teams
        edited.displayName = "Teams, edited"
        try store.save(edited, expectedVersion: teams.version)
        let after = summaries()
        #expect(after.filesRead == 1)
        #expect(after.flows.first { $0.id == "teams-refresh-failed" }?.displayName == "Teams, edited")
        #expect(after.flows.first { $0.id == "teams-refresh-failed" }?.version == teams.version + 1)
    }

    @Test func anInPlaceEditOfAnotherSizeIsSeen() throws {
        try makeThree()
        _ = summaries()
        let url = folder.appendingPathComponent("segment-email.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Email data owners", with: "Email the data owners")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        let after = summaries()
        #expect(after.filesRead == 1)
        #expect(names(after).contains("Email the data owners"))
    }

    @Test func aRenamedFileIsListedUnderItsNewIdAndTheOldOneIsGone() throws {
        try makeThree()
        _ = summaries()
        try FileManager.default.moveItem(at: folder.appendingPathComponent("long.json"), to: folder.appendingPathComponent("renamed.json"))
        let after = summaries()
        #expect(after.filesRead == 1)
        #expect(after.flows.map(\.id).sorted() == ["renamed", "segment-email", "teams-refresh-failed"])
        #expect(FlowIndexFile.load(store.indexFile)?.entries.keys.sorted() == ["renamed.json", "segment-email.json", "teams-refresh-failed.json"])
    }

    @Test func aDeletedFlowLeavesTheListingAndTheIndex() throws {
        try makeThree()
        _ = summaries()
        try store.delete(id: "segment-email")
        let after = summaries()
        #expect(after.filesRead == 0)
        #expect(after.flows.map(\.id).sorted() == ["long", "teams-refresh-failed"])
        #expect(FlowIndexFile.load(store.indexFile)?.entries["segment-email.json"] == nil)
    }

    @Test func aNewFileIsRead() throws {
        try makeThree()
        _ = summaries()
        try store.create(Fixtures.longFlow(id: "another", steps: 5))
        let after = summaries()
        #expect(after.filesRead == 1)
        #expect(after.flows.count == 4)
    }

    @Test func aCorruptIndexIsRebuiltNotAnError() throws {
        try makeThree()
        _ = summaries()
        for garbage in ["{\"format\": 1, \"checker\"", "", "[1,2,3]", "{\"format\": 99, \"checker\": \"x\", \"entries\": {}}"] {
            try Data(garbage.utf8).write(to: store.indexFile)
            let listing = summaries()
            #expect(listing.filesRead == 3)
            #expect(listing.flows.count == 3)
            #expect(FlowIndexFile.load(store.indexFile)?.entries.count == 3)
        }
    }

    @Test func anEntryWhoseStampDiffersIsNotTrusted() throws {
        try makeThree()
        _ = summaries()
        guard var index = FlowIndexFile.load(store.indexFile), var entry = index.entries["long.json"] else {
            Issue.record("no index")
            return
        }
        entry.summary?.displayName = "Forged"
        entry.stamp.size += 1
        index.entries["long.json"] = entry
        try index.write(to: store.indexFile)
        let listing = summaries()
        #expect(listing.filesRead == 1)
        #expect(!names(listing).contains("Forged"))
    }

    @Test func anIndexMadeForOtherConnectionsIsNotReused() throws {
        try makeThree()
        let unchecked = summaries()
        let withMail = summaries(CheckContext(connections: ["Teams outbox": "outbox"]))
        #expect(withMail.filesRead == 3)
        let teamsUnchecked = unchecked.flows.first { $0.id == "teams-refresh-failed" }
        let teamsChecked = withMail.flows.first { $0.id == "teams-refresh-failed" }
        #expect(teamsUnchecked != nil && teamsChecked != nil)
        #expect(summaries(CheckContext(connections: ["Teams outbox": "outbox"])).filesRead == 0)
    }

    @Test func aBrokenFileIsReportedFromTheIndexToo() throws {
        try makeThree()
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("broken.json"))
        let cold = summaries()
        #expect(cold.broken.count == 1)
        let warm = summaries()
        #expect(warm.filesRead == 0)
        #expect(warm.broken == cold.broken)
        #expect(warm.broken.first?.file.hasSuffix("broken.json") == true)
    }

    // MARK: The same second, the same size

    @Test func aFileChangedJustNowIsMarkedRacyAndReadAgain() throws {
        try makeThree()
        let first = store.summaries(context: CheckContext())
        #expect(first.filesRead == 3)
        #expect(FlowIndexFile.load(store.indexFile)?.entries.values.allSatisfy(\.racy) == true)
        #expect(store.summaries(context: CheckContext()).filesRead == 3)
    }

    @Test func aRacyEntryIsNeverTrustedEvenWithAnEqualStamp() throws {
        try makeThree()
        _ = summaries()
        guard var index = FlowIndexFile.load(store.indexFile), var entry = index.entries["long.json"] else {
            Issue.record("no index")
            return
        }
        // What an in-place rewrite within the same timestamp tick and of the same size leaves: an equal stamp over
        // other content. Only the racy mark protects it.
        entry.summary?.displayName = "Forged"
        entry.racy = true
        index.entries["long.json"] = entry
        try index.write(to: store.indexFile)
        let listing = summaries()
        #expect(listing.filesRead == 1)
        #expect(!names(listing).contains("Forged"))
    }

    @Test func aSameSizeRewriteWithTheMtimePutBackIsSeen() throws {
        try makeThree()
        let url = folder.appendingPathComponent("segment-email.json")
        let stampBefore = FileStamp.of(path: url.path)
        _ = store.summaries(context: CheckContext())
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Email data owners", with: "Email data OWNERS")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        if let mtime = stampBefore?.mtime { setMtime(url, nanoseconds: mtime) }
        #expect(FileStamp.of(path: url.path)?.size == stampBefore?.size)
        #expect(FileStamp.of(path: url.path)?.mtime == stampBefore?.mtime)
        #expect(names(store.summaries(context: CheckContext())).contains("Email data OWNERS"))
    }

    @Test func racyMeansChangedWithinTheWindowOfTheRead() {
        let second: Int64 = 1_000_000_000
        let stamp = FileStamp(size: 10, inode: 1, mtime: 100 * second, ctime: 100 * second)
        #expect(stamp.isRacy(readAt: 101 * second))
        #expect(stamp.isRacy(readAt: 100 * second))
        #expect(!stamp.isRacy(readAt: 103 * second))
        #expect(FileStamp(size: 10, inode: 1, mtime: 90 * second, ctime: 101 * second).isRacy(readAt: 102 * second))
    }

    // MARK: Concurrent writers

    @Test func concurrentListersAndAnEditorNeverCorruptTheIndex() async throws {
        try makeThree()
        for i in 0..<20 { try store.create(Fixtures.longFlow(id: "flow-\(i)", steps: 10)) }
        let folder = self.folder
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    for _ in 0..<15 { _ = FlowStore(folder: folder).summaries(context: CheckContext(), racyWindow: 0) }
                }
            }
            group.addTask {
                let editor = FlowStore(folder: folder)
                for round in 0..<15 {
                    guard let flow = try? editor.load(id: "long").flow else { continue }
                    var edited = flow
                    edited.displayName = "Long, round \(round)"
                    _ = try? editor.save(edited, expectedVersion: flow.version)
                }
            }
        }
        #expect(FlowIndexFile.load(store.indexFile) != nil)
        let listing = summaries()
        #expect(names(listing).contains("Long, round 14"))
        let expected = store.list().flows.map { FlowSummary($0.flow, issues: FlowChecker.check($0.flow, context: CheckContext())) }
        #expect(listing.flows == expected)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    private func setMtime(_ url: URL, nanoseconds: Int64) {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var times = [time, time]
        _ = utimensat(AT_FDCWD, url.path, &times, 0)
    }

    /// The summary carries what the app shows without the flow: trigger kind and line, the connections the steps
    /// use, and what a threshold trigger watches.
    @Test func summariesCarryWhatTheAppShows() throws {
        try makeThree()
        let listing = summaries()
        let email = try #require(listing.flows.first { $0.id == "segment-email" })
        #expect(email.triggerKind == .segmentThresholdCrossed)
        #expect(email.connections == ["Mail"])
        #expect(email.watch == ThresholdWatch(subject: "High value customers", threshold: 100))
        let flow = try store.load(id: "segment-email").flow
        #expect(email.triggerLine == flow.trigger.map(StepSummary.oneLine))
        let teams = try #require(listing.flows.first { $0.id == "teams-refresh-failed" })
        #expect(teams.watch == nil && teams.connections == ["Teams outbox"] && teams.triggerKind == .dataSourceRefreshFailed)
    }

    /// An index decoded once is reused while its file keeps its stamp, and never once the file changed.
    @Test func aDecodedIndexIsReusedOnlyWhileItsFileIsUnchanged() throws {
        try makeThree()
        _ = summaries()
        let stamp = try #require(FileStamp.of(path: store.indexFile.path))
        let old = try #require(FlowIndexFile.load(store.indexFile))
        LastIndex.shared.remember(old, path: store.indexFile.path, stamp: stamp)
        #expect(FlowIndexFile.load(store.indexFile, stamp: stamp) == old)
        var changed = old
        changed.entries.removeValue(forKey: "long.json")
        try changed.write(to: store.indexFile)
        let newStamp = try #require(FileStamp.of(path: store.indexFile.path))
        #expect(newStamp != stamp)
        #expect(FlowIndexFile.load(store.indexFile, stamp: newStamp)?.entries.count == 2)
    }

    /// The index is read with the project's JSON reader: it gives exactly what `JSONDecoder` gives for the same
    /// file (summaries with and without a watch, a broken file), and nil for a file of the wrong shape.
    @Test func theFastReaderAgreesWithJSONDecoder() throws {
        try makeThree()
        try Data("{\"id\": 3".utf8).write(to: folder.appendingPathComponent("broken.json"))
        _ = summaries()
        let data = try Data(contentsOf: store.indexFile)
        let reference = try JSONDecoder().decode(FlowIndexFile.self, from: data)
        #expect(reference.entries.count == 4 && reference.entries["broken.json"]?.broken != nil)
        #expect(FlowIndexDecoding.decode([UInt8](data)) == reference)
        #expect(FlowIndexDecoding.decode(Array(#"{"format": 2, "checker": "x", "entries": {"a.json": {"racy": false}}}"#.utf8)) == nil)
    }
}

