import FlowModel
import Foundation

/// Finds the way to the runner of a home.
public enum RunnerClients {
    /// What an embedded runner started here does with the home's workspace.
    public enum WorkspaceUse: Sendable {
        /// Nothing: no event forwarding, no schedule (for commands that only run flows).
        case none
        /// Forward its events to the runner (a CLI refresh fires the flows), but no schedule or demo feed.
        case events
        /// Events, a first refresh, the schedule and the demo feed (the app's embedded runner).
        case full
    }

    /// The client of the `serve` holding `home`, or an embedded runner started in this process (taking the
    /// home's lock; `RunnerLock.Held` when another process without a control endpoint holds it).
    public static func connect(home: InsightFlowHome, workspace: WorkspaceUse, configuration: RunnerConfiguration = RunnerConfiguration(),
                               onWorkspaceError: @escaping @Sendable (any Error) -> Void = { _ in }) async throws -> any RunnerClient {
        if let endpoint = RunnerEndpoint.current(home: home) {
            return try RemoteRunnerClient(home: home, endpoint: endpoint)
        }
        // The retention keys of settings.json hold for every runner of the home (serve applies all its keys itself;
        // applying the retention ones twice changes nothing). A file that cannot be read leaves the defaults.
        let configuration = (try? RunnerSettings.load(home: home))?.retentionApplied(to: configuration) ?? configuration
        let host = try await RunnerHost.open(home: home, configuration: configuration, onWorkspaceError: onWorkspaceError)
        switch workspace {
        case .none: break
        case .events: host.startWorkspace(activity: false)
        case .full: host.startWorkspace(activity: true)
        }
        return LocalRunnerClient(host: host)
    }
}
