import Foundation
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct FuzzyUnificationTests {
    private typealias Rule = UnificationDefinition.MatchRule

    /// Given name and surname fuzzy (medium) either way round, blocked on an exact postcode.
    private static let nameRule = Rule(name: "name+postcode", conditions: [
        MatchCondition("postcode"),
        MatchCondition("given", precision: .medium, normalize: [.lowerCase, .name], swapWith: "surname"),
        MatchCondition("surname", precision: .medium, normalize: [.lowerCase, .name], swapWith: "given"),
    ], scope: .acrossSources)

    private func refreshed(_ definition: WorkspaceDefinition, a: [String], b: [String]) async throws -> (Workspace, [[String]]) {
        let workspace = try PeopleWorkspace.load(definition, a: a, b: b)
        try await workspace.refreshAll()
        return (workspace, try await PeopleWorkspace.profiles(workspace))
    }

    @Test func typosSwappedNamesAndNicknamesMatchButMissingValuesDoNot() async throws {
        let (workspace, profiles) = try await refreshed(PeopleWorkspace.definition([Self.nameRule]), a: [
            "1,Jacqueline,Smith,2000,", "2,Robert,Jones,3000,", "3,Anna,Berg,4000,", "4,Ann,,5000,",
        ], b: [
            "x1,Jaclyne,Smith,2000,", "x2,jones,Bob,3000,", "x3,Anna,Berg,4001,", "x4,Ann,,5000,",
        ])
        #expect(profiles == [["a:1", "b:x1"], ["a:2", "b:x2"], ["a:3"], ["a:4"], ["b:x3"], ["b:x4"]])
        let stats = try workspace.lastUnification()?.rules
        #expect(stats == [MatchRuleStats(rule: "name+postcode", matchedRecords: 4, merges: 2, matchRate: 0.5, pairs: 2, vetoed: 0, pairwise: true)])
    }

    @Test func fuzzyThresholdIsRespected() async throws {
        var rule = Self.nameRule
        rule.conditions?[1].precision = .high
        let (workspace, profiles) = try await refreshed(PeopleWorkspace.definition([rule]), a: ["1,Jacqueline,Smith,2000,"], b: ["x1,Jaclyne,Smith,2000,"])
        #expect(profiles == [["a:1"], ["b:x1"]], "0.6 < 80 %")
        let stats = try #require(try workspace.lastUnification()?.rules.first)
        #expect(ExplanationText.statsRow(stats) == ["name+postcode", "match", "0", "0", "0", "0"], "a fuzzy rule that found no pair says 0, not -")
    }

    @Test func exceptionsKeepDifferentPeopleApartEvenTransitively() async throws {
        var rule = Self.nameRule
        rule.scope = nil
        rule.exceptions = ["dob"]
        let a = ["1,Anna,Berg,4000,1980-01-01", "2,Anna,Berg,4000,1990-05-05"]
        let b = ["x1,Anna,Berg,4000,", "x2,Ana,Berg,4000,1990-05-05"]
        let (workspace, profiles) = try await refreshed(PeopleWorkspace.definition([rule]), a: a, b: b)
        // Without the exception all four would be one profile (x1 has no birth date and matches both).
        #expect(profiles.count == 2)
        #expect(profiles.contains { $0.contains("a:1") && !$0.contains("a:2") })
        #expect(profiles.contains { $0.contains("a:2") && $0.contains("b:x2") })
        let stats = try workspace.lastUnification()?.rules.first
        #expect((stats?.vetoed ?? 0) >= 1)
        let (_, unvetoed) = try await refreshed(PeopleWorkspace.definition([Rule(name: "r", conditions: rule.conditions)]), a: a, b: b)
        #expect(unvetoed == [["a:1", "a:2", "b:x1", "b:x2"]])
        let why = try workspace.explainPair(RecordRef(source: "a", key: "1"), RecordRef(source: "a", key: "2"))
        #expect(!why.together)
        #expect(why.verdicts.first?.vetoedBy == "dob")
    }

    @Test func perSourceDeduplicationRunsWithItsOwnRules() async throws {
        let dedup = UnificationDefinition.Deduplication(source: "a", rules: [
            Rule(name: "a dob+surname", conditions: [MatchCondition("dob"), MatchCondition("surname", precision: .high)]),
        ])
        let exact = Rule(name: "exact", fields: ["given", "surname", "postcode"], scope: .acrossSources)
        let a = ["1,Anna,Berg,4000,1980-01-01", "2,Anne,Bergg,4100,1980-01-01"]
        let b = ["x1,Anne,Bergg,4100,1980-01-01", "x2,Tom,Berg,4000,1980-01-01", "x3,Tom,Berg,4000,1980-01-01"]
        let (workspace, profiles) = try await refreshed(PeopleWorkspace.definition([exact], deduplication: [dedup]), a: a, b: b)
        #expect(profiles == [["a:1", "a:2", "b:x1"], ["b:x2"], ["b:x3"]], "b is not deduplicated; a's rule does not reach b")
        let stats = try workspace.lastUnification()?.rules
        #expect(stats?.map(\.rule) == ["a dob+surname", "exact"])
        #expect(stats?.map(\.deduplicates) == ["a", nil], "the deduplication rule names its source, the match rule none")
    }

    @Test func plainExactRulesStillBehaveAsBefore() async throws {
        let (_, profiles) = try await refreshed(PeopleWorkspace.definition([Rule(name: "dob", fields: ["dob"])]),
                                                a: ["1,A,B,1,1980-01-01", "2,C,D,2,1980-01-01"], b: ["x1,E,F,3,1980-01-01", "x2,G,H,4,"])
        #expect(profiles == [["a:1", "a:2", "b:x1"], ["b:x2"]])
    }

    @Test func explanationNamesTheRuleAndScoresOfEachLink() async throws {
        let exact = Rule(name: "dob+surname", fields: ["dob", "surname"])
        let (workspace, profiles) = try await refreshed(PeopleWorkspace.definition([exact, Self.nameRule]), a: [
            "1,Jacqueline,Smith,2000,1970-02-02",
        ], b: ["x1,Jaclyne,Smith,2000,", "x2,Jane,Smith,9999,1970-02-02"])
        #expect(profiles == [["a:1", "b:x1", "b:x2"]])
        let id = CustomerIdAssigner.derivedId(source: "a", key: "1")
        let explanation = try #require(try workspace.explainProfile(id))
        #expect(explanation.records.count == 3 && explanation.unexplained.isEmpty)
        #expect(explanation.links.map(\.verdict.rule) == ["dob+surname", "name+postcode"])
        let fuzzy = try #require(explanation.links.last)
        #expect(fuzzy.to == RecordRef(source: "b", key: "x1"))
        #expect(fuzzy.verdict.conditions.map(\.precision) == ["exact", "60%", "60%"])
        #expect(abs((fuzzy.verdict.conditions[1].score ?? 0) - 0.6) < 1e-9)
        let why = try workspace.explainPair(RecordRef(source: "b", key: "x1"), RecordRef(source: "b", key: "x2"))
        #expect(why.together)
        #expect(why.verdicts.map(\.matched) == [false, false])
        #expect(why.verdicts[0].conditions[0].score == nil, "x1 has no birth date: missing, not a mismatch")
        #expect(why.path.count == 2)
    }
}

@Suite(.temporaryFolder) struct MatchOrderTests {
    @Test func earlierSourcesWinWhenAnExceptionAllowsOnlyOneCandidate() async throws {
        let rule = UnificationDefinition.MatchRule(name: "names", conditions: [
            MatchCondition("postcode"), MatchCondition("surname", precision: .high),
        ], exceptions: ["dob"])
        let a = ["1,Anna,Berg,4000,1980-01-01"]
        let b = ["x,Anna,Berg,4000,", "y,Anna,Berg,4000,1990-05-05"]
        var profiles: [[[String]]] = []
        for order in [["a", "b"], ["b", "a"]] {
            let workspace = try PeopleWorkspace.load(PeopleWorkspace.definition([rule], matchOrder: order), a: a, b: b)
            try await workspace.refreshAll()
            profiles.append(try await PeopleWorkspace.profiles(workspace))
        }
        #expect(profiles[0] == [["a:1", "b:x"], ["b:y"]], "a first: x (no birth date) joins a:1")
        #expect(profiles[1] == [["a:1"], ["b:x", "b:y"]], "b first: x joins y")
    }
}
