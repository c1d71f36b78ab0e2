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
    ///
    /// On two connections: activity sources are ingested into a scratch database, and the measures that need no
    /// profiles computed there, while the writer ingests the customer sources and unifies; the writer then adopts
    /// the activity tables and finishes the measures and segments.
    func run() throws -> FullRefreshSummary {
        let refreshId = UUID()
        let started = Date()
        var results: [SourceRefreshResult] = []
        let customers = definition.sources.filter { $0.feeds != .activities }
        let activities = definition.sources.filter { $0.feeds == .activities }
        let scratch = folder.appendingPathComponent(".insights-refresh-\(refreshId.uuidString).sqlite").path
        let ahead = activities.isEmpty ? nil : BackgroundJob { [self] in try workAhead(activities, scratch: scratch) }
        defer {
            _ = try? ahead?.wait()
            try? FileManager.default.removeItem(atPath: scratch)
        }
        for (index, source) in customers.enumerated() {
            report(.source, source.name, index + 1)
            results.append(try SourceRefresher(source: source, folder: folder).refresh(pool, fullRefreshId: refreshId))
            publish(results[results.count - 1])
        }
        for (index, source) in activities.enumerated() { report(.source, source.name, customers.count + index + 1) }
        report(.unification, "unification", definition.sources.count + 1)
        let unification = try Unifier(definition: definition).run(pool, refreshId: refreshId)
        var precomputed: PrecomputedMeasures?
        var attached = false
        defer {
            if attached { try? pool.writeWithoutTransaction { db in try db.execute(sql: "DETACH DATABASE \(MeasurePrecompute.schema)") } }
        }
        if let work = try? ahead?.wait(), (try? attach(scratch)) != nil {
            attached = true
            precomputed = work.measures
            for load in work.loaded {
                results.append(try load.adopt(pool, schema: MeasurePrecompute.schema, fullRefreshId: refreshId))
                publish(results[results.count - 1])
            }
        } else {
            // Work ahead is an optimisation only: without it the activity sources are ingested here.
            for source in activities {
                results.append(try SourceRefresher(source: source, folder: folder).refresh(pool, fullRefreshId: refreshId))
                publish(results[results.count - 1])
            }
        }
        hub.publish(.unificationCompleted(unification))
        let (measures, segments) = try refreshInsights(refreshId: refreshId, precomputed: precomputed)
        let summary = FullRefreshSummary(
            refreshId: refreshId, startedAt: started, finishedAt: Date(), sourcesSucceeded: results.filter(\.succeeded).map(\.sourceName),
            sourcesFailed: results.filter { !$0.succeeded }.map(\.sourceName), profiles: unification.profilesOut,
            measuresRefreshed: measures, segmentsRefreshed: segments)
        try pool.write { db in try log(summary, db) }
        hub.publish(.fullRefreshCompleted(summary))
        return summary
    }

    /// On a second connection to the scratch file: loads the activity sources, then computes the measures that
    /// need no profiles from them.
    private func workAhead(_ activities: [SourceDefinition], scratch: String) throws -> (loaded: [IngestAhead], measures: PrecomputedMeasures) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -8192; PRAGMA temp.cache_size = -8192")
        }
        let queue = try DatabaseQueue(path: scratch, configuration: configuration)
        return try queue.writeWithoutTransaction { db in
            let loaded = activities.map { IngestAhead.load(SourceRefresher(source: $0, folder: folder), db) }
            let precompute = MeasurePrecompute(definition: definition, order: order, now: now)
            return (loaded, try precompute.run(db, target: "main"))
        }
    }

    private func attach(_ scratch: String) throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS \(MeasurePrecompute.schema)", arguments: [scratch])
        }
    }

    private func publish(_ result: SourceRefreshResult) {
        hub.publish(result.succeeded ? .dataSourceRefreshSucceeded(result) : .dataSourceRefreshFailed(result))
    }

    /// Evaluates measures and segments in dependency order; returns (business measures, segments) refreshed.
    private func refreshInsights(refreshId: UUID, precomputed: PrecomputedMeasures?) throws -> (Int, Int) {
        var events: [InsightsEvent] = []
        let evaluator = MeasureEvaluator(definition: definition, now: now, precomputed: precomputed)
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
