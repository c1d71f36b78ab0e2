import FlowRunner
import Foundation
import TextFormats

/// Admin > System's lines about the history: size (file and free pages), counts, oldest run, retention in force
/// (with where each value comes from) and the last prune.
enum HistoryFactLines {
    static func facts(_ overview: HistoryOverview?) -> [Fact] {
        guard let overview else { return [] }
        let facts = overview.facts
        let prune = facts.lastPrune.map { "\(TimeText.minute($0.at)) UTC: removed \($0.runs) run(s), \($0.events) event(s)" }
            ?? "none yet (a pass runs in the background every minute)"
        return [
            Fact("History", "\(bytes(facts.fileBytes)) on disk, \(bytes(facts.freeBytes)) free pages · \(facts.runs) runs · \(facts.events) events"),
            Fact("Oldest run", facts.oldestRun.map { TimeText.minute($0) + " UTC" } ?? "-"),
            Fact("Retention", retention(overview.retention)),
            Fact("Last prune", prune),
        ]
    }

    /// "30 days · 100000 runs · 100000 events (defaults)" when no value comes from settings.json (short enough for
    /// 80 columns); else each value with where it comes from.
    static func retention(_ lines: [String]) -> String {
        let suffix = " (default)"
        guard lines.allSatisfy({ $0.hasSuffix(suffix) }) else { return lines.joined(separator: " · ") }
        return lines.map { String($0.dropLast(suffix.count)) }.joined(separator: " · ") + " (defaults)"
    }

    /// `512 B`, `3.4 KiB`, `12.0 MiB`, `1.2 GiB`.
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count), unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
