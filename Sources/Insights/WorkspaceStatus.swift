import Foundation
import GRDB

/// One row of the refresh log.
public struct SourceRefreshRecord: Codable, Sendable, Equatable, FetchableRecord {
    public let refreshId: String
    public let sourceName: String
    public let startedAt: Date
    public let finishedAt: Date
    public let rowsRead: Int
    public let rowsRejected: Int
    public let errorMessage: String?

    static let selectSQL = """
        SELECT id AS refreshId, source AS sourceName, started_at AS startedAt, finished_at AS finishedAt,
        rows_read AS rowsRead, rows_rejected AS rowsRejected, error AS errorMessage FROM refresh_log
        """
}

/// A data source with its last refresh and the row count of its last good data.
public struct SourceStatus: Codable, Sendable, Equatable {
    public let name: String
    public let kind: String
    public let feeds: String
    public let path: String
    public let rows: Int?
    public let lastRefresh: SourceRefreshRecord?
}

/// A segment with its current and previous member counts.
public struct SegmentStatus: Codable, Sendable, Equatable {
    public let name: String
    public let count: Int?
    public let previousCount: Int?
    public let refreshedAt: Date?
}

/// A measure with its current and previous values (customer measures: number of profiles with a value).
public struct MeasureStatus: Codable, Sendable, Equatable {
    public let name: String
    public let level: String
    public let aggregation: String
    public let value: Double?
    public let previousValue: Double?
    public let refreshedAt: Date?
}

/// A snapshot of the whole workspace for status screens and `insightflow workspace status`.
public struct WorkspaceStatus: Codable, Sendable, Equatable {
    public let name: String
    public let folder: String
    public let profiles: Int
    public let lastFullRefreshAt: Date?
    public let sources: [SourceStatus]
    public let segments: [SegmentStatus]
    public let measures: [MeasureStatus]
}
