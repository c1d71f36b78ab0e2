/// Validation of one data source declaration.
struct SourceValidator {
    let validator: DefinitionValidator
    let source: SourceDefinition

    private var item: String { "source '\(source.name)'" }

    func validate() throws {
        if source.columns.isEmpty { throw validator.fail(item, "declares no columns") }
        var seen = Set<String>()
        for column in source.columns {
            if ColumnType(rawValue: column.typeName) == nil {
                throw validator.fail("\(item) column '\(column.name)'", "unknown field type '\(column.typeName)'")
            }
            if !seen.insert(column.name).inserted {
                throw validator.fail("\(item) column '\(column.name)'", "declared more than once")
            }
        }
        try checkKind()
        switch source.feeds {
        case .customers: try checkCustomerSource()
        case .activities: try checkActivitySource()
        }
    }

    private func checkKind() throws {
        switch source.kind {
        case .csv:
            if let delimiter = source.delimiter, delimiter.utf8.count != 1 || delimiter == "\"" || delimiter == "\n" {
                throw validator.fail(item, "delimiter must be one ASCII character other than quote or newline")
            }
        case .sqlite:
            if (source.query ?? "").isEmpty { throw validator.fail(item, "an sqlite source needs a query") }
        }
    }

    private func requireColumn(_ name: String?, role: String) throws {
        guard let name else { throw validator.fail(item, "needs a \(role)") }
        if source.column(named: name) == nil {
            throw validator.fail(item, "\(role) names missing column '\(name)'")
        }
    }

    private func checkCustomerSource() throws {
        try requireColumn(source.keyColumn, role: "keyColumn")
        if let updated = source.updatedColumn { try requireColumn(updated, role: "updatedColumn") }
        for (column, field) in (source.mapping ?? [:]).sorted(by: { $0.key < $1.key }) {
            try requireColumn(column, role: "mapping")
            if validator.definition.unification.field(named: field) == nil {
                throw validator.fail(item, "mapping of '\(column)' names missing unified field '\(field)'")
            }
        }
    }

    private func checkActivitySource() throws {
        guard let customerSource = source.customerSource else { return }
        let target = validator.definition.source(named: customerSource)
        if target?.feeds != .customers {
            throw validator.fail(item, "customerSource names missing customer source '\(customerSource)'")
        }
        try requireColumn(source.customerKeyColumn, role: "customerKeyColumn")
    }
}
