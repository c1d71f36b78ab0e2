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
        #expect(DesignerSettings.theme(home: home) == nil)
        try #"{"theme": "light"}"#.write(to: home.url.appendingPathComponent("settings.json"), atomically: true, encoding: .utf8)
        #expect(DesignerSettings.theme(home: home) == "light")
    }
}
