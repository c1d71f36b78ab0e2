import FlowExpressions

/// The statuses a `runAfter` entry may name. Read case-insensitively (`SUCCEEDED` and `Succeeded` are equal),
/// written in the reference language's casing.
public enum RunAfterStatus: String, Sendable, Hashable, CaseIterable, Codable, CaseInsensitiveName {
    case succeeded = "Succeeded"
    case failed = "Failed"
    case skipped = "Skipped"
    case timedOut = "TimedOut"
}
