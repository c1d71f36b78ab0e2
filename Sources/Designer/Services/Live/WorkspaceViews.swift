import Foundation
import Insights
import TextFormats

/// The workspace status (one reader: `Workspace.status()`) as the Data screen and Admin > System show it.
enum WorkspaceViews {
    /// Home > Data: sources with their rows and last refresh, profiles, segments and measures.
    static func snapshot(_ status: WorkspaceStatus) -> WorkspaceSnapshot {
        WorkspaceSnapshot(
            name: status.name,
            sources: status.sources.map { source in
                WorkspaceItem(name: source.name, value: source.rows.map { "\($0) rows" } ?? "-", detail: refreshText(source.lastRefresh))
            },
            unification: [WorkspaceItem(name: "Unified profiles", value: "\(status.profiles)",
                                        detail: status.lastFullRefreshAt.map { "full refresh at " + TimeText.clock($0) } ?? "no full refresh yet")],
            segments: status.segments.map { WorkspaceItem(name: $0.name, value: $0.count.map(members) ?? "-") },
            measures: status.measures.map { WorkspaceItem(name: $0.name, value: $0.value.map(NumberText.plain) ?? "-", detail: $0.aggregation) })
    }

    /// The Data screen of a workspace whose store cannot be read yet.
    static func unrefreshed(_ definition: WorkspaceDefinition) -> WorkspaceSnapshot {
        WorkspaceSnapshot(name: definition.name,
                          sources: definition.sources.map { WorkspaceItem(name: $0.name, value: "-", detail: "never refreshed") },
                          segments: definition.segments.map { WorkspaceItem(name: $0.name, value: "-") },
                          measures: definition.measures.map { WorkspaceItem(name: $0.name, value: "-") })
    }

    /// Admin > System: the same status with times, the schedule and the demo feed.
    static func system(_ status: WorkspaceStatus, schedule: RefreshSchedule?, demoFeed: Bool?) -> SystemStatusView {
        var lines: [SystemStatusView.Line] = status.sources.map { source in
            .init(group: "Source", name: source.name, value: source.rows.map { "\($0) rows" } ?? "-", detail: refreshText(source.lastRefresh),
                  failed: source.lastRefresh?.errorMessage != nil)
        }
        let full = status.lastFullRefreshAt.map { "full refresh at " + TimeText.clock($0) } ?? "no full refresh yet"
        lines.append(.init(group: "Unification", name: "Unified profiles", value: "\(status.profiles)", detail: full))
        lines += status.measures.map {
            .init(group: "Measure", name: $0.name, value: $0.value.map(NumberText.plain) ?? "-", detail: $0.refreshedAt.map { "at " + TimeText.clock($0) } ?? "-")
        }
        lines += status.segments.map {
            .init(group: "Segment", name: $0.name, value: $0.count.map(members) ?? "-", detail: $0.refreshedAt.map { "at " + TimeText.clock($0) } ?? "-")
        }
        return SystemStatusView(lines: lines, schedule: describe(schedule), demoFeed: demoFeed)
    }

    /// "succeeded at 10:06:43", "failed: … at …" or "never refreshed".
    static func refreshText(_ last: SourceRefreshRecord?) -> String {
        last.map { ($0.errorMessage.map { "failed: \($0)" } ?? "succeeded") + " at " + TimeText.clock($0.finishedAt) } ?? "never refreshed"
    }

    /// "1 member", "12 members".
    static func members(_ count: Int) -> String { count == 1 ? "1 member" : "\(count) members" }

    /// "every 20 s", "daily at 06:00, 18:00 (UTC)" or "off".
    static func describe(_ schedule: RefreshSchedule?) -> String {
        guard let schedule, schedule.isEnabled else { return "off" }
        if let interval = schedule.intervalSeconds { return "every \(NumberText.plain(interval)) s" }
        return "daily at " + (schedule.dailyTimes ?? []).joined(separator: ", ") + " (\(schedule.timeZone ?? "UTC"))"
    }
}
