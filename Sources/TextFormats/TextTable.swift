/// Rows as a left-aligned plain-text table with a header, for the command line.
public enum TextTable {
    /// The table's lines joined with newlines; cells longer than `maxWidth` are cut with `…`.
    public static func render(header: [String], rows: [[String]], maxWidth: Int = 40) -> String {
        let limit = max(2, maxWidth)
        let cut = rows.map { $0.map { $0.count > limit ? String($0.prefix(limit - 1)) + "…" : $0 } }
        var widths = header.map(\.count)
        for row in cut {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 || i >= widths.count ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
        }
        return ([line(header)] + cut.map(line)).joined(separator: "\n")
    }
}
