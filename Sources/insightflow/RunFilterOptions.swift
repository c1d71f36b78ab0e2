import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// The filters of `insightflow runs`: each bad value is refused naming the option and what to write instead.
struct RunFilterOptions: ParsableArguments {
    @Option(help: "Only runs of this flow (id or name).") var flow: String?
    @Option(help: "Only runs with this status (succeeded, failed, cancelled, timedout, aborted, running, queued).") var status: String?
    @Option(help: "Only runs caused by this event type (e.g. DataSourceRefreshFailed, SegmentRefreshed, Recurrence).") var trigger: String?
    @Option(help: "Only runs queued at or after this time: ISO 8601 (2026-12-05, 2026-12-05T14:30Z) or a time ago (30m, 2h, 7d).") var since: String?
    @Option(help: "Only runs queued at or before this time (same forms as --since).") var until: String?
    @Option(help: "Only runs with a step whose inputs, outputs or error contain these words (all of them; word* for a prefix).") var search: String?

    /// The query these options describe (the flow name resolved to its id; the id of a deleted flow whose runs the
    /// history still holds is taken as it is).
    func query(home: InsightFlowHome, history: HistoryStore, limit: Int) throws -> RunQuery {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1; got \(limit)") }
        let flowId = try flow.map { name -> String in
            let found: String?
            do { found = try FlowStore(home: home).find(name).flow.id } catch { found = nil }
            if let found { return found }
            if try !history.runs(matching: RunQuery(flowId: name, limit: 1)).runs.isEmpty { return name }
            return try RunsListCommand.storeCall { () throws(FlowStoreError) in try FlowStore(home: home).find(name).flow.id }
        }
        let status = try status.map { text -> RunStatus in
            guard let status = RunStatus(caseInsensitive: text) else {
                throw ValidationError("--status: unknown status '\(text)'; use one of \(RunStatus.allCases.map { $0.rawValue.lowercased() }.joined(separator: ", "))")
            }
            return status
        }
        let trigger = try trigger.map { text -> EventType in
            guard let type = EventType(caseInsensitive: text) else {
                throw ValidationError("--trigger: unknown event type '\(text)'; use one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return type
        }
        let since = try since.map { try Self.time($0, option: "--since") }
        let until = try until.map { try Self.time($0, option: "--until") }
        if let since, let until, since > until {
            throw ValidationError("--since (\(Flow.timestamp(since))) is after --until (\(Flow.timestamp(until))); swap them")
        }
        if let search, RunQuery.ftsPattern(search) == nil {
            throw ValidationError("--search: give at least one word to look for in the steps' inputs, outputs and errors")
        }
        return RunQuery(flowId: flowId, status: status, triggerType: trigger, since: since, until: until, search: search, limit: limit)
    }

    private static func time(_ text: String, option: String) throws -> Date {
        guard let date = TimeBound.parse(text) else { throw ValidationError("\(option): cannot read '\(text)' as a time; \(TimeBound.help)") }
        return date
    }
}
