/// Why a flow store operation failed.
public enum FlowStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file on disk is newer than the version the editor started from; nothing was written.
    case conflict(id: String, expectedVersion: Int, foundVersion: Int)
    /// No flow (or file) with this id or name.
    case notFound(String)
    /// A flow with this id already exists.
    case alreadyExists(String)
    /// More than one flow has this display name; use the id.
    case ambiguous(String, ids: [String])
    /// The flow file exists but cannot be read as a flow.
    case badFile(FlowFileError)
    /// The flow has errors, so it cannot be turned On.
    case hasErrors(id: String, issues: [FlowIssue])
    /// A file system failure.
    case io(String)
    /// The flow has no kept version with this number.
    case versionNotFound(id: String, version: Int, kept: [Int])

    public var description: String {
        switch self {
        case .conflict(let id, let expected, let found):
            return "flow '\(id)' was changed elsewhere (you edited version \(expected), the file is now version \(found)); reload it or save as a copy"
        case .notFound(let what): return "no flow '\(what)'; `insightflow flow list` shows the flows"
        case .alreadyExists(let id): return "a flow with id '\(id)' already exists"
        case .ambiguous(let name, let ids): return "several flows are named '\(name)' (\(ids.joined(separator: ", "))); use an id"
        case .badFile(let error): return error.description
        case .hasErrors(let id, let issues):
            let errors = issues.filter { $0.severity == .error }
            return "flow '\(id)' has \(errors.count) error(s) and cannot be turned On:\n" + errors.map { "  \($0)" }.joined(separator: "\n")
        case .io(let message): return message
        case .versionNotFound(let id, _, let kept) where kept.count == 1:
            return "flow '\(id)' has only version \(kept[0]) so far: nothing to compare or restore until it is saved again"
        case .versionNotFound(let id, let version, let kept):
            return "flow '\(id)' has no version \(version) (kept: \(kept.map(String.init).joined(separator: ", "))); `insightflow flow history \(id)` lists them"
        }
    }
}
