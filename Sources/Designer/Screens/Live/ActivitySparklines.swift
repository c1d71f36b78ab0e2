import FlowRunner
import TerminalUI
import Foundation

/// Admin > System's last hour: runs per second, failures, queue depth and delivery latency, one sparkline each,
/// one bar per minute (oldest left), with the minute in progress and the hour's highest value.
enum ActivitySparklines {
    /// The rows drawn: a heading and one per series.
    static let height = 5

    private static let labelWidth = 14

    /// The series in the order drawn: label, values per minute, and whether a non-zero value is bad news.
    static func series(_ activity: RunnerActivity) -> [(label: String, values: [Double], alarming: Bool)] {
        [("Runs/s", activity.runsPerSecond, false),
         ("Failures/min", activity.failures, true),
         ("Queue depth", activity.queueDepths, false),
         ("Delivery ms", activity.deliveryMilliseconds, false)]
    }

    /// How many minutes fit in `width` beside the label and the "now … max …" note.
    static func minutesShown(width: Int) -> Int { max(0, min(ActivityLog.span, width - labelWidth - 2 - 21)) }

    /// Draws the heading and the four sparklines in `rect` (nothing when it is too small); `activity` nil says why.
    static func render(_ activity: RunnerActivity?, into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        guard rect.height >= height, rect.width >= 20 else { return }
        let shown = minutesShown(width: rect.width)
        guard let activity else {
            buffer.put("Runner activity: not available (no runner for this home, or it did not answer)",
                       x: rect.x, y: rect.y, style: theme[.muted], limit: rect.maxX)
            return
        }
        buffer.put("Runner activity, last \(shown) min (a bar a minute, newest right)", x: rect.x, y: rect.y, style: theme[.title], limit: rect.maxX)
        for (row, series) in series(activity).enumerated() {
            let y = rect.y + 1 + row
            buffer.put(series.label, x: rect.x, y: y, style: theme[.text], limit: rect.x + labelWidth)
            let values = Array(series.values.suffix(shown))
            let top = max(values.max() ?? 0, 1e-9)
            for (index, value) in values.enumerated() {
                let style = series.alarming && value > 0 ? theme[.warning] : value > 0 ? theme[.success] : theme[.muted]
                buffer.put(String(Sparklines.bar(value, top: top)), x: rect.x + labelWidth + index, y: y, style: style)
            }
            let now = values.last.map(number) ?? "-"
            let note = "now \(now)  max \(number(values.max() ?? 0))"
            buffer.put(note, x: rect.x + labelWidth + values.count + 1, y: y, style: theme[.muted], limit: rect.maxX)
        }
    }

    /// A figure for the narrow note: whole numbers as they are, one decimal up to 100, two below 1 (a run a
    /// minute is 0.02 runs/s, not 0.0).
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "-" }
        if value >= 100 || value == value.rounded() { return String(Int(value.rounded())) }
        return String(format: abs(value) < 1 ? "%.2f" : "%.1f", value)
    }
}
