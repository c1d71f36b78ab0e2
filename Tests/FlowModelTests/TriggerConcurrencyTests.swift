import FlowExpressions
import Testing
@testable import FlowModel

/// `runtimeConfiguration.concurrency` of a trigger: read, range-checked where the file enters (naming the file, the
/// JSON path and the fix), and written back without loss.
@Suite struct TriggerConcurrencyTests {
    static func file(_ concurrency: String) -> [UInt8] {
        Array("""
        {"id": "c", "displayName": "C", "state": "On", "version": 1,
         "definition": {"triggers": {"When": {"type": "Request", "kind": "Http", "inputs": {},
                                              "runtimeConfiguration": {"concurrency": \(concurrency)}}},
                        "actions": {}}}
        """.utf8)
    }

    @Test func aValidSettingIsReadAndKeptAsWritten() throws {
        let flow = try FlowCodec.decode(Self.file(#"{"runs": 1, "maximumWaitingRuns": 20, "x-extra": true}"#), file: "c.json")
        let control = try #require(flow.trigger?.concurrency)
        #expect(control.runs == 1 && control.maximumWaitingRuns == 20 && control.waitingLimit == 20)
        let again = try FlowCodec.decode(FlowCodec.encode(flow), file: "c.json")
        #expect(again.trigger?.extra["runtimeConfiguration"] == flow.trigger?.extra["runtimeConfiguration"])
        #expect(again.trigger?.extra["runtimeConfiguration"]?.value(atPath: "concurrency.x-extra") == .bool(true))
    }

    @Test func defaultsFollowTheReference() throws {
        let onlyRuns = try #require(try FlowCodec.decode(Self.file(#"{"runs": 5}"#)).trigger?.concurrency)
        #expect(onlyRuns.waitingLimit == 15, "10 plus the concurrent runs")
        let many = try #require(try FlowCodec.decode(Self.file(#"{"runs": 100}"#)).trigger?.concurrency)
        #expect(many.waitingLimit == 100, "at most 100")
        let onlyWaiting = try #require(try FlowCodec.decode(Self.file(#"{"maximumWaitingRuns": 7}"#)).trigger?.concurrency)
        #expect(onlyWaiting.runs == nil && onlyWaiting.waitingLimit == 7)
    }

    @Test(arguments: [
        (#"{"runs": 0}"#, "concurrency.runs", "from 1 to 100; found 0"),
        (#"{"runs": 101}"#, "concurrency.runs", "from 1 to 100; found 101"),
        (#"{"runs": "5"}"#, "concurrency.runs", "a whole number"),
        (#"{"runs": 2.5}"#, "concurrency.runs", "a whole number"),
        (#"{"maximumWaitingRuns": 0}"#, "concurrency.maximumWaitingRuns", "from 1 to 100; found 0"),
        (#"{"maximumWaitingRuns": 1000}"#, "concurrency.maximumWaitingRuns", "found 1000"),
        (#"5"#, "concurrency", "must be an object"),
    ])
    func outOfRangeOrMistypedValuesAreRejectedWithThePlaceAndTheFix(concurrency: String, member: String, message: String) {
        do {
            _ = try FlowCodec.decode(Self.file(concurrency), file: "flows/c.json")
            Issue.record("\(concurrency) was accepted")
        } catch {
            #expect(error.file == "flows/c.json")
            #expect(error.path == "$.definition.triggers.When.runtimeConfiguration.\(member)", "\(error.path)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.contains("flows/c.json") && error.message.contains("write e.g.") || member == "concurrency")
        }
    }

    @Test func settingThroughTheTriggerKeepsOtherMembers() {
        var trigger = Trigger(kind: .httpRequest)
        trigger.extra["runtimeConfiguration"] = ["concurrency": ["x-extra": 1], "secureData": ["properties": ["outputs"]]]
        trigger.concurrency = TriggerConcurrency(runs: 2, maximumWaitingRuns: 12)
        #expect(trigger.extra["runtimeConfiguration"] == ["concurrency": ["x-extra": 1, "runs": 2, "maximumWaitingRuns": 12], "secureData": ["properties": ["outputs"]]])
        trigger.concurrency = nil
        #expect(trigger.extra["runtimeConfiguration"] == ["secureData": ["properties": ["outputs"]]])
        trigger.extra["runtimeConfiguration"] = nil
        trigger.concurrency = nil
        #expect(trigger.extra["runtimeConfiguration"] == nil)
    }
}
