import FlowExpressions

/// Why a condition cannot be shown as rows (it stays in advanced mode), or why rows cannot be written.
struct ConditionProblem: Error, Sendable, Hashable {
    var message: String
}

/// Converts a condition between the file's two forms — the designer's object form
/// (`{"and": [{"greater": ["@triggerBody()?['count']", 100]}]}`) and expression text (`@greater(…)`) — and rows.
/// Both forms of one set of rows mean the same to the runner (`ConditionExpression`).
enum ConditionConversion {
    // MARK: reading

    /// The rows of a condition value; an empty value gives one empty row.
    static func group(from value: JSONValue?) throws(ConditionProblem) -> ConditionGroup {
        switch value {
        case nil, .null?, .string("")?:
            return ConditionGroup(junction: .and, items: [.row(ConditionRow())])
        case .string(let text)?:
            let parsed: FlowString
            do { parsed = try FlowString.parse(text) } catch {
                throw ConditionProblem(message: "the expression does not parse: \(error.description)")
            }
            guard case .expression(let expression) = parsed else {
                throw ConditionProblem(message: "the condition is text, not an expression (it should start with @)")
            }
            if case .call(let function, let arguments) = expression, let junction = ConditionGroup.Junction(rawValue: function.name) {
                return ConditionGroup(junction: junction, items: try arguments.map(item))
            }
            return ConditionGroup(junction: .and, items: [try item(expression)])
        case .object(let members)?:
            if members.count == 1, let member = members.elements.first, let junction = ConditionGroup.Junction(rawValue: member.key) {
                return ConditionGroup(junction: junction, items: try objectItems(member.value))
            }
            return ConditionGroup(junction: .and, items: [try objectItem(.object(members))])
        case let other?:
            throw ConditionProblem(message: "a \(other.typeDescription) condition has no rows")
        }
    }

    private static func item(_ expression: Expression) throws(ConditionProblem) -> ConditionGroup.Item {
        guard case .call(let function, let arguments) = expression else {
            throw ConditionProblem(message: "\(expression) is not a comparison")
        }
        if let junction = ConditionGroup.Junction(rawValue: function.name) {
            return .group(ConditionGroup(junction: junction, items: try arguments.map(item)))
        }
        if function == .not, arguments.count == 1, case .call(let inner, let innerArguments) = arguments[0] {
            return .row(try row(inner, negated: true, innerArguments.map(operand)))
        }
        return .row(try row(function, negated: false, arguments.map(operand)))
    }

    private static func row(_ function: BuiltinFunction, negated: Bool, _ operands: [ConditionOperand]) throws(ConditionProblem) -> ConditionRow {
        guard let comparison = ConditionOperator(function: function, negated: negated) else {
            throw ConditionProblem(message: "basic mode has no operator for \(negated ? "not(\(function.name))" : function.name)")
        }
        guard operands.count == (comparison.isUnary ? 1 : 2) else {
            throw ConditionProblem(message: "\(function.name) takes \(comparison.isUnary ? 1 : 2) values here, not \(operands.count)")
        }
        return ConditionRow(operands[0], comparison, comparison.isUnary ? ConditionOperand("") : operands[1])
    }

    /// An expression argument as row text, remembering the JSON the object form would hold for it.
    private static func operand(_ expression: Expression) -> ConditionOperand {
        switch expression {
        case .string(let text): return ConditionOperand(FlowString.literal(text).description, original: .string(text))
        case .integer(let number): return ConditionOperand(String(number), original: .int(number))
        case .decimal(let number): return ConditionOperand("\(number)", original: .double(number))
        case .boolean(let flag): return ConditionOperand(flag ? "true" : "false", original: .bool(flag))
        case .null: return ConditionOperand("null", original: .null)
        default:
            let text = "@" + expression.description
            return ConditionOperand(text, original: .string(text))
        }
    }

    private static func objectItems(_ value: JSONValue) throws(ConditionProblem) -> [ConditionGroup.Item] {
        guard let items = value.arrayValue else { throw ConditionProblem(message: "and/or must hold an array of conditions") }
        return try items.map(objectItem)
    }

    private static func objectItem(_ value: JSONValue) throws(ConditionProblem) -> ConditionGroup.Item {
        guard let members = value.objectValue, members.count == 1, let member = members.elements.first else {
            throw ConditionProblem(message: "each condition must be an object with one function, such as {\"equals\": [a, b]}")
        }
        if let junction = ConditionGroup.Junction(rawValue: member.key) {
            return .group(ConditionGroup(junction: junction, items: try objectItems(member.value)))
        }
        if member.key == "not", let inner = member.value.objectValue, inner.count == 1, let comparison = inner.elements.first {
            return .row(try objectRow(comparison.key, negated: true, comparison.value))
        }
        return .row(try objectRow(member.key, negated: false, member.value))
    }

