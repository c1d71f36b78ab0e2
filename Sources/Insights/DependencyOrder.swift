/// A measure or segment, in the order it must be evaluated.
enum InsightItem: Sendable, Equatable {
    case measure(MeasureDefinition)
    case segment(SegmentDefinition)

    /// A readable label such as `segment 'High value'`.
    var label: String {
        switch self {
        case .measure(let measure): "measure '\(measure.name)'"
        case .segment(let segment): "segment '\(segment.name)'"
        }
    }
}

/// Orders measures and segments so dependencies come first, rejecting cycles.
enum DependencyOrder {
    /// Measures and segments in evaluation order; throws on a cyclic dependency.
    static func resolve(_ definition: WorkspaceDefinition, file: String) throws -> [InsightItem] {
        let items = definition.measures.map(InsightItem.measure) + definition.segments.map(InsightItem.segment)
        var state: [String: Bool] = [:]  // false = visiting, true = done
        var order: [InsightItem] = []
        var stack: [String] = []

        func visit(_ item: InsightItem) throws {
            let label = item.label
            if state[label] == true { return }
            if state[label] == false {
                let start = stack.firstIndex(of: label) ?? 0
                let cycle = (stack[start...] + [label]).joined(separator: " -> ")
                throw InsightsError.definitionInvalid(file: file, item: label, reason: "cyclic dependency: \(cycle)")
            }
            state[label] = false
            stack.append(label)
            for dependency in dependencies(of: item, in: definition) { try visit(dependency) }
            stack.removeLast()
            state[label] = true
            order.append(item)
        }

        for item in items { try visit(item) }
        return order
    }

    private static func dependencies(of item: InsightItem, in definition: WorkspaceDefinition) -> [InsightItem] {
        var conditions: [RuleCondition] = []
        var segmentNames: [String] = []
        switch item {
        case .measure(let measure):
            conditions = measure.filter?.conditions ?? []
            segmentNames = measure.segment.map { [$0] } ?? []
        case .segment(let segment):
            conditions = segment.rule.conditions
        }
        segmentNames += conditions.compactMap(\.segment)
        let measures = conditions.compactMap(\.measure).compactMap(definition.measure(named:)).map(InsightItem.measure)
        let segments = segmentNames.compactMap(definition.segment(named:)).map(InsightItem.segment)
        return measures + segments
    }
}
