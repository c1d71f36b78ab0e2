import Foundation

/// Runs full refreshes of a workspace at the times its schedule gives, until stopped.
public final class RefreshScheduler: @unchecked Sendable {
    private let workspace: Workspace
    private let schedule: RefreshSchedule
    private let onError: @Sendable (any Error) -> Void
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    /// A scheduler for `workspace`; `schedule` defaults to the one in its definition.
    public init(workspace: Workspace, schedule: RefreshSchedule? = nil, onError: @escaping @Sendable (any Error) -> Void = { _ in }) {
        self.workspace = workspace
        self.schedule = schedule ?? workspace.definition.schedule ?? RefreshSchedule(enabled: false)
        self.onError = onError
    }

    /// Starts the schedule loop (no effect if already running or the schedule is off).
    public func start() {
        lock.withLock {
            guard task == nil else { return }
            let workspace = workspace
            let schedule = schedule
            let onError = onError
            task = Task {
                while !Task.isCancelled, let next = schedule.nextFireDate(after: Date()) {
                    try? await Task.sleep(for: .seconds(min(max(0, next.timeIntervalSinceNow), RefreshSchedule.maximumInterval)))
                    if Task.isCancelled { return }
                    do { try await workspace.refreshAll() } catch { onError(error) }
                }
            }
        }
    }

    /// Stops the loop; a refresh already running finishes.
    public func stop() {
        lock.withLock {
            task?.cancel()
            task = nil
        }
    }

    deinit { task?.cancel() }
}
