import FlowExpressions
import FlowModel
import Foundation
import Insights
import OrderedCollections
import Synchronization

/// The refresh schedule as this process runs it: the interval chosen in Admin > System replaces the workspace's.
final class ScheduleSlot: Sendable {
    private struct Current: @unchecked Sendable {
        var scheduler: RefreshScheduler?
        var schedule: RefreshSchedule?
    }

    private let current = Mutex(Current())

    /// The schedule chosen here, if any (else the workspace definition's).
    var schedule: RefreshSchedule? { current.withLock { $0.schedule } }

    /// Stops the scheduler started here.
    func stop() { current.withLock { $0.scheduler?.stop() } }

    /// Writes `intervalSeconds` (nil or 0: off) into workspace.json and, when this process runs the schedule,
    /// restarts it with the new interval.
    /// Off keeps the last interval (60 s when there was none): workspace.json needs one to load again.
    func set(intervalSeconds: Double?, workspace: Workspace, control: RunnerControl) throws {
        let on = (intervalSeconds ?? 0) > 0
        let last = (self.schedule ?? workspace.definition.schedule)?.intervalSeconds ?? 60
        let schedule = RefreshSchedule(enabled: on, intervalSeconds: on ? intervalSeconds : last)
        try Self.write(schedule, folder: workspace.folder)
        guard case .embedded(_, let activity) = control else {
            current.withLock { $0.schedule = schedule }
            return
        }
        activity.scheduler?.stop()
        let scheduler = RefreshScheduler(workspace: workspace, schedule: schedule)
        scheduler.start()
        current.withLock { state in
            state.scheduler?.stop()
            state.scheduler = scheduler
            state.schedule = schedule
        }
    }

    /// Sets `schedule` in workspace.json, keeping every other member.
    static func write(_ schedule: RefreshSchedule, folder: URL) throws {
        let file = folder.appendingPathComponent("workspace.json")
        guard let data = FileManager.default.contents(atPath: file.path), case .object(var document) = try JSONValue.parse(bytes: [UInt8](data)) else {
            throw LinkError("cannot read \(file.path)")
        }
        var value: OrderedDictionary<String, JSONValue> = ["enabled": .bool(schedule.isEnabled)]
        if let interval = schedule.intervalSeconds { value["intervalSeconds"] = interval.rounded() == interval ? .int(Int(interval)) : .double(interval) }
        document["schedule"] = .object(value)
        try AtomicFile.write(JSONValue.object(document).jsonBytes(pretty: true), to: file)
    }
}
