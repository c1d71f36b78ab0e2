import FlowExpressions
import FlowModel
import Foundation

// Version history costs: a save with history (as the app does it: the retention read from settings.json, the old
// file kept by a hard link, the log line appended, pruning) against a save without it, interleaved in rounds so
// disk noise hits both alike; and the semantic diff of two 500-step versions.
// Usage: flow-history [FOLDER] [SAVES] [STEPS]   (FOLDER default: a new folder under the temporary directory)

let arguments = CommandLine.arguments
let base = arguments.count > 1 ? URL(fileURLWithPath: arguments[1]) : FileManager.default.temporaryDirectory
let saves = arguments.count > 2 ? max(10, Int(arguments[2]) ?? 400) : 400
let steps = arguments.count > 3 ? max(10, Int(arguments[3]) ?? 100) : 100
let home = base.appendingPathComponent("flow-history-bench-\(UUID().uuidString)", isDirectory: true)
let withHistory = FlowStore(folder: home.appendingPathComponent("flows"))  // retention from settings.json, as the app
let withoutHistory = FlowStore(folder: home.appendingPathComponent("flows"), retention: HistoryRetention(keepVersions: 0, enabled: false))

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

do {
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    try Data(#"{"history": {"keepVersions": 200}}"#.utf8).write(to: home.appendingPathComponent("settings.json"))
    var a = try withHistory.create(SampleFlows.long(id: "with-history", steps: steps))
    var b = try withoutHistory.create(SampleFlows.long(id: "without-history", steps: steps))
    let clock = ContinuousClock()
    var timesWith: [Double] = [], timesWithout: [Double] = []
    for round in 0..<saves {
        a.description = "save \(round)"
        b.description = "save \(round)"
        // Alternate which goes first, so neither always meets a warm or a cold disk.
        if round % 2 == 0 {
            let start = clock.now
            a = try withHistory.save(a, expectedVersion: a.version)
            timesWith.append(milliseconds(clock.now - start))
            let start2 = clock.now
            b = try withoutHistory.save(b, expectedVersion: b.version)
            timesWithout.append(milliseconds(clock.now - start2))
        } else {
            let start2 = clock.now
            b = try withoutHistory.save(b, expectedVersion: b.version)
            timesWithout.append(milliseconds(clock.now - start2))
            let start = clock.now
            a = try withHistory.save(a, expectedVersion: a.version)
            timesWith.append(milliseconds(clock.now - start))
        }
    }
    let kept = withHistory.history.archivedVersions(id: a.id).count
    let mWith = median(timesWith), mWithout = median(timesWithout)
    let totalWith = timesWith.reduce(0, +), totalWithout = timesWithout.reduce(0, +)
    print("save of a \(steps)-step flow, \(saves) saves each, folder \(home.path):")
    print(String(format: "  without history: median %.3f ms, total %.1f ms", mWithout, totalWithout))
    print(String(format: "  with history:    median %.3f ms, total %.1f ms (%d past versions kept)", mWith, totalWith, kept))
    print(String(format: "  overhead: median %+.1f%%, total %+.1f%%", (mWith / mWithout - 1) * 100, (totalWith / totalWithout - 1) * 100))

    // Opening the History of that flow: the kept versions and what each changed (the designer: newest 30; the CLI: all).
    for limit in [30, Int.max] {
        var listTimes: [Double] = []
        for _ in 0..<5 {
            let start = clock.now
            let entries = try withHistory.versions(id: a.id)
            _ = VersionSummaries(store: withHistory, id: a.id, entries: entries, limit: limit)
            listTimes.append(milliseconds(clock.now - start))
        }
        print(String(format: "History of %d versions, summaries of %@: median %.1f ms", kept + 1, limit == Int.max ? "all" : "the newest \(limit)", median(listTimes)))
    }

    // The diff of two 500-step versions: a rename, a parameter change, a move, an add and a remove.
    let old = SampleFlows.long(id: "big", steps: 500)
    var new = old
    new.definition.actions["Step_10"]?.inputs = ["changed": true]
    if var renamed = new.definition.actions.removeValue(forKey: "Step_20") {
        renamed.name = "Step_twenty"
        new.definition.actions["Step_twenty"] = renamed
    }
    if let moved = new.definition.actions.removeValue(forKey: "Step_40") { new.definition.actions["Step_40"] = moved }
    new.definition.actions.removeValue(forKey: "Step_50")
    new.definition.actions["Added"] = Step(name: "Added", type: .compose, inputs: "new")
    var diffTimes: [Double] = []
    var summary = ""
    for _ in 0..<200 {
        let start = clock.now
        let diff = FlowDiffer.diff(old, new)
        diffTimes.append(milliseconds(clock.now - start))
        summary = diff.summary
    }
    print("diff of two \(CanvasSteps.count(old))-step versions (\(summary)), 200 runs:")
    print(String(format: "  median %.3f ms, max %.3f ms", median(diffTimes), diffTimes.max() ?? 0))
    try? FileManager.default.removeItem(at: home)
} catch {
    FileHandle.standardError.write(Data("flow-history: \(error)\n".utf8))
    try? FileManager.default.removeItem(at: home)
    exit(1)
}

/// Counts a flow's steps, nested ones included.
enum CanvasSteps {
    static func count(_ flow: Flow) -> Int { flow.definition.actions.values.reduce(0) { $0 + $1.stepCount } }
}
