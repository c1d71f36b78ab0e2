import ArgumentParser
import FlowExpressions
import Foundation

/// Small helpers for command output: stderr, tables and JSON.
enum CLIOutput {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints a JSON value, pretty.
    static func printJSON(_ value: JSONValue) {
        print(value.jsonText(pretty: true))
    }

    /// Prints rows as a left-aligned table with a header; columns are cut to `maxWidth`.
    static func printTable(header: [String], rows: [[String]], maxWidth: Int = 40) {
        let cut = rows.map { $0.map { $0.count > maxWidth ? String($0.prefix(maxWidth - 1)) + "…" : $0 } }
        var widths = header.map(\.count)
        for row in cut {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in cut { print(line(row)) }
    }

    /// Reads a file given on the command line, with a message naming it on failure.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path): no such file or not readable")
        }
        return [UInt8](data)
    }
}

/// A failure already reported to the user; the command exits with `code`.
struct ReportedFailure: Error {
    var code: Int32 = 1
}
