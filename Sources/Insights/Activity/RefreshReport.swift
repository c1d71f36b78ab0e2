import Foundation
import TextFormats

/// What one refresh requested by a user did: the events it published, one line each, and the sources that
/// failed. The same report comes from an in-process refresh and from one run by `serve`.
public struct RefreshReport: Sendable, Equatable, Codable {
    /// One published event.
    public struct Entry: Sendable, Equatable, Codable {
        public let kind: String
        public let fields: [String: InsightsValue]
        /// The event in one line of words (`source Webshop: ok, 120 rows read, 0 rejected`).
        public let line: String

        public init(kind: String, fields: [String: InsightsValue], line: String) {
            self.kind = kind
            self.fields = fields
            self.line = line
        }
    }

    /// The source refreshed, or nil for a full refresh.
    public let source: String?
    public let events: [Entry]
    public let failedSources: [String]

    public init(source: String?, events: [Entry], failedSources: [String]) {
        self.source = source
        self.events = events
        self.failedSources = failedSources
    }
}

extension Workspace {
    /// Refreshes one source (or everything when `source` is nil) and reports the events it published.
    public func refreshReporting(source: String?, progress: (@Sendable (RefreshProgress) -> Void)? = nil) async throws -> RefreshReport {
        let stream = events()
        let fullRefresh = source == nil
        let listener = Task {
            var entries: [RefreshReport.Entry] = []
            for await event in stream {
                entries.append(RefreshReport.Entry(kind: event.kind, fields: event.fields, line: event.summaryLine))
                if event.isLast(ofFullRefresh: fullRefresh) { break }
            }
            return entries
        }
        let failed: [String]
        do {
            if let source {
                failed = try await refreshSource(named: source).succeeded ? [] : [source]
            } else {
                failed = try await refreshAll(progress: progress).sourcesFailed
            }
        } catch {
            listener.cancel()
            throw error
        }
        return RefreshReport(source: source, events: await listener.value, failedSources: failed)
    }
}

extension InsightsEvent {
    /// Whether this is the last event a refresh publishes (full refresh: its completion; one source: its result).
    func isLast(ofFullRefresh fullRefresh: Bool) -> Bool {
        switch self {
        case .fullRefreshCompleted: true
        case .dataSourceRefreshSucceeded, .dataSourceRefreshFailed: !fullRefresh
        case .unificationCompleted, .measureRefreshed, .segmentRefreshed: false
        }
    }

    /// The event in one line of words.
    public var summaryLine: String {
        switch self {
        case .dataSourceRefreshSucceeded(let result):
            "source \(result.sourceName): ok, \(result.rowsRead) rows read, \(result.rowsRejected) rejected"
        case .dataSourceRefreshFailed(let result):
            "source \(result.sourceName): FAILED: \(result.error?.description ?? "unknown error")"
        case .unificationCompleted(let result):
            "unification: \(result.recordsIn) records -> \(result.profilesOut) profiles ("
                + result.ruleStats.map { "\($0.rule) \(String(format: "%.0f", $0.matchRate * 100))%" }.joined(separator: ", ") + ")"
        case .measureRefreshed(let change):
            "measure \(change.measureName): \(change.previousValue.map(NumberText.plain) ?? "-") -> \(change.currentValue.map(NumberText.plain) ?? "-")"
        case .segmentRefreshed(let change):
            "segment \(change.segmentName): \(change.previousCount.map(String.init) ?? "-") -> \(change.currentCount) members"
        case .fullRefreshCompleted(let summary):
            "full refresh completed in \(String(format: "%.2f", summary.duration)) s: \(summary.sourcesSucceeded.count) sources ok, "
                + "\(summary.sourcesFailed.count) failed, \(summary.profiles) profiles"
        }
    }
}
