import FlowExpressions
import FlowModel
import OrderedCollections

/// Create CSV table / Create HTML table (`Table`): automatic columns from the first item's keys, or custom
/// `columns` of `{header, value}` where each value is evaluated per item with `item()` the row.
struct TableStep {
    let cache: ExpressionCache

    func run(_ step: Step, raw: JSONValue, context: RunContext) throws -> StepOutcome {
        let from = try DeepEvaluation.evaluate(raw["from"] ?? .null, cache: cache, context: context)
        let format = try DeepEvaluation.evaluate(raw["format"] ?? "CSV", cache: cache, context: context).interpolationText
        var recorded = raw.objectValue ?? [:]
        recorded["from"] = from
        let items = try DataOperationSteps.array(from, action: "table", inputs: .object(recorded))
        guard let kind = TableFormat(rawValue: format.uppercased()) else {
            throw StepFailure(message: "The table format '\(format)' is not supported; use CSV or HTML.", code: "InvalidTemplate", inputs: .object(recorded))
        }
        let headers: [String]
        var rows: [[JSONValue]] = []
        rows.reserveCapacity(items.count)
        if let columns = raw["columns"]?.arrayValue, !columns.isEmpty {
            var titles: [String] = []
            var values: [JSONTemplate] = []
            for column in columns {
                titles.append(try DeepEvaluation.evaluate(column["header"] ?? "", cache: cache, context: context).interpolationText)
                values.append(try DataOperationSteps(cache: cache).template(column["value"] ?? .null, member: "columns"))
            }
            headers = titles
            let base: any EvaluationContext = context
            for (index, item) in items.enumerated() {
                let scoped = ItemScopedContext(base: base, item: item, index: index, owner: step.name)
                var row: [JSONValue] = []
                for value in values { row.append(try value.evaluate(item: scoped)) }
                rows.append(row)
            }
        } else {
            guard let first = items.first else { return StepOutcome(status: .succeeded, inputs: .object(recorded), outputs: ["body": .string(kind.render(headers: [], rows: []))]) }
            guard let keys = first.objectValue?.keys else {
                throw StepFailure(message: "Automatic columns need an array of objects; item 0 is \(first.typeDescription). Add custom columns with a header and a value.", code: "InvalidTemplate", inputs: .object(recorded))
            }
            headers = Array(keys)
            for item in items {
                let members = item.objectValue ?? [:]
                rows.append(headers.map { members[$0] ?? .null })
            }
        }
        return StepOutcome(status: .succeeded, inputs: .object(recorded), outputs: ["body": .string(kind.render(headers: headers, rows: rows))])
    }
}

/// The two table formats and how each writes a header row and value rows.
enum TableFormat: String {
    case csv = "CSV"
    case html = "HTML"

    /// The table as text: CSV lines ending in `\n` (a field with a comma, quote or line break is quoted, quotes
    /// doubled); HTML `<table><thead>…</thead><tbody>…</tbody></table>` with text escaped.
    func render(headers: [String], rows: [[JSONValue]]) -> String {
        switch self {
        case .csv:
            guard !headers.isEmpty else { return "" }
            var text = headers.map(Self.csvField).joined(separator: ",") + "\n"
            for row in rows { text += row.map { Self.csvField($0.interpolationText) }.joined(separator: ",") + "\n" }
            return text
        case .html:
            var text = "<table><thead><tr>"
            for header in headers { text += "<th>" + Self.htmlEscaped(header) + "</th>" }
            text += "</tr></thead><tbody>"
            for row in rows {
                text += "<tr>"
                for cell in row { text += "<td>" + Self.htmlEscaped(cell.interpolationText) + "</td>" }
                text += "</tr>"
            }
            return text + "</tbody></table>"
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    static func htmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
