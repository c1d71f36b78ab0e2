/// Checks a decoded definition for consistency, naming the file and item on the first problem.
struct DefinitionValidator {
    let definition: WorkspaceDefinition
    let file: String

    /// Throws `InsightsError.definitionInvalid` on the first problem found.
    func validate() throws {
        try checkUnique(definition.sources.map(\.name), kind: "source")
        try checkUnique(definition.sources.map { SQLName.sanitized($0.name) }, kind: "source table name")
        try checkUnique(definition.measures.map(\.name), kind: "measure")
        try checkUnique(definition.segments.map(\.name), kind: "segment")
        try checkUnificationFields()
        for source in definition.sources { try SourceValidator(validator: self, source: source).validate() }
        try checkMatchRules()
        for measure in definition.measures { try checkMeasure(measure) }
        for segment in definition.segments { try checkSegment(segment) }
        if let problem = definition.schedule?.problem() { throw fail("schedule", problem) }
        if let interval = definition.demoFeed?.intervalSeconds, !(1...86_400).contains(interval) {
            throw fail("demoFeed.intervalSeconds", "must be between 1 and 86400 seconds; found \(interval)")
        }
        _ = try DependencyOrder.resolve(definition, file: file)
    }

    /// An error about `item`.
    func fail(_ item: String, _ reason: String) -> InsightsError {
        .definitionInvalid(file: file, item: item, reason: reason)
    }

    private func checkUnique(_ names: [String], kind: String) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw fail("\(kind) '\(name)'", "declared more than once")
        }
    }

    private func checkUnificationFields() throws {
        try checkUnique(definition.unification.fields.map(\.name), kind: "unified field")
        for field in definition.unification.fields where ColumnType(rawValue: field.typeName) == nil {
            throw fail("unified field '\(field.name)'", "unknown field type '\(field.typeName)'")
        }
    }

    private func checkMatchRules() throws {
        let customerSources = Set(definition.sources.filter { $0.feeds == .customers }.map(\.name))
        for rule in definition.unification.matchRules {
            try checkMatchRule(rule, item: "match rule '\(rule.name)'")
        }
        for (index, dedup) in (definition.unification.deduplication ?? []).enumerated() {
            let item = "unification deduplication[\(index)]"
            if !customerSources.contains(dedup.source) {
                throw fail(item, "names missing customer source '\(dedup.source)'; use one of \(customerSources.sorted().joined(separator: ", "))")
            }
            for rule in dedup.rules { try checkMatchRule(rule, item: "\(item) rule '\(rule.name)'") }
        }
        for name in definition.unification.precedence ?? [] where !customerSources.contains(name) {
            throw fail("unification precedence", "names missing customer source '\(name)'")
        }
        for name in definition.unification.matchOrder ?? [] where !customerSources.contains(name) {
            throw fail("unification matchOrder", "names missing customer source '\(name)'")
        }
    }

    private func checkMatchRule(_ rule: UnificationDefinition.MatchRule, item: String) throws {
        let conditions = rule.allConditions
        if conditions.isEmpty { throw fail(item, "has no fields or conditions; add \"fields\": [\"email\"] or a condition") }
        for (index, condition) in conditions.enumerated() {
            let place = rule.conditions == nil || index < rule.fields.count ? item : "\(item) condition \(index - rule.fields.count + 1)"
            guard let field = definition.unification.field(named: condition.field) else {
                throw fail(place, "names missing unified field '\(condition.field)'")
            }
            if let swap = condition.swapWith, definition.unification.field(named: swap) == nil {
                throw fail(place, "swapWith names missing unified field '\(swap)'")
            }
            if case .fuzzy(let percent) = condition.effectivePrecision {
                if !(1...100).contains(percent) {
                    throw fail(place, "precision \(percent) is outside 1...100 (percent); use low, medium, high or a whole percent")
                }
                if field.type != .string {
                    throw fail(place, "fuzzy precision needs a string field; '\(field.name)' is \(field.typeName) — use \"precision\": \"exact\"")
                }
            }
        }
        for field in rule.exceptions ?? [] where definition.unification.field(named: field) == nil {
            throw fail(item, "exceptions name missing unified field '\(field)'")
        }
    }

    private func checkMeasure(_ measure: MeasureDefinition) throws {
        let item = "measure '\(measure.name)'"
        let reason = definition.source(named: measure.source) == nil
            ? "is over missing source '\(measure.source)'"
            : "is over customer source '\(measure.source)'; use an activity source or \"profiles\""
        let scope = try FieldScope.forMeasure(measure, in: definition).orThrow(fail(item, reason))
        if let column = measure.column, scope.type(of: column) == nil {
            throw fail(item, "names missing column '\(column)' of '\(measure.source)'")
        }
        if measure.column == nil, measure.aggregation != .count {
            throw fail(item, "aggregation '\(measure.aggregation.rawValue)' needs a column")
        }
        if let segment = measure.segment, definition.segment(named: segment) == nil {
            throw fail(item, "names missing segment '\(segment)'")
        }
        if let filter = measure.filter { try checkRule(filter, scope: scope, item: item) }
    }

    private func checkSegment(_ segment: SegmentDefinition) throws {
        try checkRule(segment.rule, scope: FieldScope.profiles(definition), item: "segment '\(segment.name)'")
    }

    private func checkRule(_ rule: SegmentRule, scope: FieldScope, item: String) throws {
        for condition in rule.conditions { try checkCondition(condition, scope: scope, item: item) }
    }

    private func checkCondition(_ condition: RuleCondition, scope: FieldScope, item: String) throws {
        let targets = [condition.field, condition.measure, condition.segment].compactMap { $0 }
        if targets.count != 1 { throw fail(item, "each condition needs exactly one of field, measure, segment") }
        let op = condition.effectiveOperator
        if let field = condition.field {
            guard let type = scope.type(of: field) else { throw fail(item, "rule names missing field '\(field)'") }
            if op == .inLastDays, !type.isTemporal {
                throw fail(item, "'inLastDays' needs a date field, '\(field)' is \(type.rawValue)")
            }
        }
        if let name = condition.measure {
            guard let measure = definition.measure(named: name) else { throw fail(item, "rule names missing measure '\(name)'") }
            if measure.effectiveLevel != .customer { throw fail(item, "rule measure '\(name)' is not customer-level") }
        }
        if let name = condition.segment, definition.segment(named: name) == nil {
            throw fail(item, "rule names missing segment '\(name)'")
        }
        let needsValue = op != .isEmpty && op != .isNotEmpty && condition.segment == nil
        if needsValue, condition.value == nil { throw fail(item, "operator '\(op.rawValue)' needs a value") }
        if op == .inLastDays, condition.value?.numberValue == nil { throw fail(item, "'inLastDays' needs a number of days") }
    }
}

extension Optional {
    /// The wrapped value, or throws `error`.
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}
