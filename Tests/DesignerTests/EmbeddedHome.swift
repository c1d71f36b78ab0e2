import Designer
import FlowModel
import FlowRunner
import Foundation
import TerminalUI

/// A temporary home holding `flows`, with its embedded runner opened as the app opens it: the journey tests that
/// need real runs in a real history start here.
@MainActor
final class EmbeddedHome {
    let folder: URL
    let home: InsightFlowHome
    let host: RunnerHost
    let client: LocalRunnerClient
    let link: HomeRunnerLink

    private init(folder: URL, home: InsightFlowHome, host: RunnerHost) {
        self.folder = folder
        self.home = home
        self.host = host
        client = LocalRunnerClient(host: host)
        link = HomeRunnerLink(client: client, history: host.history, workspace: nil, home: home)
    }

    /// Writes `flows` into a new home and starts its runner.
    static func open(_ flows: [Flow]) async throws -> EmbeddedHome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-embedded-\(UUID().uuidString)")
        let home = InsightFlowHome(url: folder)
        for flow in flows { _ = try FlowStore(home: home).create(flow) }
        return EmbeddedHome(folder: folder, home: home, host: try await RunnerHost.open(home: home))
    }

    /// The designer on this home at `size`, with the flows' last runs from the link (as the app wires it).
    func session(_ size: Size = Size(width: 80, height: 24)) -> DesignerSession {
        DesignerSession(services: StoreDesignerServices(home: home, runs: { [link] in link.lastRuns() }, runner: link), size: size, theme: .plain)
    }

    /// Stops the link and removes the home.
    func close() {
        link.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
