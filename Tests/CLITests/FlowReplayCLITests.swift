import FlowExpressions
import FlowModel
import Foundation
import Testing

/// `flow replay`: the autosaved draft of a flow replayed dry against the recorded events, next to what the saved
/// version did — the same replay as the canvas's `L` and `T`.
@Suite struct FlowReplayCLITests {
    let cli = CLIRunner()

    /// VIP crosses 10 → Compose; events 5 (baseline), 12 (crosses 10), 8, 15 (crosses 10) fired the saved version.
    func recordedHome() throws {
        var flow = Flow(id: "vip", displayName: "VIP", trigger: Self.trigger(threshold: 10))
        flow.state = .on
        flow.definition.actions["Say"] = Step(name: "Say", type: .compose, inputs: "VIP now @{triggerBody()?['currentCount']}")
        _ = try FlowStore(home: InsightFlowHome(url: cli.home)).create(flow)
        for count in [5, 12, 8, 15] {
            let emitted = try cli.run(["emit", "SegmentRefreshed", "--field", "segmentName=VIP", "--field", "currentCount=\(count)"])
            #expect(emitted.status == 0, "\(emitted.stdout)\(emitted.stderr)")
        }
    }

    static func trigger(threshold: Int) -> Trigger {
        Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "VIP", "threshold": .int(threshold)])
    }

    @Test func replaysTheDraftAgainstTheLastEventsAsJSON() throws {
        try recordedHome()
        let store = FlowStore(home: InsightFlowHome(url: cli.home))
        var draft = try store.load(id: "vip").flow
        let raised = Self.trigger(threshold: 13)
        draft.definition.triggers = [raised.name: raised]
        try store.saveDraft(draft)
        let result = try cli.run(["flow", "replay", "VIP", "--last", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONValue.parse(result.stdout)
        #expect(json["draft"] == true)
        let results = try #require(json["results"]?.arrayValue)
        #expect(results.count == 3, "the newest three: 15, 8, 12")
        #expect(results.map { $0["fires"]?.boolValue } == [true, false, false], "\(result.stdout)")
        #expect(results.map { $0["saved"]?.stringValue } == ["Succeeded (v1)", "did not fire", "Succeeded (v1)"], "\(result.stdout)")
        #expect(results[2]["reason"]?.stringValue == "5 → 12 vs 13: not crossed", "\(result.stdout)")
        #expect(results[0]["draftStatus"] == "Succeeded")
        let table = try cli.run(["flow", "replay", "vip", "--last", "1"])
        #expect(table.stdout.hasPrefix("draft of \"VIP\" replayed dry against 1 event(s) (nothing sent)"), "\(table.stdout)")
        // Nothing was written: the history still holds the saved version's two runs.
        let runs = try cli.run(["runs", "--flow", "vip", "--json"])
        #expect(try JSONValue.parse(runs.stdout).arrayValue?.count == 2, "\(runs.stdout)")
    }
}
