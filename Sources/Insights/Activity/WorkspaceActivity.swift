import Foundation
import Synchronization

/// The background work of a workspace while a runner serves it: the first refresh, the refresh schedule and the
/// demo feed. The schedule and the feed can be changed while it runs; a schedule change is written to
/// `workspace.json` and applied at once.
public final class WorkspaceActivity: Sendable {
    private struct Current: Sendable {
        var scheduler: RefreshScheduler?
        var schedule: RefreshSchedule?
        var demoFeed: DemoFeed?
        var demoFeedOn = false
        var startup: Task<Void, Never>?
        var stopped = false
        /// The schedule and the feed were started (after the first refresh).
        var running = false
    }

    public let workspace: Workspace
    private let onError: @Sendable (any Error) -> Void
    private let current: Mutex<Current>

    /// Activity for `workspace`; nothing runs until `start()`.
    public init(workspace: Workspace, onError: @escaping @Sendable (any Error) -> Void = { _ in }) {
        self.workspace = workspace
        self.onError = onError
        var initial = Current()
        initial.schedule = workspace.definition.schedule
        initial.demoFeed = DemoFeed.configured(for: workspace)
        current = Mutex(initial)
    }

    /// Refreshes the workspace once now (so threshold flows get their baseline at once), then starts the schedule
    /// and (for the sample) the demo feed. Subscribe to the workspace's events before calling.
    public func start() {
        let workspace = workspace, onError = onError
        let startup = Task { [weak self] in
            do { _ = try await workspace.refreshAll() } catch { onError(error) }
            guard !Task.isCancelled else { return }
            self?.startBackground()
        }
        current.withLock { $0.startup = startup }
    }

    private func startBackground() {
        current.withLock { state in
            guard !state.stopped else { return }
            state.running = true
            state.scheduler = Self.scheduler(workspace, state.schedule, onError)
            if let feed = state.demoFeed {
                feed.start()
                state.demoFeedOn = true
            }
        }
    }

    private static func scheduler(_ workspace: Workspace, _ schedule: RefreshSchedule?, _ onError: @escaping @Sendable (any Error) -> Void) -> RefreshScheduler? {
        guard let schedule, schedule.isEnabled else { return nil }
        let scheduler = RefreshScheduler(workspace: workspace, schedule: schedule, onError: onError)
        scheduler.start()
        return scheduler
    }

    /// Stops the schedule and the demo feed (and keeps them from starting if the first refresh still runs).
    public func stop() {
        current.withLock { state in
            state.stopped = true
            state.startup?.cancel()
            state.scheduler?.stop()
            state.scheduler = nil
            state.running = false
            state.demoFeed?.stop()
            state.demoFeedOn = false
        }
    }

    /// The schedule in force (the definition's until changed here).
    public var schedule: RefreshSchedule? { current.withLock { $0.schedule } }

    /// Writes `schedule` into `workspace.json` (validated first, so a bad schedule changes nothing) and restarts
    /// the schedule with it.
    public func setSchedule(_ schedule: RefreshSchedule) throws {
        try WorkspaceDefinition.updateSchedule(schedule, folder: workspace.folder)
        current.withLock { state in
            state.schedule = schedule
            state.scheduler?.stop()
            state.scheduler = nil
            if state.running, !state.stopped {
                state.scheduler = Self.scheduler(workspace, schedule, onError)
            }
        }
    }

    /// Whether the demo feed is ticking; nil when the workspace has none.
    public var demoFeed: Bool? { current.withLock { $0.demoFeed == nil ? nil : $0.demoFeedOn } }

    /// Switches the demo feed on or off (an error when the workspace has none).
    public func setDemoFeed(on: Bool) throws {
        try current.withLock { state in
            guard let feed = state.demoFeed else { throw InsightsError.noDemoFeed }
            if on { feed.start() } else { feed.stop() }
            state.demoFeedOn = on
        }
    }
}
