import TextFormats
import FlowModel
import FlowRunner
import TerminalUI

/// The recent values of each segment and measure, drawn as a sparkline against each flow's threshold.
enum Sparklines {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Subject → values oldest first, from the segment and measure events of the feed.
    static func series(_ feed: MonitorFeed) -> [(name: String, values: [Double])] {
        var order: [String] = []
        var values: [String: [Double]] = [:]
        for event in feed.events.reversed() {
            guard let name = event.subject, let value = event.value else { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(value)
        }
        return order.map { ($0, values[$0] ?? []) }
    }

    /// The thresholds flows set on `subject` (flow name, threshold).
    static func thresholds(_ subject: String, flows: [FlowSummary]) -> [(String, Double)] {
        flows.compactMap { flow in
            guard let watch = flow.watch, watch.subject == subject else { return nil }
            return (flow.displayName, watch.threshold)
        }
    }

    /// Draws one line per subject (those a flow watches first): name, bars (over the threshold in warning colour), last value, thresholds.
    static func render(_ feed: MonitorFeed, flows: [FlowSummary], into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        let all = series(feed)
        let watched = all.filter { !thresholds($0.name, flows: flows).isEmpty }
        let ordered = watched + all.filter { thresholds($0.name, flows: flows).isEmpty }
        for (row, series) in ordered.prefix(rect.height).enumerated() {
            let y = rect.y + row
            let limits = thresholds(series.name, flows: flows)
            let line = lineThreshold(limits)
            buffer.put(CharacterWidth.truncate(series.name, to: 22), x: rect.x, y: y, style: theme[.title], limit: rect.x + 22)
            let values = Array(series.values.suffix(max(1, min(24, rect.width / 3))))
            let top = max(values.max() ?? 1, line ?? 0, 1)
            for (index, value) in values.enumerated() {
                let over = line.map { value > $0 } ?? false
                buffer.put(String(bar(value, top: top)), x: rect.x + 23 + index, y: y, style: over ? theme[.warning] : theme[.success])
            }
            let last = values.last.map(NumberText.plain) ?? "-"
            let note = limits.isEmpty ? "no threshold" : limits.map { "> \(NumberText.plain($0.1)) \($0.0)" }.joined(separator: ", ")
            buffer.put("\(last)  \(note)", x: rect.x + 24 + values.count, y: y, style: theme[.muted], limit: rect.maxX)
        }
    }

    /// The bar for `value` on a scale up to `top` (the lowest bar for 0 or less, the highest for `top` or more).
    static func bar(_ value: Double, top: Double) -> Character {
        let ratio = value / top * Double(bars.count - 1)
        let level = ratio.isFinite ? min(bars.count - 1, max(0, Int(min(max(ratio, 0), 64)))) : bars.count - 1
        return bars[level]
    }

    private static func lineThreshold(_ limits: [(String, Double)]) -> Double? { limits.map(\.1).min() }
}
