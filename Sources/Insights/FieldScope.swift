/// The fields a rule may name, with their SQL expressions and types.
struct FieldScope: Sendable {
    /// The SQL expression and type of one field.
    struct Entry: Sendable {
        let expression: String
        let type: ColumnType
    }

    /// Table alias of the unified profile table in compiled SQL.
    static let profileAlias = "p"
    /// Table alias of an activity table in compiled SQL.
    static let activityAlias = "a"
    /// Table alias of the link table in compiled SQL.
    static let linkAlias = "l"

    let entries: [String: Entry]

    /// The type of a field, if it is in scope.
    func type(of field: String) -> ColumnType? { entries[field]?.type }

    /// The fields of the unified profile (plus `customerId`).
    static func profiles(_ definition: WorkspaceDefinition) -> FieldScope {
        var entries = [MeasureDefinition.customerIdColumn: Entry(expression: "\(profileAlias).customer_id", type: .string)]
        for field in definition.unification.fields {
            entries[field.name] = Entry(expression: "\(profileAlias).\(SQLName.quoted(field.name))", type: field.type)
        }
        return FieldScope(entries: entries)
    }

    /// The columns of an activity source (plus `customerId` when it links to customers).
    static func activity(_ source: SourceDefinition) -> FieldScope {
        var entries: [String: Entry] = [:]
        for column in source.columns {
            entries[column.name] = Entry(expression: "\(activityAlias).\(SQLName.quoted(column.name))", type: column.type)
        }
        if source.customerSource != nil {
            entries[MeasureDefinition.customerIdColumn] = Entry(expression: "\(linkAlias).customer_id", type: .string)
        }
        return FieldScope(entries: entries)
    }

    /// The scope of a measure's source, or nil if the source is missing or not an activity source.
    static func forMeasure(_ measure: MeasureDefinition, in definition: WorkspaceDefinition) -> FieldScope? {
        if measure.source == MeasureDefinition.profilesSource { return profiles(definition) }
        guard let source = definition.source(named: measure.source), source.feeds == .activities else { return nil }
        return activity(source)
    }
}
