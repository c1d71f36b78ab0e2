import FlowExpressions
import FlowModel
import Foundation
import Logging
import Synchronization
import Testing
@testable import FlowRunner

/// `serve --log-format json`: every line is one JSON object with the fixed keys and the metadata.
@Suite struct JSONLogHandlerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func everyLineParsesAsJSONWithTheFixedKeysAndMetadata() throws {
        let sink = Lines()
        var logger = Logger(label: "insightflow.runner") { label in JSONLogHandler(label: label, level: .info, write: sink.add) }
        logger[metadataKey: "flow"] = "alerts"
        logger.info("run finished", metadata: ["run": "r-1", "status": "Succeeded"])
        logger.warning("a \"quoted\"\nmessage with a newline", metadata: ["event": "e-1", "step": "Post to Teams", "list": ["a", "b"]])
        logger.debug("below the level")
        let lines = sink.all
        #expect(lines.count == 2)
        var parsed: [JSONValue] = []
        for line in lines {
            #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false, "one line each")
            parsed.append(try JSONValue.parse(bytes: [UInt8](line.utf8)))
        }
        #expect(parsed[0]["level"] == "info" && parsed[0]["label"] == "insightflow.runner" && parsed[0]["message"] == "run finished")
        #expect(parsed[0]["run"] == "r-1" && parsed[0]["flow"] == "alerts" && parsed[0]["status"] == "Succeeded")
        let stamp = try #require(parsed[0]["timestamp"]?.stringValue)
        #expect(stamp.hasSuffix("Z") && stamp.count == 24, "ISO 8601 UTC with milliseconds: \(stamp)")
        #expect(parsed[1]["message"] == "a \"quoted\"\nmessage with a newline")
        #expect(parsed[1]["event"] == "e-1" && parsed[1]["step"] == "Post to Teams" && parsed[1]["list"] == ["a", "b"])
    }

    @Test func metadataCannotOverwriteTheFixedKeys() throws {
        let sink = Lines()
        let logger = Logger(label: "x") { label in JSONLogHandler(label: label, write: sink.add) }
        logger.error("real", metadata: ["message": "forged", "level": "trace"])
        let line = try JSONValue.parse(bytes: [UInt8](try #require(sink.all.first).utf8))
        #expect(line["message"] == "real" && line["level"] == "error")
    }

    @Test func theRunnerLogsEventsAndRunsAsJSONLinesWithTheirIds() async throws {
        let sink = Lines()
        let fixture = try RunnerFixture()
        try fixture.add(RunnerFixture.flow("bad", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [
            Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Failed", "runError": ["code": "NoData", "message": "secret-ish detail"]]),
        ]))
        var configuration = RunnerConfiguration()
        configuration.logger = Logger(label: "insightflow.runner") { label in JSONLogHandler(label: label, level: .debug, write: sink.add) }
        let runner = try await fixture.runner(configuration)
        let runs = try await fixture.send(runner, .dataSourceRefreshFailed, ["dataSourceName": "Webshop"])
        await runner.waitUntilIdle()
        let run = try #require(runs.first)
        let lines = try sink.all.map { try JSONValue.parse(bytes: [UInt8]($0.utf8)) }
        #expect(lines.contains { $0["message"] == "event accepted" && $0["event"] == .string(run.eventId ?? "") && $0["runs"] == "1" })
        #expect(lines.contains { $0["message"] == "run started" && $0["run"] == .string(run.id) && $0["level"] == "debug" })
        let finished = try #require(lines.first { $0["message"] == "run finished" })
        #expect(finished["run"] == .string(run.id) && finished["flow"] == "bad" && finished["status"] == "Failed")
        #expect(finished["level"] == "warning" && finished["code"] == "NoData")
        #expect(lines.contains { $0["message"] == "step finished" && $0["step"] == "Stop" && $0["run"] == .string(run.id) && $0["type"] == "Terminate" })
        #expect(!sink.all.joined().contains("secret-ish"), "error messages (which may quote inputs) are not logged")
    }
}
