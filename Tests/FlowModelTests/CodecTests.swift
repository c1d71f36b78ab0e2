import FlowExpressions
import Testing
@testable import FlowModel

@Suite struct CodecTests {
    static let richFile = """
    {
      "id": "rich",
      "displayName": "Rich flow",
      "state": "On",
      "version": 7,
      "createdAt": "2026-01-01T00:00:00.000Z",
      "modifiedAt": "2026-01-02T00:00:00.000Z",
      "x-owner": {"team": "data"},
      "definition": {
        "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"token": {"type": "securestring"}},
        "triggers": {
          "When_a_segment_crosses_a_threshold": {
            "type": "SegmentThresholdCrossed",
            "inputs": {"segment": "High value customers", "threshold": 100},
            "conditions": [{"expression": "@greater(triggerBody()?['currentCount'], 0)"}],
            "metadata": {"note": "kept"}
          }
        },
        "actions": {
          "Check": {
            "type": "If",
            "expression": {"and": [{"greater": ["@triggerBody()?['currentCount']", 150]}]},
            "actions": {"Big": {"type": "Compose", "inputs": "big", "runAfter": {}}},
            "else": {"actions": {"Small": {"type": "Compose", "inputs": "small", "runAfter": {}}}},
            "runAfter": {},
            "trackedProperties": {"a": 1}
          },
          "Route": {
            "type": "Switch",
            "expression": "@triggerBody()?['segmentName']",
            "cases": {"Vip": {"case": "VIP", "actions": {"Tell": {"type": "Compose", "inputs": 1.5, "runAfter": {}}}}},
            "default": {"actions": {}},
            "runAfter": {"Check": ["SUCCEEDED", "failed"]}
          },
          "Loop": {
            "type": "Until",
            "expression": "@equals(1, 1)",
            "limit": {"count": 5, "timeout": "PT1H", "x": true},
            "actions": {},
            "runAfter": {"Route": ["Succeeded"]}
          }
        },
        "outputs": {}
      }
    }
    """

    @Test func decodesEveryPart() throws {
        let flow = try FlowCodec.decode(Array(Self.richFile.utf8), file: "rich.json")
        #expect(flow.state == .on && flow.version == 7)
        #expect(flow.trigger?.kind == .segmentThresholdCrossed)
        #expect(flow.trigger?.conditions.count == 1)
        let route = try #require(flow.definition.actions["Route"])
        #expect(route.runAfter["Check"] == [.succeeded, .failed])
        #expect(route.cases?["Vip"]?.value == "VIP")
        #expect(flow.definition.actions["Check"]?.elseActions?["Small"]?.inputs == "small")
        #expect(flow.definition.actions["Loop"]?.limit?.count == 5)
        #expect(flow.definition.allSteps.map(\.step.name) == ["Check", "Big", "Small", "Route", "Tell", "Loop"])
    }

    @Test func roundTripKeepsUnknownKeysAndValues() throws {
        let flow = try FlowCodec.decode(Array(Self.richFile.utf8), file: "rich.json")
        let encoded = FlowCodec.encode(flow)
        let again = try FlowCodec.decode(encoded, file: "again.json")
        #expect(again == flow)
        let original = try JSONValue.parse(Self.richFile)
        let written = try JSONValue.parse(bytes: encoded)
        #expect(written["x-owner"] == original["x-owner"])
        #expect(written.value(atPath: "definition.actions.Check.trackedProperties") == ["a": 1])
        #expect(written.value(atPath: "definition.triggers.When_a_segment_crosses_a_threshold.metadata.note") == "kept")
        #expect(written.value(atPath: "definition.actions.Loop.limit.x") == true)
        #expect(written.value(atPath: "definition.outputs") == [:])
        #expect(written.value(atPath: "definition.parameters.token.type") == "securestring")
    }

    @Test func writesStatusesInReferenceCasing() throws {
        let flow = try FlowCodec.decode(Array(Self.richFile.utf8), file: "rich.json")
        let text = String(decoding: FlowCodec.encode(flow), as: UTF8.self)
        #expect(text.contains("\"Succeeded\""))
        #expect(!text.contains("SUCCEEDED"))
    }

    @Test func encodingIsStableAndTwoSpaceIndented() throws {
        let flow = Fixtures.teamsFlow()
        let first = FlowCodec.encode(flow)
        let second = FlowCodec.encode(try FlowCodec.decode(first))
        #expect(first == second)
        let lines = String(decoding: first, as: UTF8.self).split(separator: "\n")
        #expect(lines[1] == "  \"id\": \"teams-refresh-failed\",")
        #expect(lines.last == "}")
        #expect(first.last == 0x0A)
    }

    @Test func integersAndDecimalsStayDistinct() throws {
        let value = try JSONValue.parse("[1, 1.0, -2.5e3, 9007199254740993, \"\\u00e9\\ud83d\\ude00\"]")
        #expect(value == [1, 1.0, -2500.0, 9_007_199_254_740_993, "é😀"])
        #expect(try JSONValue.parse(value.jsonText()) == value)
    }

    @Test func compactTextMatchesJSONStringify() {
        let value: JSONValue = ["a": [1, "x\"y", nil], "b": ["c": true]]
        #expect(value.jsonText() == #"{"a":[1,"x\"y",null],"b":{"c":true}}"#)
    }

    @Test func flowIsCodableThroughFoundation() throws {
        let flow = Fixtures.emailFlow()
        let data = try JSONEncoder().encode(flow)
        let back = try JSONDecoder().decode(Flow.self, from: data)
        let decoded = try #require(back.definition.actions["Send_an_email"]?.inputs?.objectValue)
        let original = try #require(flow.definition.actions["Send_an_email"]?.inputs?.objectValue)
        #expect(Dictionary(uniqueKeysWithValues: decoded.map { ($0.key, $0.value) }) == Dictionary(uniqueKeysWithValues: original.map { ($0.key, $0.value) }))
        #expect(back.id == flow.id && back.trigger?.inputs?["threshold"] == 100)
    }

    @Test func twoHundredStepFlowRoundTrips() throws {
        let flow = Fixtures.longFlow(id: "long", steps: 200)
        let back = try FlowCodec.decode(FlowCodec.encode(flow))
        #expect(back == flow)
        #expect(back.definition.allSteps.count >= 200)
    }
}

import Foundation

@Suite struct TimestampTests {
    @Test(arguments: [0.0, 1_790_000_000.117, 1_790_000_000.999_9, 951_782_400.5, 4_102_444_799.375, -86_400.25])
    func matchesFoundationsISO8601Format(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Flow.timestamp(date) == Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date))
    }
}
