/// Match rules compiled for pairwise comparison: each condition reads a normalized-value slot of a `MatchTable`.
struct MatchPlan {
    /// What a slot holds: one unified field after one set of normalizations.
    struct SlotKey: Hashable {
        let field: String
        let steps: [MatchNormalization]?
        let aliases: [String: String]?
    }

    /// A condition resolved to slots.
    struct Condition {
        let field: String
        let slot: Int
        /// The slot of the `swapWith` field under the same normalizations.
        let swapSlot: Int?
        /// The swap group ({field, swapWith}): conditions of one group are swapped together, groups independently.
        let swapGroup: Int?
        /// Minimum score when fuzzy; nil when exact.
        let threshold: Double?
    }

    /// A rule resolved to slots; `scope` limits pairs to other sources, or to one source when deduplicating.
    struct Rule {
        enum Scope: Equatable { case all, acrossSources, within(String) }
        let name: String
        let conditions: [Condition]
        /// Condition indices used as the blocking key (exact, no swap).
        let blocking: [Int]
        /// The number of swap groups.
        let swapGroups: Int
        /// Indices into `vetoFields`.
        let vetoes: [Int]
        let scope: Scope
    }

    private(set) var slots: [SlotKey] = []
    private(set) var fuzzySlots = Set<Int>()
    private(set) var rules: [Rule] = []
    /// Unified fields named as exceptions by any rule.
    private(set) var vetoFields: [String] = []

    /// Compiles `rules` (of scope `scope` when given) against the unified `fields`.
    mutating func add(_ rule: UnificationDefinition.MatchRule, within source: String? = nil) {
        var groups: [Set<String>] = []
        let conditions = rule.allConditions.map { condition -> Condition in
            let slot = slotIndex(SlotKey(field: condition.field, steps: condition.normalize, aliases: condition.aliases))
            let swap = condition.swapWith.map { slotIndex(SlotKey(field: $0, steps: condition.normalize, aliases: condition.aliases)) }
            let threshold = condition.effectivePrecision.threshold
            if threshold != nil {
                fuzzySlots.insert(slot)
                if let swap { fuzzySlots.insert(swap) }
            }
            var group: Int?
            if let other = condition.swapWith {
                let key: Set = [condition.field, other]
                group = groups.firstIndex(of: key) ?? groups.count
                if group == groups.count { groups.append(key) }
            }
            return Condition(field: condition.field, slot: slot, swapSlot: swap, swapGroup: group, threshold: threshold)
        }
        let blocking = conditions.indices.filter { conditions[$0].threshold == nil && conditions[$0].swapSlot == nil }
        let vetoes = (rule.exceptions ?? []).map { field -> Int in
            if let index = vetoFields.firstIndex(of: field) { return index }
            vetoFields.append(field)
            return vetoFields.count - 1
        }
        let scope: Rule.Scope = source.map { .within($0) } ?? (rule.scope == .acrossSources ? .acrossSources : .all)
        rules.append(Rule(
            name: rule.name, conditions: conditions, blocking: blocking, swapGroups: groups.count, vetoes: vetoes, scope: scope))
    }

    private mutating func slotIndex(_ key: SlotKey) -> Int {
        if let index = slots.firstIndex(of: key) { return index }
        slots.append(key)
        return slots.count - 1
    }

    /// Unified fields whose raw values the slots and vetoes read, in first-use order.
    var rawFields: [String] {
        var seen: [String] = []
        for name in slots.map(\.field) + vetoFields where !seen.contains(name) { seen.append(name) }
        return seen
    }
}

/// Normalized match values of a set of records (rows), one column per plan slot.
struct MatchTable {
    let sources: [String]
    let values: [[String?]]
    /// Unicode scalars of the values of fuzzy slots (empty for other slots).
    let scalars: [[[UInt32]]]
    /// Veto field values, normalized with each field's own normalization.
    let vetoValues: [[String?]]

    /// Normalizes `rows` (raw values in `plan.rawFields` order) for `plan`.
    init(plan: MatchPlan, fields: [UnificationDefinition.Field], sources: [String], rows: [[String?]]) {
        let columns = plan.rawFields.indices.map { index in rows.map { $0[index] } }
        self.init(plan: plan, fields: fields, sources: sources, columns: columns)
    }

    /// Normalizes raw `columns` (one per `plan.rawFields` entry, one value per row) for `plan`.
    init(plan: MatchPlan, fields: [UnificationDefinition.Field], sources: [String], columns rawColumns: [[String?]]) {
        self.sources = sources
        let columns = plan.rawFields
        func column(_ name: String) -> Int { columns.firstIndex(of: name) ?? 0 }
        func normalization(_ name: String) -> UnificationDefinition.Normalization {
            fields.first { $0.name == name }?.normalize ?? .text
        }
        var values: [[String?]] = []
        var scalars: [[[UInt32]]] = []
        for (index, key) in plan.slots.enumerated() {
            let raw = column(key.field)
            let legacy = normalization(key.field)
            let steps = key.steps.map(Set.init)
            let normalized: [String?] = rawColumns[raw].map { value in
                guard let text = value else { return nil }
                if let steps { return MatchText.normalize(text, steps, aliases: key.aliases) }
                return MatchText.legacy(text, legacy).map { key.aliases?[$0] ?? $0 }
            }
            values.append(normalized)
            scalars.append(plan.fuzzySlots.contains(index) ? normalized.map { $0.map(EditDistance.scalars) ?? [] } : [])
        }
        self.values = values
        self.scalars = scalars
        vetoValues = plan.vetoFields.map { name in
            let raw = column(name)
            let legacy = normalization(name)
            return rawColumns[raw].map { value in value.flatMap { MatchText.legacy($0, legacy) } }
        }
    }

    var count: Int { sources.count }
}
