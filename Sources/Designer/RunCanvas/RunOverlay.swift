import FlowExpressions
import FlowModel
import FlowRunner
import TextFormats

/// A run laid over its flow: which record each card shows, given the iteration chosen in each loop. Pure: the
/// canvas (run view) and the tests read it; nothing here draws.
struct RunOverlay: Sendable, Hashable {
    let flow: Flow
    let records: [StepRecord]
    /// The enclosing loops (Foreach/Until) of every step, outermost first.
    let loops: [String: [String]]
    /// Records by (step name, iteration path or "").
    private let byKey: [String: [StepRecord]]

    init(flow: Flow, records: [StepRecord]) {
        self.flow = flow
        self.records = records
        let all = flow.definition.allSteps
        let isLoop = Dictionary(all.map { ($0.step.name, $0.step.type.isLoop) }, uniquingKeysWith: { first, _ in first })
        var loops: [String: [String]] = [:]
        for located in all { loops[located.step.name] = located.ancestors.filter { isLoop[$0] == true } }
        self.loops = loops
        var byKey: [String: [StepRecord]] = [:]
        for record in records { byKey[record.stepName + "\u{1}" + (record.iterationPath ?? ""), default: []].append(record) }
        self.byKey = byKey
    }

    /// The iteration path of `loops` under the chosen iterations (`Outer[2].Inner[0]`), nil for none.
    func path(_ loops: [String], chosen: [String: Int]) -> String? {
        guard !loops.isEmpty else { return nil }
        var parts: [String] = []
        for loop in loops {
            let available = iterations(of: loop, chosen: chosen)
            let index = chosen[loop].flatMap { available.contains($0) ? $0 : nil } ?? available.first ?? 0
            parts.append("\(loop)[\(index)]")
        }
        return parts.joined(separator: ".")
    }

    /// The record a step's card shows: its execution in the chosen iteration of every enclosing loop (the last one
    /// when it ran more than once there); nil when it did not run.
    func record(_ step: String, chosen: [String: Int]) -> StepRecord? {
        byKey[step + "\u{1}" + (path(loops[step] ?? [], chosen: chosen) ?? "")]?.last
    }

    /// The iterations of a loop that have records, within the chosen iterations of its outer loops, ascending.
    func iterations(of loop: String, chosen: [String: Int]) -> [Int] {
        let outer = path(loops[loop] ?? [], chosen: chosen)
        let prefix = (outer.map { $0 + "." } ?? "") + loop + "["
        var found = Set<Int>()
        for record in records {
            guard let path = record.iterationPath, path.hasPrefix(prefix) else { continue }
            let rest = path.dropFirst(prefix.count)
            if let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]) { found.insert(index) }
        }
        return found.sorted()
    }

    /// The iterations of a loop in which some step failed or timed out, ascending.
    func failedIterations(of loop: String, chosen: [String: Int]) -> [Int] {
        let outer = path(loops[loop] ?? [], chosen: chosen)
        let prefix = (outer.map { $0 + "." } ?? "") + loop + "["
        var found = Set<Int>()
        for record in records where Self.isFailure(record.status) {
            guard let path = record.iterationPath, path.hasPrefix(prefix) else { continue }
            let rest = path.dropFirst(prefix.count)
            if let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]) { found.insert(index) }
        }
        return found.sorted()
    }

    /// The chosen iteration of a loop (the first one with records when none was chosen).
    func current(_ loop: String, chosen: [String: Int]) -> Int? {
        let available = iterations(of: loop, chosen: chosen)
        return chosen[loop].flatMap { available.contains($0) ? $0 : nil } ?? available.first
    }

    /// The loop `[`, `]` and `F` act on for a selected card: the card itself when it is a loop, else its innermost loop.
    func loop(for step: String?) -> String? {
        guard let step else { return nil }
        if flow.definition.step(named: step)?.type.isLoop == true { return step }
        return loops[step]?.last
    }

    static func isFailure(_ status: StepStatus) -> Bool { status == .failed || status == .timedOut || status == .aborted }

    /// A card's status line: `Failed · 1.2 s · 2 tries · error text` (the output summary for steps that succeeded;
    /// for a dry run's Teams, email or HTTP step, what it would have sent).
    static func cardLine(_ record: StepRecord?, type: StepType? = nil) -> String {
        guard let record else { return "not run" }
        var parts = [record.status.rawValue]
        if let finished = record.finishedAt { parts.append(TimeText.duration(finished.timeIntervalSince(record.startedAt))) }
        if record.attempts != 1 { parts.append(record.attempts == 0 ? "not tried" : "\(record.attempts) tries") }
        if let effect = ReplayEffect.from(record, type: type) {
            parts.append("would send " + effect.summary)
        } else if let summary = summary(record) {
            parts.append(summary)
        }
        return parts.joined(separator: " · ")
    }

    /// One line about what a step produced: its error, else its outputs (compact JSON, first 120 characters).
    static func summary(_ record: StepRecord) -> String? {
        if let error = record.errorMessage, !error.isEmpty { return error.split(whereSeparator: \.isNewline).joined(separator: " ") }
        guard let outputs = record.outputs, outputs != .null else { return nil }
        let text = outputs.stringValue ?? outputs.jsonText()
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 120 ? String(flat.prefix(119)) + "…" : flat
    }
}

extension StepType {
    /// Foreach and Until: the containers with iterations.
    var isLoop: Bool { self == .foreach || self == .until }
}
