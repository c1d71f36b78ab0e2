import Foundation
import Insights

/// Reads the workspace's status into the Admin > System view and posts it.
enum SystemStatusReader {
    static func post(_ workspace: Workspace, demoFeed: Bool?, schedule: RefreshSchedule?, notices: NoticeBox) async {
        do {
            let status = try await workspace.status()
            notices.post(.status(view(status, schedule: schedule ?? workspace.definition.schedule, demoFeed: demoFeed)))
        } catch {
            notices.post(.failure("Cannot read the workspace status: \(error)"))
        }
    }

    /// The view of a status: sources, unification, measures, segments.
    static func view(_ status: WorkspaceStatus, schedule: RefreshSchedule?, demoFeed: Bool?) -> SystemStatusView {
        var lines: [SystemStatusView.Line] = status.sources.map { source in
            let last = source.lastRefresh
            let detail = last.map { ($0.errorMessage.map { "failed: \($0)" } ?? "succeeded") + " at " + DisplayTime.clock($0.finishedAt) } ?? "never refreshed"
            return .init(group: "Source", name: source.name, value: source.rows.map { "\($0) rows" } ?? "-", detail: detail,
                         failed: last?.errorMessage != nil)
        }
        let full = status.lastFullRefreshAt.map { "full refresh at " + DisplayTime.clock($0) } ?? "no full refresh yet"
        lines.append(.init(group: "Unification", name: "Unified profiles", value: "\(status.profiles)", detail: full))
        lines += status.measures.map {
            .init(group: "Measure", name: $0.name, value: $0.value.map(DisplayTime.number) ?? "-", detail: $0.refreshedAt.map { "at " + DisplayTime.clock($0) } ?? "-")
        }
        lines += status.segments.map {
            .init(group: "Segment", name: $0.name, value: $0.count.map { "\($0) members" } ?? "-", detail: $0.refreshedAt.map { "at " + DisplayTime.clock($0) } ?? "-")
        }
        return SystemStatusView(lines: lines, schedule: describe(schedule), demoFeed: demoFeed)
    }

    /// "every 20 s", "daily at 06:00, 18:00 (UTC)" or "off".
    static func describe(_ schedule: RefreshSchedule?) -> String {
        guard let schedule, schedule.isEnabled else { return "off" }
        if let interval = schedule.intervalSeconds { return "every \(DisplayTime.number(interval)) s" }
        return "daily at " + (schedule.dailyTimes ?? []).joined(separator: ", ") + " (\(schedule.timeZone ?? "UTC"))"
    }
}
