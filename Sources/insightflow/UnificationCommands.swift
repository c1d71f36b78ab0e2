import ArgumentParser
import Foundation
import Insights

/// `insightflow workspace explain CUSTOMER_ID`: the records of a profile and which rule joined each, with scores.
struct WorkspaceExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show which records make up a unified profile and which match rule joined each (condition scores).")

    @OptionGroup var home: HomeOptions
    @Argument(help: "The profile's CustomerId.") var customerId: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try Self.loadWorkspace(home)
        guard let explanation = try await Self.reporting({ try await workspace.explainProfile(customerId) }) else {
            Self.printError("error: no profile '\(customerId)' (see `insightflow segments --members NAME` for ids)")
            throw ExitCode.failure
        }
        if json { return Self.printEncodable(explanation) }
        print("Profile \(explanation.customerId): \(explanation.records.count) record(s)")
        print("  " + explanation.records.map(\.description).joined(separator: ", "))
        for link in explanation.links {
            print("\(link.from) + \(link.to) by rule '\(link.verdict.rule)'\(link.verdict.swapped ? " (names swapped)" : "")")
            for line in ConditionLines.lines(link.verdict.conditions) { print("    " + line) }
        }
        for record in explanation.unexplained {
            print("\(record): no rule joins it to the others with the sources' current data (joined at the last refresh)")
        }
    }
}

/// `insightflow workspace why SOURCE:KEY SOURCE:KEY`: whether two records are together, and every rule's verdict.
struct WorkspaceWhyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Explain why two source records are in one profile or apart (every rule's verdict).")

    @OptionGroup var home: HomeOptions
    @Argument(help: "The first record as SOURCE:KEY, e.g. crm:42.") var first: String
    @Argument(help: "The second record as SOURCE:KEY.") var second: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        guard let a = RecordRef(first), let b = RecordRef(second) else {
            Self.printError("error: name records as SOURCE:KEY, e.g. crm:42")
            throw ExitCode.validationFailure
        }
        let workspace = try Self.loadWorkspace(home)
        let explanation = try await Self.reporting { try await workspace.explainPair(a, b) }
        if json { return Self.printEncodable(explanation) }
        let state = explanation.together ? "together in profile \(explanation.firstCustomerId ?? "")"
            : "apart (profiles \(explanation.firstCustomerId ?? "none") and \(explanation.secondCustomerId ?? "none"))"
        print("\(a) and \(b) are \(state)")
        for verdict in explanation.verdicts {
            let outcome = verdict.notApplicable.map { "does not apply: \($0)" }
                ?? verdict.vetoedBy.map { "matches, but exception '\($0)' disagrees: kept apart" }
                ?? (verdict.matched ? "matches\(verdict.swapped ? " (names swapped)" : "")" : "no match")
            print("rule '\(verdict.rule)': \(outcome)")
            for line in ConditionLines.lines(verdict.conditions) { print("    " + line) }
        }
        if explanation.path.count > 1 {
            print("joined through: " + explanation.path.map { "\($0.from) + \($0.to) (\($0.verdict.rule))" }.joined(separator: ", "))
        }
    }
}

/// `insightflow workspace matches`: per-rule statistics of the last unification.
struct WorkspaceMatchesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matches", abstract: "Show the last unification's match statistics per rule (pairs found, records joined, vetoed).")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try Self.loadWorkspace(home)
        guard let last = try await Self.reporting({ try await workspace.lastUnification() }) else {
            return print("No unification yet; run `insightflow refresh --all`")
        }
        if json { return Self.printEncodable(last) }
        for warning in workspace.definition.unification.warnings { Self.printError("warning: \(warning)") }
        print("Last unification \(last.finishedAt): \(last.recordsIn) records → \(last.profilesOut) profiles")
        Self.printTable(header: ["RULE", "PAIRS", "RECORDS MATCHED", "MERGES", "VETOED"], rows: last.rules.map {
            [$0.rule, $0.pairs == 0 && $0.vetoed == 0 ? "-" : String($0.pairs), String($0.matchedRecords), String($0.merges), String($0.vetoed)]
        })
    }
}

/// Condition scores as terminal lines.
enum ConditionLines {
    /// One line per condition: field, precision, score, pass or fail.
    static func lines(_ conditions: [ConditionScore]) -> [String] {
        conditions.map { condition in
            let compared = condition.comparedWith == condition.field ? condition.field : "\(condition.field)~\(condition.comparedWith)"
            let score = condition.score.map { String(format: "%.2f", $0) } ?? "missing"
            return "\(compared) [\(condition.precision)] \(score) \(condition.passed ? "✓" : "✗")"
        }
    }
}
