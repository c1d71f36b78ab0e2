import Designer
import FlowModel
import Foundation
import Testing
import TerminalUI

@MainActor @Suite struct StoreServicesTests {
    private func temporaryHome() throws -> InsightFlowHome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("designer-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return InsightFlowHome(url: url)
    }

    @Test func createSaveConflictExportImportOnDisk() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home.url) }
        let services = StoreDesignerServices(home: home)
        var flow = try services.createFlow(sampleFlow(id: "ignored", name: "Disk flow"))
        #expect(flow.id == "disk-flow" && flow.version == 1)
        flow.displayName = "Disk flow edited"
        flow = try services.saveFlow(flow, expectedVersion: 1)
        #expect(flow.version == 2)
        #expect(throws: FlowStoreError.self) { try services.saveFlow(flow, expectedVersion: 1) }
        let path = home.url.appendingPathComponent("export.json").path
        try services.exportFlow(id: flow.id, to: path)
        let imported = try services.importFlow(from: path)
        #expect(imported.id != flow.id && imported.displayName == "Disk flow edited" && imported.state == .off)
        #expect(services.listFlows().flows.count == 2)
    }

    @Test func themeSettingIsRead() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home.url) }
        #expect(DesignerSettings.load(home: home) == DesignerSettings.Loaded())
        let file = home.url.appendingPathComponent("settings.json")
        try #"{"theme": "light"}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(DesignerSettings.load(home: home) == DesignerSettings.Loaded(theme: "light"))
    }

    @Test func aMalformedSettingsFileIsNamedWithItsPlaceNotIgnoredSilently() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home.url) }
        let file = home.url.appendingPathComponent("settings.json")
        try "{\n  \"theme\": \"light\",\n}".write(to: file, atomically: true, encoding: .utf8)
        let broken = DesignerSettings.load(home: home)
        #expect(broken.theme == nil)
        let problem = try #require(broken.problem)
        #expect(problem.contains(file.path) && problem.contains("line 3") && problem.contains("settings ignored"), "\(problem)")
        try #"{"theme": 7}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(DesignerSettings.load(home: home).problem?.contains("\"theme\" must be a theme name") == true)
        try #"["light"]"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(DesignerSettings.load(home: home).problem?.contains("must be a JSON object") == true)
    }
}
