import Foundation
import TextFormats

/// A business measure's value after a refresh, with the value before it.
public struct MeasureChange: Sendable, Equatable {
    public let measureName: String
    public let refreshId: UUID
    /// Nil on the first refresh (or when the previous aggregate was empty).
    public let previousValue: Double?
    public let currentValue: Double?
    public let recordedAt: Date
}

/// A segment's member count after a refresh, with the count before it.
public struct SegmentChange: Sendable, Equatable {
    public let segmentName: String
    public let refreshId: UUID
    /// Nil on the first refresh.
    public let previousCount: Int?
    public let currentCount: Int
    public let recordedAt: Date
}

/// What a full refresh did.
public struct FullRefreshSummary: Sendable, Equatable {
    public let refreshId: UUID
    public let startedAt: Date
    public let finishedAt: Date
    public let sourcesSucceeded: [String]
    public let sourcesFailed: [String]
    public let profiles: Int
    public let measuresRefreshed: Int
    public let segmentsRefreshed: Int

    /// Wall time of the whole refresh in seconds.
    public var duration: TimeInterval { finishedAt.timeIntervalSince(startedAt) }
}

/// An event published by a workspace refresh; one case per connector trigger kind.
public enum InsightsEvent: Sendable, Equatable {
    case dataSourceRefreshSucceeded(SourceRefreshResult)
    case dataSourceRefreshFailed(SourceRefreshResult)
    case unificationCompleted(UnificationResult)
    case measureRefreshed(MeasureChange)
    case segmentRefreshed(SegmentChange)
    case fullRefreshCompleted(FullRefreshSummary)

    /// The event kind, e.g. "DataSourceRefreshFailed".
    public var kind: String {
        switch self {
        case .dataSourceRefreshSucceeded: "DataSourceRefreshSucceeded"
        case .dataSourceRefreshFailed: "DataSourceRefreshFailed"
        case .unificationCompleted: "UnificationCompleted"
        case .measureRefreshed: "MeasureRefreshed"
        case .segmentRefreshed: "SegmentRefreshed"
        case .fullRefreshCompleted: "FullRefreshCompleted"
        }
    }

    /// The event's data with camelCase keys and ISO 8601 times, for trigger outputs.
    public var fields: [String: InsightsValue] {
        switch self {
        case .dataSourceRefreshSucceeded(let result), .dataSourceRefreshFailed(let result):
            [
                "dataSourceName": .string(result.sourceName), "refreshId": .string(result.refreshId.uuidString),
                "rowsRead": .integer(result.rowsRead), "rowsRejected": .integer(result.rowsRejected),
                "errorMessage": result.error.map { .string($0.description) } ?? .null,
                "startedAt": .iso(result.startedAt), "finishedAt": .iso(result.finishedAt),
                "status": .string(result.succeeded ? "Succeeded" : "Failed"),
            ]
        case .unificationCompleted(let result):
            [
                "refreshId": .string(result.refreshId.uuidString), "recordsIn": .integer(result.recordsIn),
                "profilesOut": .integer(result.profilesOut), "matchRate": .number(result.matchRate),
                "matchRules": .array(result.ruleStats.map(\.fields)),
                "startedAt": .iso(result.startedAt), "finishedAt": .iso(result.finishedAt),
            ]
        case .measureRefreshed(let change):
            [
                "measureName": .string(change.measureName), "refreshId": .string(change.refreshId.uuidString),
                "previousValue": .optional(change.previousValue), "currentValue": .optional(change.currentValue),
                "refreshedAt": .iso(change.recordedAt),
            ]
        case .segmentRefreshed(let change):
            [
                "segmentName": .string(change.segmentName), "refreshId": .string(change.refreshId.uuidString),
                "previousCount": .optional(change.previousCount), "currentCount": .integer(change.currentCount),
                "refreshedAt": .iso(change.recordedAt),
            ]
        case .fullRefreshCompleted(let summary):
            [
                "refreshId": .string(summary.refreshId.uuidString),
                "sourcesSucceeded": .array(summary.sourcesSucceeded.map(InsightsValue.string)),
                "sourcesFailed": .array(summary.sourcesFailed.map(InsightsValue.string)),
                "profiles": .integer(summary.profiles), "measuresRefreshed": .integer(summary.measuresRefreshed),
                "segmentsRefreshed": .integer(summary.segmentsRefreshed), "durationSeconds": .number(summary.duration),
                "startedAt": .iso(summary.startedAt), "finishedAt": .iso(summary.finishedAt),
                "status": .string(summary.sourcesFailed.isEmpty ? "Succeeded" : "CompletedWithFailures"),
            ]
        }
    }
}

extension MatchRuleStats {
    /// The statistics as event fields.
    var fields: InsightsValue {
        var object: [String: InsightsValue] = [
            "rule": .string(rule), "matchedRecords": .integer(matchedRecords), "merges": .integer(merges), "matchRate": .number(matchRate),
            "pairs": .integer(pairs), "vetoed": .integer(vetoed),
        ]
        if let deduplicates { object["deduplicates"] = .string(deduplicates) }
        return .object(object)
    }
}

extension InsightsValue {
    /// An ISO 8601 UTC timestamp with milliseconds.
    static func iso(_ date: Date) -> InsightsValue {
        .string(TimeText.iso8601(date))
    }
}