    private static func objectRow(_ name: String, negated: Bool, _ arguments: JSONValue) throws(ConditionProblem) -> ConditionRow {
        guard let function = BuiltinFunction(caseInsensitiveName: name) else { throw ConditionProblem(message: "\(name) is not a function") }
        var operands: [ConditionOperand] = []
        for argument in arguments.arrayValue ?? [arguments] {
            guard let text = ConditionOperand.text(of: argument) else {
                throw ConditionProblem(message: "a row cannot show the \(argument.typeDescription) value \(argument.jsonText())")
            }
            operands.append(ConditionOperand(text, original: argument))
        }
        return try row(function, negated: negated, operands)
    }

    // MARK: writing

    /// The object form the cloud designer's basic mode writes.
    static func objectForm(_ group: ConditionGroup) throws(ConditionProblem) -> JSONValue {
        try check(group, path: [])
        return objectValue(group)
    }

    private static func objectValue(_ group: ConditionGroup) -> JSONValue {
        .object([group.junction.rawValue: .array(group.items.map { item in
            switch item {
            case .group(let nested): return objectValue(nested)
            case .row(let row):
                let (function, negated) = row.comparison.function
                let values = row.comparison.isUnary ? [row.left.jsonValue] : [row.left.jsonValue, row.right.jsonValue]
                let call = JSONValue.object([function.name: .array(values)])
                return negated ? .object(["not": call]) : call
            }
        })])
    }

    /// The expression text of advanced mode (`@and(greater(…), equals(…))`; a group of one item is that item).
    static func expressionText(_ group: ConditionGroup) throws(ConditionProblem) -> String {
        try check(group, path: [])
        return "@" + (try expression(group)).description
    }

    private static func expression(_ group: ConditionGroup) throws(ConditionProblem) -> Expression {
        var arguments: [Expression] = []
        for item in group.items {
            switch item {
            case .group(let nested): arguments.append(try expression(nested))
            case .row(let row):
                let (function, negated) = row.comparison.function
                var values = [try expression(row.left)]
                if !row.comparison.isUnary { values.append(try expression(row.right)) }
                arguments.append(negated ? .call(.not, [.call(function, values)]) : .call(function, values))
            }
        }
        if arguments.count == 1, let only = arguments.first { return only }
        return .call(group.junction == .and ? .and : .or, arguments)
    }

    /// An operand as an expression: literals by their JSON type, `@…` as the expression, interpolations as concat.
    private static func expression(_ operand: ConditionOperand) throws(ConditionProblem) -> Expression {
        let parsed: FlowString
        do { parsed = try FlowString.parse(operand.text) } catch {
            throw ConditionProblem(message: "\(operand.text): \(error.description)")
        }
        switch parsed {
        case .expression(let expression): return expression
        case .interpolation(let segments):
            return .call(.concat, segments.map { segment in
                switch segment {
                case .text(let text): return .string(text)
                case .expression(let expression): return .call(.string, [expression])
                }
            })
        case .literal(let text):
            switch operand.jsonValue {
            case .int(let number): return .integer(number)
            case .double(let number): return .decimal(number)
            case .bool(let flag): return .boolean(flag)
            case .null: return .null
            default: return .string(text)
            }
        }
    }

    /// Refuses empty groups, empty left values and values that do not parse, naming the row (1-based, nested as 2.1).
    static func check(_ group: ConditionGroup, path: [Int]) throws(ConditionProblem) {
        let name = path.isEmpty ? "the condition" : "group " + path.map(String.init).joined(separator: ".")
        guard !group.items.isEmpty else { throw ConditionProblem(message: "\(name) has no rows: add one (Ctrl-N) or delete the group") }
        for (index, item) in group.items.enumerated() {
            let place = path + [index + 1]
            switch item {
            case .group(let nested): try check(nested, path: place)
            case .row(let row):
                let label = "row " + place.map(String.init).joined(separator: ".")
                if row.left.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw ConditionProblem(message: "\(label): choose a value to compare (type it, or Ctrl-D for dynamic content)")
                }
                for operand in row.comparison.isUnary ? [row.left] : [row.left, row.right] {
                    do { _ = try FlowString.parse(operand.text) } catch {
                        throw ConditionProblem(message: "\(label): \(operand.text): \(error.description)")
                    }
                }
            }
        }
    }
}
