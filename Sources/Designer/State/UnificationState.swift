import Insights

/// What Data > Unification asks the workspace for.
public enum UnificationRequest: Sendable, Hashable {
    /// The last unification's statistics (and the sources, for reading references).
    case stats
    /// Why two records are together or apart.
    case why(RecordRef, RecordRef)
    /// Which records make up a profile and which rules joined them.
    case explain(customerId: String)
}

/// An explanation shown under the statistics: of a pair, of a profile, or why there is none.
public enum UnificationAnswer: Sendable, Equatable {
    case pair(PairExplanation)
    case profile(ProfileExplanation)
    /// The lookup could not be answered: a heading ("Why CRM contacts:1 and x:2") and what is wrong, with the fix.
    case problem(title: String, message: String)
}

/// What Data > Unification answers with.
public enum UnificationMessage: Sendable {
    case stats(LastUnification?, sources: [UnificationSource], warnings: [String])
    case answer(UnificationAnswer)
    /// The statistics cannot be read (no workspace, a store error).
    case unavailable(String)
}

/// Data > Unification's data: the last unification's statistics and the latest explanation.
public struct UnificationState: Sendable {
    /// True once the statistics were read (or found unavailable).
    public var loaded = false
    /// The last unification; nil before the first (or when unavailable).
    public var last: LastUnification?
    public var sources: [UnificationSource] = []
    public var warnings: [String] = []
    /// Why the statistics cannot be shown, if so.
    public var problem: String?
    /// The latest why / explain answer.
    public var answer: UnificationAnswer?
    /// The text last typed into the why field (offered again to correct it).
    public var whyText = ""

    public init() {}
}
