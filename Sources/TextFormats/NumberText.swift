import Foundation

/// How the programs print a number for people (tables, screens, summaries).
public enum NumberText {
    /// `12`, `12.50`, `-3`: whole numbers without decimals, others with two; `-` for a non-finite value.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.2f", value)
    }
}
