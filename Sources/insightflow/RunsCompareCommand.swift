import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner

/// `insightflow runs compare RUN1 RUN2 [--json]`: two runs step by step — statuses and outputs side by side, the
/// steps that differ marked.
struct RunsCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare two runs step by step (statuses and outputs).")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The first run's id (or its first characters).") var first: String
    @Argument(help: "The second run's id (or its first characters).") var second: String
    @Flag(help: "Only the steps that differ.") var differences = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let history = try HistoryStore.reader(url: home.location.historyDatabase)
        func load(_ id: String) throws -> RunRecord {
            guard let run = try history.run(id: id) else {
                throw ValidationError("no run '\(id)' (or the prefix names more than one); `insightflow runs` lists them")
            }
            return run
        }
        let a = try load(first), b = try load(second)
        let comparison = RunComparison(first: a, firstSteps: try history.steps(runId: a.id), second: b, secondSteps: try history.steps(runId: b.id))
        if json {
            Self.printJSON(comparison.json)
            return
        }
        print("first:  \(a.id.prefix(8))  \(a.flowId) v\(a.flowVersion)  \(a.status.rawValue)  \(a.startedAt.map(Flow.timestamp) ?? "-")")
        print("second: \(b.id.prefix(8))  \(b.flowId) v\(b.flowVersion)  \(b.status.rawValue)  \(b.startedAt.map(Flow.timestamp) ?? "-")")
        if a.flowId != b.flowId { print("note: the runs are of different flows") }
        let rows = differences ? comparison.differences : comparison.rows
        Self.printTable(header: ["", "STEP", "FIRST", "SECOND"], rows: rows.map { row in
            [Self.mark(row.change), row.step, RunComparison.outcome(row.first), RunComparison.outcome(row.second)]
        }, maxWidth: 44)
        print("\(comparison.differences.count) of \(comparison.rows.count) step(s) differ")
    }

    /// `=` same, `≠` status, `~` outputs, `<` only in the first run, `>` only in the second.
    static func mark(_ change: RunComparison.Change) -> String {
        switch change {
        case .same: "="
        case .status: "≠"
        case .outputs: "~"
        case .onlyFirst: "<"
        case .onlySecond: ">"
        }
    }
}
