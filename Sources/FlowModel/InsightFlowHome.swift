import Foundation

/// The InsightFlow home folder and the well-known places inside it (see ARCHITECTURE.md).
public struct InsightFlowHome: Sendable, Hashable {
    /// The home folder itself.
    public let url: URL

    /// A home at an explicit folder.
    public init(url: URL) { self.url = url }

    /// Resolves the home: an explicit path, else `$INSIGHTFLOW_HOME`, else `$XDG_DATA_HOME/insightflow`,
    /// else `~/.local/share/insightflow`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> InsightFlowHome {
        if let explicit, !explicit.isEmpty { return InsightFlowHome(url: URL(fileURLWithPath: explicit, isDirectory: true)) }
        if let fromEnv = environment["INSIGHTFLOW_HOME"], !fromEnv.isEmpty {
            return InsightFlowHome(url: URL(fileURLWithPath: fromEnv, isDirectory: true))
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return InsightFlowHome(url: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("insightflow", isDirectory: true))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return InsightFlowHome(url: home.appendingPathComponent(".local/share/insightflow", isDirectory: true))
    }

    /// `flows/`: one JSON file per flow.
    public var flowsFolder: URL { url.appendingPathComponent("flows", isDirectory: true) }
    /// `workspace/`: the Insights data.
    public var workspaceFolder: URL { url.appendingPathComponent("workspace", isDirectory: true) }
    /// `history.sqlite`: runs, events, trigger baselines.
    public var historyDatabase: URL { url.appendingPathComponent("history.sqlite") }
    /// `connections.json` (mode 0600).
    public var connectionsFile: URL { url.appendingPathComponent("connections.json") }
    /// `outbox/`: messages written by outbox connections.
    public var outboxFolder: URL { url.appendingPathComponent("outbox", isDirectory: true) }
    /// `shared-store.json`: which shared-store version each flow was last pulled or pushed at.
    public var sharedStoreFile: URL { url.appendingPathComponent("shared-store.json") }
}
