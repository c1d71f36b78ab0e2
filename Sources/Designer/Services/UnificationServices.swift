import Insights

/// A customer source as the Unification screen names it in "why" lookups: its name and key column.
public struct UnificationSource: Sendable, Hashable {
    public var name: String
    public var keyColumn: String

    public init(name: String, keyColumn: String) {
        self.name = name
        self.keyColumn = keyColumn
    }
}

/// What Data > Unification asks of the workspace: the last unification's statistics and the explanations of
/// `insightflow workspace matches|why|explain` (the same Insights calls, no recomputation of its own).
@MainActor
public protocol UnificationServices: AnyObject {
    /// The customer sources (names and key columns), for reading and checking record references.
    var sources: [UnificationSource] { get }
    /// Advice about the rules (a fuzzy rule without an exact condition).
    var warnings: [String] { get }
    /// The last unification's totals and per-rule statistics; nil before the first one.
    func lastUnification() throws -> LastUnification?
    /// Every rule's verdict on two records and whether they are together.
    func explainPair(_ first: RecordRef, _ second: RecordRef) throws -> PairExplanation
    /// The records of a profile and the rule that joined each; nil when there is no such profile.
    func explainProfile(_ customerId: String) throws -> ProfileExplanation?
}

/// The Unification services over a loaded Insights workspace (the app's, or a temporary one in tests).
@MainActor
public final class WorkspaceUnification: UnificationServices {
    private let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public var sources: [UnificationSource] {
        workspace.definition.sources.compactMap { source in
            guard source.feeds == .customers, let key = source.keyColumn else { return nil }
            return UnificationSource(name: source.name, keyColumn: key)
        }
    }

    public var warnings: [String] { workspace.definition.unification.warnings }

    public func lastUnification() throws -> LastUnification? { try workspace.lastUnification() }

    public func explainPair(_ first: RecordRef, _ second: RecordRef) throws -> PairExplanation { try workspace.explainPair(first, second) }

    public func explainProfile(_ customerId: String) throws -> ProfileExplanation? { try workspace.explainProfile(customerId) }
}
