import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// The home stays private: a runner start tightens modes other local users could read, and says so.
@Suite struct HomePermissionsTests {
    private func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aRunnerStartTightensLooseModesAndReportsThem() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-modes-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let home = InsightFlowHome(url: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let token = url.appendingPathComponent("intake-token")
        try Data("secret-token\n".utf8).write(to: token)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: token.path)
        _ = try HistoryStore(url: home.historyDatabase)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home.historyDatabase.path)

        let host = try await RunnerHost.open(home: home, delivery: RecordingDelivery())
        #expect(mode(url.path) & 0o777 == 0o700)
        #expect(mode(token.path) & 0o777 == 0o600)
        #expect(mode(home.historyDatabase.path) & 0o777 == 0o600)
        #expect(host.startWarnings.contains { $0.contains("intake-token") && $0.contains("mode 644") })
        #expect(host.startWarnings.contains { $0.contains("history.sqlite") })
        #expect(HomePermissions.enforce(home).isEmpty, "nothing left to tighten")
        await host.stop()
    }

    @Test func aStartNamesTheFlowFilesItSkipsAndAWorkspaceThatDoesNotLoad() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-skips-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let home = InsightFlowHome(url: url)
        try FileManager.default.createDirectory(at: home.flowsFolder, withIntermediateDirectories: true)
        try Data("{\"id\": \"half".utf8).write(to: home.flowsFolder.appendingPathComponent("half.json"))
        try FileManager.default.createDirectory(at: home.workspaceFolder, withIntermediateDirectories: true)
        try Data("{\"name\": 3}".utf8).write(to: home.workspaceFolder.appendingPathComponent("workspace.json"))
        let host = try await RunnerHost.open(home: home, delivery: RecordingDelivery())
        #expect(host.startWarnings.contains { $0.hasPrefix("flow file skipped:") && $0.contains("half.json") })
        #expect(host.startWarnings.contains { $0.hasPrefix("the workspace is not loaded:") && $0.contains("workspace.json") })
        await host.stop()
    }
}
