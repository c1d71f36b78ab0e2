import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

@Suite struct BadInputTests {
    func error(_ bytes: [UInt8]) -> FlowFileError? {
        do {
            _ = try FlowCodec.decode(bytes, file: "flows/bad.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func truncatedJSONNamesFileLineAndPath() throws {
        let full = Array(FlowCodec.encode(Fixtures.teamsFlow()))
        let cut = Array(full.prefix(full.count * 2 / 3))
        let failure = try #require(error(cut))
        #expect(failure.file == "flows/bad.json")
        #expect(failure.line != nil && failure.column != nil)
        #expect(failure.message.contains("truncated"))
        #expect(failure.path.hasPrefix("$.definition"))
        #expect(failure.description.hasPrefix("flows/bad.json:"))
    }

    @Test func aVersionThatWouldOverflowASaveIsRefused() throws {
        let text = #"{"id": "x", "displayName": "y", "version": 9223372036854775807, "definition": {"triggers": {}, "actions": {}}}"#
        let failure = try #require(error(Array(text.utf8)))
        #expect(failure.path == "$.version")
        #expect(failure.message.contains("between 0 and 1000000000"))
    }

    @Test func durationsLongerThanAYearAreNotDurations() {
        #expect(ISODuration("P99999999999999999999D") == nil)
        #expect(ISODuration("P367D") == nil)
        #expect(ISODuration("P30D")?.seconds == 2_592_000)
        #expect(ISODuration(seconds: .infinity).description == "PT0S", "printing never traps")
    }

    @Test func wrongTypesNameTheJSONPath() throws {
        let text = #"{"id": "x", "displayName": "y", "definition": {"triggers": {}, "actions": {"A": {"type": "Compose", "runAfter": {"B": "Succeeded"}}}}}"#
        let failure = try #require(error(Array(text.utf8)))
        #expect(failure.path == "$.definition.actions.A.runAfter.B")
        #expect(failure.message.contains("array"))
        let version = #"{"id": "x", "displayName": "y", "version": "3", "definition": {}}"#
        #expect(try #require(error(Array(version.utf8))).path == "$.version")
        let steps = #"{"id": "x", "displayName": "y", "definition": {"actions": []}}"#
        #expect(try #require(error(Array(steps.utf8))).path == "$.definition.actions")
        let status = #"{"id": "x", "displayName": "y", "definition": {"actions": {"A": {"type": "Compose", "runAfter": {"B": ["Done"]}}}}}"#
        let statusFailure = try #require(error(Array(status.utf8)))
        #expect(statusFailure.path == "$.definition.actions.A.runAfter.B[0]" && statusFailure.message.contains("Succeeded, Failed, Skipped or TimedOut"))
    }

    @Test func unknownTriggerKindDecodesButTheCheckerNamesIt() throws {
        let text = #"{"id": "x", "displayName": "y", "definition": {"triggers": {"T": {"type": "WhenTheMoonIsFull"}}, "actions": {}}}"#
        let flow = try FlowCodec.decode(Array(text.utf8))
        let issue = try #require(FlowChecker.check(flow).first)
        #expect(issue.severity == .error && issue.path == "$.definition.triggers.T.type")
        #expect(issue.message.contains("WhenTheMoonIsFull") && issue.message.contains("DataSourceRefreshFailed"))
    }

    @Test func tenMegabytesOfJunkIsRefusedQuickly() throws {
        var junk = [UInt8](repeating: UInt8(ascii: "["), count: 10 * 1024 * 1024)
        junk[0] = UInt8(ascii: "{")
        let failure = try #require(error(junk))
        #expect(failure.message.contains("limit"))
        let nested = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let deep = try #require(error(nested))
        #expect(deep.message.contains("nesting"))
        let random = (0..<1_000_000).map { _ in UInt8.random(in: 0...255) }
        #expect(error(random) != nil)
    }

    @Test func nonUTF8ByteIsReportedWithItsPosition() throws {
        var bytes = Array(#"{"id": "x", "displayName": "caf"#.utf8)
        bytes.append(0xFF)
        bytes += Array(#"", "definition": {}}"#.utf8)
        let failure = try #require(error(bytes))
        #expect(failure.message.contains("UTF-8"))
        #expect(failure.line == 1 && failure.column == 32)
        #expect(failure.path == "$.displayName")
    }

    @Test func otherSyntaxErrorsAreSpecific() throws {
        #expect(try #require(error([])).message.contains("empty"))
        #expect(try #require(error(Array(#"{"a": 1,}"#.utf8))).message.contains("quoted member name"))
        #expect(try #require(error(Array(#"{"a": 1} x"#.utf8))).message.contains("after the end"))
        #expect(try #require(error(Array(#"{"a": 1, "a": 2}"#.utf8))).message.contains("twice"))
        #expect(try #require(error(Array("{\"a\": \"x\ny\"}".utf8))).message.contains("control character"))
        #expect(try #require(error(Array(#"[1, 2"#.utf8))).message.contains("truncated"))
        #expect(try #require(error(Array(#"{"id": 1}"#.utf8))).message.contains("\"id\" must be a string"))
    }
}
