import Insights
import TerminalUI

/// The lines of Data > Unification: the last unification's statistics per rule (deduplication rules first), then
/// the latest why / explain answer, wrapped to the screen's width. Wording comes from `ExplanationText`, as in
/// `insightflow workspace matches|why|explain`.
enum UnificationLines {
    /// One line: its cells (one for text, six for a statistics row), its role, and the profile it names (Enter or
    /// e explains it).
    struct Line: Sendable, Equatable {
        var cells: [String]
        var role: ThemeRole
        var profileId: String?

        init(_ text: String, _ role: ThemeRole = .text, profile: String? = nil) {
            cells = [text]
            self.role = role
            profileId = profile
        }

        init(cells: [String], role: ThemeRole = .text) {
            self.cells = cells
            self.role = role
        }
    }

    /// The statistics table's column titles (the rows are `ExplanationText.statsRow`).
    static let header = ["Rule", "Stage", "Pairs", "Records", "Merges", "Vetoed"]
    /// The title of the answer section (the screen jumps to it when an answer arrives).
    static let answerHeading = "Why / explain"

    /// Every line for a body `width` columns wide.
    static func lines(_ state: UnificationState, width: Int) -> [Line] {
        var lines: [Line] = []
        let room = max(20, width - 4)
        func text(_ value: String, _ role: ThemeRole = .text, indent: String = "", profile: String? = nil) {
            for (index, part) in TextWrap.lines(value, width: room - indent.count).enumerated() {
                lines.append(Line((index == 0 ? indent : indent + "  ") + part, role, profile: profile))
            }
        }
        if !state.loaded {
            text("Reading the match statistics…", .muted)
        } else if let problem = state.problem {
            text(problem, .error)
        } else if let last = state.last {
            text("Last unification " + ExplanationText.summary(last), .title)
            lines.append(Line(cells: header, role: .muted))
            for rule in last.rules { lines.append(Line(cells: ExplanationText.statsRow(rule))) }
            if last.rules.isEmpty { text("(no match rules)", .muted) }
        } else {
            text("No unification yet: refresh everything (Admin > System, a) and come back", .muted)
        }
        for warning in state.warnings { text("warning: " + warning, .warning) }
        lines.append(Line(""))
        lines.append(Line(answerHeading, .title))
        guard let answer = state.answer else {
            text("w: why are two records together or apart · e: explain a profile by its id", .muted)
            return lines
        }
        switch answer {
        case .problem(let title, let message):
            text(title)
            text(message, .error)
        case .pair(let explanation):
            text(ExplanationText.pairHeadline(explanation), explanation.together ? .success : .warning)
            for id in Set([explanation.firstCustomerId, explanation.secondCustomerId].compactMap { $0 }).sorted() {
                text("profile \(id) (Enter: explain it)", .muted, indent: "  ", profile: id)
            }
            for verdict in explanation.verdicts {
                text(ExplanationText.verdict(verdict), verdict.vetoedBy != nil ? .warning : verdict.matched ? .success : .text)
                for condition in ExplanationText.conditions(verdict.conditions) { text(condition, .muted, indent: "    ") }
            }
            if let path = ExplanationText.path(explanation) { text(path) }
        case .profile(let explanation):
            text(ExplanationText.profileHeadline(explanation), .title, profile: explanation.customerId)
            text(explanation.records.map(\.description).joined(separator: ", "), .text, indent: "  ")
            for link in explanation.links {
                text(ExplanationText.link(link))
                for condition in ExplanationText.conditions(link.verdict.conditions) { text(condition, .muted, indent: "    ") }
            }
            for record in explanation.unexplained { text(ExplanationText.unexplained(record), .warning) }
        }
        return lines
    }
}
