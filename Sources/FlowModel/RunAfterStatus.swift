/// The statuses a `runAfter` entry may name. Read case-insensitively (`SUCCEEDED` and `Succeeded` are equal),
/// written in the reference language's casing.
public enum RunAfterStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case succeeded = "Succeeded"
    case failed = "Failed"
    case skipped = "Skipped"
    case timedOut = "TimedOut"

    /// Reads a status in any letter case; nil for an unknown word.
    public init?(caseInsensitive text: String) {
        if let exact = RunAfterStatus(rawValue: text) {
            self = exact
            return
        }
        let lowered = text.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }
}
