import Foundation
import GRDB

/// Create item and Update item: writes to the public entities a flow may change (the unified `Customer` profile and
/// the data sources), each field checked against the entity's columns. Segment memberships and measure values are
/// computed by a refresh and are read-only; internal tables are not entities at all.
extension Workspace {
    /// Create item: inserts one row and returns it as stored. Every field must be a column of the entity, the key
    /// field must be given and not taken yet.
    public nonisolated func createItem(entity: String, fields: [(String, InsightsValue)]) throws -> EntityRow {
        let entry = try EntityCatalog(definition).writableEntry(entity)
        return try pool.write { db in
            let columns = try Self.writableColumns(db, entry)
            let values = try Self.checked(fields, columns, entity: entry.info.name)
            guard !values.isEmpty else {
                throw InsightsError.badItem(entity: entry.info.name, reason: "the item has no fields; give at least its key field '\(entry.key ?? "")'")
            }
            var keyValue: String?
            if let key = entry.key {
                let keyColumn = try Self.column(key, columns.map(\.name), entity: entry.info.name)
                guard let given = values.first(where: { $0.column == keyColumn }), given.value != .null else {
                    throw InsightsError.badItem(entity: entry.info.name, reason: "the item needs its key field '\(keyColumn)'")
                }
                keyValue = Self.text(given.value)
                let sql = "SELECT 1 FROM \(entry.table.quotedDatabaseIdentifier) WHERE \(keyColumn.quotedDatabaseIdentifier) = ?"
                if try Row.fetchOne(db, sql: sql, arguments: [given.value]) != nil {
                    throw InsightsError.itemExists(entity: entry.info.name, key: keyValue ?? "")
                }
            }
            let names = values.map { $0.column.quotedDatabaseIdentifier }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            try Self.refusing(entity: entry.info.name) {
                try db.execute(sql: "INSERT INTO \(entry.table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))",
                               arguments: StatementArguments(values.map(\.value)))
            }
            let rowID = db.lastInsertedRowID
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(entry.table.quotedDatabaseIdentifier) WHERE rowid = ?", arguments: [rowID]) else {
                throw InsightsError.itemNotFound(entity: entry.info.name, key: keyValue ?? String(rowID))
            }
            return Self.row(row)
        }
    }

    /// Update item: changes the given fields of the row with this key and returns the row as stored. The key field
    /// itself cannot be changed.
    public nonisolated func updateItem(entity: String, key: String, fields: [(String, InsightsValue)]) throws -> EntityRow {
        let entry = try EntityCatalog(definition).writableEntry(entity)
        return try pool.write { db in
            let columns = try Self.writableColumns(db, entry)
            let names = columns.map(\.name)
            let keyColumn = try entry.key.map { try Self.column($0, names, entity: entry.info.name) } ?? names.first ?? "rowid"
            var values = try Self.checked(fields, columns, entity: entry.info.name)
            if let given = values.first(where: { $0.column == keyColumn }) {
                guard Self.text(given.value) == key else {
                    throw InsightsError.badItem(entity: entry.info.name, reason: "the key field '\(keyColumn)' cannot be changed by Update item; create a new item instead")
                }
                values.removeAll { $0.column == keyColumn }
            }
            guard !values.isEmpty else {
                throw InsightsError.badItem(entity: entry.info.name, reason: "the item has no fields to change; give at least one of \(names.filter { $0 != keyColumn }.joined(separator: ", "))")
            }
            let assignments = values.map { "\($0.column.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
            let table = entry.table.quotedDatabaseIdentifier
            try Self.refusing(entity: entry.info.name) {
                try db.execute(sql: "UPDATE \(table) SET \(assignments) WHERE \(keyColumn.quotedDatabaseIdentifier) = ?",
                               arguments: StatementArguments(values.map(\.value) + [key.databaseValue]))
            }
            guard db.changesCount > 0,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE \(keyColumn.quotedDatabaseIdentifier) = ?", arguments: [key]) else {
                throw InsightsError.itemNotFound(entity: entry.info.name, key: key)
            }
            return Self.row(row)
        }
    }

    /// Runs a statement, turning a constraint the table enforces (a required field left out) into `badItem`.
    private static func refusing(entity: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw InsightsError.badItem(entity: entity, reason: "the workspace refused the item (\(error.message ?? "a constraint failed")); give every required field")
        }
    }

    /// A stored value as text, to compare with a key given as text.
    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let number): String(number)
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }

    /// The entity's columns; a source that was never refreshed has no table yet, so nothing can be written to it.
    private static func writableColumns(_ db: Database, _ entry: EntityCatalog.Entry) throws -> [ColumnInfo] {
        guard try db.tableExists(entry.table) else {
            throw InsightsError.badItem(entity: entry.info.name, reason: "the entity has no data yet; refresh its source first (`insightflow workspace refresh`)")
        }
        return try db.columns(in: entry.table)
    }

    /// The fields as (column, value), each matched to a column in any letter case and checked against its type.
    private static func checked(_ fields: [(String, InsightsValue)], _ columns: [ColumnInfo], entity: String) throws -> [(column: String, value: DatabaseValue)] {
        var result: [(column: String, value: DatabaseValue)] = []
        for (name, value) in fields {
            let column = try Self.column(name, columns.map(\.name), entity: entity)
            guard !result.contains(where: { $0.column == column }) else {
                throw InsightsError.badItem(entity: entity, reason: "the field '\(column)' is given twice")
            }
            let type = columns.first { $0.name == column }?.type.uppercased() ?? ""
            result.append((column, try databaseValue(value, column: column, type: type, entity: entity)))
        }
        return result
    }

    /// One field's value for a column of this declared type: numbers for INTEGER/REAL columns (text holding a number
    /// is accepted), text for TEXT columns, never an array or object.
    private static func databaseValue(_ value: InsightsValue, column: String, type: String, entity: String) throws -> DatabaseValue {
        let numeric = type.contains("INT") || type.contains("REAL") || type.contains("NUM") || type.contains("FLOA") || type.contains("DOUB")
        switch value {
        case .null: return .null
        case .bool(let flag): return numeric ? (flag ? 1 : 0).databaseValue : (flag ? "true" : "false").databaseValue
        case .integer(let number): return numeric ? number.databaseValue : String(number).databaseValue
        case .number(let number): return numeric ? number.databaseValue : String(number).databaseValue
        case .string(let text):
            guard numeric else { return text.databaseValue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed) { return number.databaseValue }
            if let number = Double(trimmed), number.isFinite { return number.databaseValue }
            throw InsightsError.badItem(entity: entity, reason: "the field '\(column)' holds numbers; '\(text)' is not a number")
        case .array, .object:
            throw InsightsError.badItem(entity: entity, reason: "the field '\(column)' takes a single value, not a list or an object")
        }
    }
}

extension EntityCatalog {
    /// The entity with this name if flows may write to it: the profile and the sources.
    func writableEntry(_ name: String) throws -> Entry {
        let entry = try entry(name)
        guard entry.info.kind == "profile" || entry.info.kind == "source" else {
            throw InsightsError.readOnlyEntity(entity: entry.info.name, reason: "its rows are computed by each refresh (\(entry.info.kind) values); write to Customer or a data source instead")
        }
        return entry
    }
}
