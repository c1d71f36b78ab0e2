import Foundation
import GRDB

/// Progress of a full refresh: which step is running, out of how many.
public struct RefreshProgress: Sendable, Equatable {
    /// The pipeline stage of a step.
    public enum Stage: String, Sendable { case source, unification, measure, segment }
    public let stage: Stage
    public let item: String
    public let step: Int
    public let totalSteps: Int
}

/// Runs sources -> unification -> measures and segments (dependency order), publishing an event per stage.
struct FullRefresh: Sendable {
    let definition: WorkspaceDefinition
    let folder: URL
    let pool: DatabasePool
    let hub: EventHub
    let order: [InsightItem]
    let now: Date
    let progress: (@Sendable (RefreshProgress) -> Void)?

    private var totalSteps: Int { definition.sources.count + 1 + order.count }

    /// Runs the whole pipeline; a failed source is reported and the rest uses its last good data.
    func run() throws -> FullRefreshSummary {
        let refreshId = UUID()
        let started = Date()
        var succeeded: [String] = []
        var failed: [String] = []
        for (index, source) in definition.sources.enumerated() {
            report(.source, source.name, index + 1)
            let result = try SourceRefresher(source: source, folder: folder).refresh(pool, fullRefreshId: refreshId)
            if result.succeeded { succeeded.append(source.name) } else { failed.append(source.name) }
            hub.publish(result.succeeded ? .dataSourceRefreshSucceeded(result) : .dataSourceRefreshFailed(result))
        }
        let scratch = folder.appendingPathComponent(".insights-refresh-\(refreshId.uuidString).sqlite").path
        let precompute = MeasurePrecompute(definition: definition, order: order, now: now, storePath: pool.path, scratchPath: scratch)
        let ahead = precompute.isEmpty ? nil : BackgroundJob { try precompute.run() }
        defer {
            _ = try? ahead?.wait()
            try? FileManager.default.removeItem(atPath: scratch)
        }
        report(.unification, "unification", definition.sources.count + 1)
        let unification = try Unifier(definition: definition).run(pool, refreshId: refreshId)
        hub.publish(.unificationCompleted(unification))
        // Work done ahead is an optimisation only: if it failed, every measure is evaluated here instead.
        let precomputed = try? ahead?.wait()
        let (measures, segments) = try refreshInsights(refreshId: refreshId, precomputed: precomputed, scratch: scratch)
        let summary = FullRefreshSummary(
            refreshId: refreshId, startedAt: started, finishedAt: Date(), sourcesSucceeded: succeeded,
            sourcesFailed: failed, profiles: unification.profilesOut, measuresRefreshed: measures, segmentsRefreshed: segments)
        try pool.write { db in try log(summary, db) }
        hub.publish(.fullRefreshCompleted(summary))
        return summary
    }

    /// Evaluates measures and segments in dependency order; returns (business measures, segments) refreshed.
    private func refreshInsights(refreshId: UUID, precomputed: PrecomputedMeasures?, scratch: String) throws -> (Int, Int) {
        var events: [InsightsEvent] = []
        var evaluator = MeasureEvaluator(definition: definition, now: now, precomputed: precomputed)
        var attached = false
        if let precomputed, !precomputed.keyed.isEmpty {
            do {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "ATTACH DATABASE ? AS \(MeasurePrecompute.schema)", arguments: [scratch])
                }
                attached = true
            } catch {
                evaluator.precomputed?.keyed = [:]
            }
        }
        defer {
            if attached {
                try? pool.writeWithoutTransaction { db in try db.execute(sql: "DETACH DATABASE \(MeasurePrecompute.schema)") }
            }
        }
        try pool.write { db in
            events = []
            let history = InsightsHistory(db: db, refreshId: refreshId, now: Date())
            for (index, item) in order.enumerated() {
                report(item.stage, item.name, definition.sources.count + 2 + index)
                if let event = try evaluate(item, evaluator: evaluator, history: history, db) { events.append(event) }
            }
        }
        for event in events { hub.publish(event) }
        let measures = events.filter { if case .measureRefreshed = $0 { true } else { false } }.count
        return (measures, events.count - measures)
    }

    private func evaluate(_ item: InsightItem, evaluator: MeasureEvaluator, history: InsightsHistory, _ db: Database) throws -> InsightsEvent? {
        switch item {
        case .measure(let measure):
            if measure.effectiveLevel == .customer {
                try evaluator.storeCustomerValues(measure, db)
                return nil
            }
            return .measureRefreshed(try history.recordMeasure(measure.name, value: try evaluator.businessValue(measure, db)))
        case .segment(let segment):
            let count = try SegmentEvaluator(definition: definition, now: now).evaluate(segment, db)
            return .segmentRefreshed(try history.recordSegment(segment.name, count: count))
        }
    }

    private func report(_ stage: RefreshProgress.Stage, _ item: String, _ step: Int) {
        progress?(RefreshProgress(stage: stage, item: item, step: step, totalSteps: totalSteps))
    }

    private func log(_ summary: FullRefreshSummary, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO full_refresh_log (id, started_at, finished_at, sources_succeeded, sources_failed, profiles)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                summary.refreshId.uuidString, summary.startedAt, summary.finishedAt,
                summary.sourcesSucceeded.count, summary.sourcesFailed.count, summary.profiles,
            ])
    }
}

extension InsightItem {
    /// The progress stage of this item.
    var stage: RefreshProgress.Stage {
        if case .measure = self { return .measure }
        return .segment
    }

    /// The measure or segment name.
    var name: String {
        switch self {
        case .measure(let measure): measure.name
        case .segment(let segment): segment.name
        }
    }
}
