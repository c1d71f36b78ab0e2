import FlowExpressions
import FlowModel
import Foundation
import Insights

/// The first start of an empty home: the sample workspace (with its demo feed on), outbox connections for
/// Teams and email, and the two reference flows built from their templates and turned On.
public enum SampleHome {
    /// The connection names the sample flows use.
    public static let teamsConnection = "Teams"
    public static let emailConnection = "Email"

    /// Prepares the home when it has neither flows nor a workspace; returns true when it did.
    @discardableResult
    public static func prepareIfNew(_ home: InsightFlowHome) throws -> Bool {
        let manager = FileManager.default
        let hasFlows = ((try? manager.contentsOfDirectory(atPath: home.flowsFolder.path)) ?? []).contains { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        guard !hasFlows, !manager.fileExists(atPath: home.workspaceFolder.path) else { return false }
        try SampleWorkspace.write(to: home.workspaceFolder)
        try prepareConnections(home)
        try prepareFlows(home)
        return true
    }

    static func prepareConnections(_ home: InsightFlowHome) throws {
        let store = ConnectionStore(home: home)
        let existing = Set(try store.load().map(\.name))
        for name in [teamsConnection, emailConnection] where !existing.contains(name) {
            try store.upsert(Connection(name: name, kind: .outbox, settings: ["note": .string("writes to \(home.outboxFolder.path); edit in Admin > Connections to send for real")]))
        }
    }

    static func prepareFlows(_ home: InsightFlowHome) throws {
        let store = FlowStore(home: home)
        let teams = FlowTemplates.teamsOnRefreshFailure.instantiate(id: "teams-refresh-failed", answers: ["connection": .string(teamsConnection), "dataSource": "any"])
        let email = FlowTemplates.emailOnSegmentThreshold.instantiate(id: "email-segment-threshold", answers: [
            "connection": .string(emailConnection), "segment": "High value customers", "threshold": 20, "to": "data-owners@contoso.example",
        ])
        for var flow in [teams, email] {
            flow.state = .on
            do {
                try store.create(flow)
            } catch FlowStoreError.alreadyExists {
                continue
            }
        }
    }
}
