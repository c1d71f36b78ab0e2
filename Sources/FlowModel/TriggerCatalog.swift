/// The connector's triggers: names, descriptions, parameters and dynamic-content outputs.
enum TriggerCatalog {
    static let workspaceName = OutputSpec("workspaceName", "Workspace name", .string, "The Customer Insights workspace that raised the event")
    static let refreshId = OutputSpec("refreshId", "Refresh ID", .string, "The identifier of the refresh run")
    static let startedAt = OutputSpec("startedAt", "Started at", .dateTime, "When the refresh started (UTC, ISO 8601)")
    static let finishedAt = OutputSpec("finishedAt", "Finished at", .dateTime, "When the refresh finished (UTC, ISO 8601)")
    static let dataSource = ParameterSpec("dataSource", "Data source", .string, defaultValue: "any",
                                          description: "The data source to watch, or \"any\" for every source")

    static let all: [TriggerSpec] = [refreshFailed, refreshSucceeded, segmentCrossed, measureCrossed, fullRefresh, unification, manual] + builtin

    static let refreshFailed = TriggerSpec(
        kind: .dataSourceRefreshFailed, displayName: "When a data source refresh fails",
        description: "Fires when a data source's ingest fails (file missing, unreadable, bad header or values).",
        parameters: [dataSource],
        outputs: [
            OutputSpec("dataSourceName", "Data source name", .string, "The data source whose refresh failed"),
            refreshId,
            OutputSpec("errorMessage", "Error message", .string, "Why the refresh failed"),
            startedAt, finishedAt,
            OutputSpec("rowsRead", "Rows read", .integer, "Rows read before the failure"),
            OutputSpec("rowsRejected", "Rows rejected", .integer, "Rows rejected as invalid"),
            workspaceName,
        ],
        defaultStepName: "When_a_data_source_refresh_fails")

    static let refreshSucceeded = TriggerSpec(
        kind: .dataSourceRefreshSucceeded, displayName: "When a data source refresh succeeds",
        description: "Fires when a data source's ingest succeeds.",
        parameters: [dataSource],
        outputs: [
            OutputSpec("dataSourceName", "Data source name", .string, "The data source that was refreshed"),
            refreshId, startedAt, finishedAt,
            OutputSpec("rowsRead", "Rows read", .integer, "Rows ingested"),
            OutputSpec("rowsRejected", "Rows rejected", .integer, "Rows rejected as invalid"),
            workspaceName,
        ],
        defaultStepName: "When_a_data_source_refresh_succeeds")

    static let segmentCrossed = TriggerSpec(
        kind: .segmentThresholdCrossed, displayName: "When a segment crosses a threshold",
        description: "Fires when a segment's member count rises from at most the threshold to above it (upward only).",
        parameters: [
            ParameterSpec("segment", "Segment", .string, required: true, description: "The segment to watch"),
            ParameterSpec("threshold", "Threshold", .number, required: true, description: "Fires when the member count goes above this number"),
        ],
        outputs: [
            OutputSpec("segmentName", "Segment name", .string, "The segment that crossed the threshold"),
            OutputSpec("threshold", "Threshold", .number, "The threshold that was crossed"),
            OutputSpec("previousCount", "Previous member count", .integer, "Members at the previous refresh"),
            OutputSpec("currentCount", "Current member count", .integer, "Members now"),
            refreshId,
            OutputSpec("evaluatedAt", "Evaluated at", .dateTime, "When the segment was evaluated"),
            workspaceName,
        ],
        defaultStepName: "When_a_segment_crosses_a_threshold")

    static let measureCrossed = TriggerSpec(
        kind: .measureThresholdCrossed, displayName: "When a business measure crosses a threshold",
        description: "Fires when a business measure's value rises from at most the threshold to above it (upward only).",
        parameters: [
            ParameterSpec("measure", "Measure", .string, required: true, description: "The business measure to watch"),
            ParameterSpec("threshold", "Threshold", .number, required: true, description: "Fires when the value goes above this number"),
        ],
        outputs: [
            OutputSpec("measureName", "Measure name", .string, "The measure that crossed the threshold"),
            OutputSpec("threshold", "Threshold", .number, "The threshold that was crossed"),
            OutputSpec("previousValue", "Previous value", .number, "The value at the previous refresh"),
            OutputSpec("currentValue", "Current value", .number, "The value now"),
            refreshId,
            OutputSpec("evaluatedAt", "Evaluated at", .dateTime, "When the measure was computed"),
            workspaceName,
        ],
        defaultStepName: "When_a_business_measure_crosses_a_threshold")

    static let fullRefresh = TriggerSpec(
        kind: .fullRefreshCompleted, displayName: "When a full refresh completes",
        description: "Fires when sources, unification, measures and segments have all been refreshed.",
        parameters: [],
        outputs: [
            refreshId, startedAt, finishedAt,
            OutputSpec("sourcesSucceeded", "Sources succeeded", .integer, "Data sources refreshed successfully"),
            OutputSpec("sourcesFailed", "Sources failed", .integer, "Data sources whose refresh failed"),
            OutputSpec("failedSources", "Failed sources", .array, "Names of the data sources that failed"),
            OutputSpec("profilesOut", "Unified profiles", .integer, "Customer profiles after unification"),
            OutputSpec("segmentsRefreshed", "Segments refreshed", .integer, "Segments evaluated"),
            OutputSpec("measuresRefreshed", "Measures refreshed", .integer, "Measures computed"),
            workspaceName,
        ],
        defaultStepName: "When_a_full_refresh_completes")

    static let unification = TriggerSpec(
        kind: .unificationCompleted, displayName: "When unification (map, match, merge) completes",
        description: "Fires when the map, match and merge pipeline has produced the unified customer profiles.",
        parameters: [],
        outputs: [
            refreshId, startedAt, finishedAt,
            OutputSpec("recordsIn", "Source records", .integer, "Customer records read from all sources"),
            OutputSpec("profilesOut", "Unified profiles", .integer, "Customer profiles produced"),
            OutputSpec("matchRate", "Match rate", .number, "Share of records matched to another record (0 to 1)"),
            OutputSpec("matchedByRule", "Matches by rule", .object, "Records matched by each match rule"),
            OutputSpec("mergedRecords", "Merged records", .integer, "Records merged into another record's profile"),
            workspaceName,
        ],
        defaultStepName: "When_unification_completes")

    static let manual = TriggerSpec(
        kind: .manual, displayName: "Manually trigger a flow",
        description: "Runs when you test the flow or press Run; its body is what you enter.",
        parameters: [ParameterSpec("schema", "Input schema", .object, description: "A JSON schema of the inputs asked for when run by hand")],
        outputs: [OutputSpec("", "Trigger body", .object, "Everything entered when the flow was run")],
        defaultStepName: "Manually_trigger_a_flow")
}
