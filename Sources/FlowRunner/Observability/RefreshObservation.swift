import Foundation
import Insights
import Logging

/// Data source refreshes as the runner hears of them (the workspace's events, forwarded in `RunnerHost`).
enum RefreshObservation {
    /// Records a source refresh's duration and failure; other workspace events are not refreshes of a source.
    static func record(_ event: InsightsEvent, into metrics: RunnerMetrics?, logger: Logger) {
        switch event {
        case .dataSourceRefreshSucceeded(let result), .dataSourceRefreshFailed(let result):
            metrics?.sourceRefreshed(source: result.sourceName, succeeded: result.succeeded,
                                    seconds: result.finishedAt.timeIntervalSince(result.startedAt))
            if !result.succeeded {
                logger.warning("source refresh failed", metadata: ["source": "\(result.sourceName)", "refresh": "\(result.refreshId)"])
            }
        default:
            break
        }
    }
}
