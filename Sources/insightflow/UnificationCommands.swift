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
        guard let explanation = try Self.reporting({ try workspace.explainProfile(customerId) }) else {
            Self.printError("error: no profile '\(customerId)' (see `insightflow segments --members NAME` for ids)")
            throw ExitCode.failure
        }
        if json { return Self.printEncodable(explanation) }
        print(ExplanationText.profileHeadline(explanation))
        print("  " + explanation.records.map(\.description).joined(separator: ", "))
        for link in explanation.links {
            print(ExplanationText.link(link))
            for line in ExplanationText.conditions(link.verdict.conditions) { print("    " + line) }
        }
        for record in explanation.unexplained { print(ExplanationText.unexplained(record)) }
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
        let explanation = try Self.reporting { try workspace.explainPair(a, b) }
        if json { return Self.printEncodable(explanation) }
        print(ExplanationText.pairHeadline(explanation))
        for verdict in explanation.verdicts {
            print(ExplanationText.verdict(verdict))
            for line in ExplanationText.conditions(verdict.conditions) { print("    " + line) }
        }
        if let path = ExplanationText.path(explanation) { print(path) }
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
        guard let last = try Self.reporting({ try workspace.lastUnification() }) else {
            return print("No unification yet; run `insightflow refresh --all`")
        }
        if json { return Self.printEncodable(last) }
        for warning in workspace.definition.unification.warnings { Self.printError("warning: \(warning)") }
        print("Last unification " + ExplanationText.summary(last))
        Self.printTable(header: ExplanationText.statsHeader, rows: last.rules.map(ExplanationText.statsRow))
    }
}
