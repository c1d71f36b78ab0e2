import Foundation
import GRDB

/// A public entity of the workspace, as Get entities lists it.
public struct EntityInfo: Sendable, Equatable, Codable {
    /// The name flows use (`Customer`, a source's name, `SegmentMembership`, `CustomerMeasure`).
    public let name: String
    /// `profile`, `source`, `segment` or `measure`.
    public let kind: String
    public let rowCount: Int
}

/// What to read from an entity: an OData-style `$filter`, `$select`, `$orderby`, `$top` and `$skip`.
public struct EntityQuery: Sendable, Equatable {
    /// The most rows one read returns.
    public static let maximumTop = 5000

    public var filter: String?
    public var select: String?
    public var orderBy: String?
    public var top: Int
    public var skip: Int

    public init(filter: String? = nil, select: String? = nil, orderBy: String? = nil, top: Int = 100, skip: Int = 0) {
        self.filter = filter
        self.select = select
        self.orderBy = orderBy
        self.top = top
        self.skip = skip
    }
}

/// One row of an entity: field names in the entity's order, with their values.
public struct EntityRow: Sendable, Equatable {
    public let fields: [String]
    public let values: [InsightsValue]

    /// The value of a field (exact name), if the row has it.
    public subscript(field: String) -> InsightsValue? { fields.firstIndex(of: field).map { values[$0] } }
}

/// The public entities of a workspace and the tables behind them. Internal tables (refresh log, histories,
/// links, staging) are not entities.
struct EntityCatalog {
    struct Entry {
        let info: (name: String, kind: String)
        let table: String
        let key: String?
    }

    let entries: [Entry]

    init(_ definition: WorkspaceDefinition) {
        var entries = [Entry(info: ("Customer", "profile"), table: "customer", key: "customer_id")]
        entries += definition.sources.map { Entry(info: ($0.name, "source"), table: $0.tableName, key: $0.keyColumn) }
        entries.append(Entry(info: ("SegmentMembership", "segment"), table: "segment_member", key: nil))
        entries.append(Entry(info: ("CustomerMeasure", "measure"), table: "customer_measure_value", key: nil))
        self.entries = entries
    }

    /// The entity with this name in any letter case.
    func entry(_ name: String) throws -> Entry {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let entry = entries.first(where: { $0.info.name.lowercased() == wanted }) else {
            throw InsightsError.unknownEntity(name, available: entries.map(\.info.name))
        }
        return entry
    }
}

extension Workspace {
    /// Get entities: the public entities with their row counts (0 for a source not refreshed yet).
    public nonisolated func entities() throws -> [EntityInfo] {
        let catalog = EntityCatalog(definition)
        return try pool.read { db in
            try catalog.entries.map { entry in
                let count = try db.tableExists(entry.table) ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(entry.table.quotedDatabaseIdentifier)") ?? 0 : 0
                return EntityInfo(name: entry.info.name, kind: entry.info.kind, rowCount: count)
            }
        }
    }

    /// Get items from an entity: rows matching the query (at most `EntityQuery.maximumTop`).
    public nonisolated func items(entity: String, query: EntityQuery = EntityQuery()) throws -> [EntityRow] {
        let entry = try EntityCatalog(definition).entry(entity)
        return try pool.read { db in
            let columns = try Self.columns(db, entry)
            let resolve = { (name: String) throws -> String in try Self.column(name, columns, entity: entry.info.name) }
            var sql = "SELECT \(try Self.selection(query.select, resolve)) FROM \(entry.table.quotedDatabaseIdentifier)"
            var arguments: [any DatabaseValueConvertible] = []
            if let filter = query.filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
                let compiled = try EntityFilter.compile(filter, column: resolve)
                sql += " WHERE \(compiled.sql)"
                arguments = compiled.arguments
            }
            if let orderBy = query.orderBy, !orderBy.trimmingCharacters(in: .whitespaces).isEmpty {
                sql += " ORDER BY \(try Self.order(orderBy, resolve))"
            }
            sql += " LIMIT \(max(0, min(query.top, EntityQuery.maximumTop))) OFFSET \(max(0, query.skip))"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.row)
        }
    }

    /// Get item: one row by its key (the entity's key field, else its first field).
    public nonisolated func item(entity: String, key: String) throws -> EntityRow {
        let entry = try EntityCatalog(definition).entry(entity)
        return try pool.read { db in
            let columns = try Self.columns(db, entry)
            let keyColumn = try entry.key.map { try Self.column($0, columns, entity: entry.info.name) } ?? columns.first ?? "rowid"
            let sql = "SELECT * FROM \(entry.table.quotedDatabaseIdentifier) WHERE \(keyColumn.quotedDatabaseIdentifier) = ?"
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [key]) else {
                throw InsightsError.itemNotFound(entity: entry.info.name, key: key)
            }
            return Self.row(row)
        }
    }

    static func columns(_ db: Database, _ entry: EntityCatalog.Entry) throws -> [String] {
        guard try db.tableExists(entry.table) else { return [] }
        return try db.columns(in: entry.table).map(\.name)
    }

    /// The real field name for a name in any letter case.
    static func column(_ name: String, _ columns: [String], entity: String) throws -> String {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = columns.first(where: { $0.lowercased() == wanted }) else {
            throw InsightsError.unknownField(entity: entity, field: name.trimmingCharacters(in: .whitespaces), available: columns)
        }
        return match
    }

    private static func selection(_ select: String?, _ resolve: (String) throws -> String) throws -> String {
        guard let select, !select.trimmingCharacters(in: .whitespaces).isEmpty else { return "*" }
        return try select.split(separator: ",").map { try resolve(String($0)).quotedDatabaseIdentifier }.joined(separator: ", ")
    }

    private static func order(_ orderBy: String, _ resolve: (String) throws -> String) throws -> String {
        let parts = orderBy.split(separator: " ").map(String.init)
        let direction = parts.count > 1 && parts[1].lowercased() == "desc" ? "DESC" : "ASC"
        return "\(try resolve(parts.first ?? "").quotedDatabaseIdentifier) \(direction)"
    }

    static func row(_ row: Row) -> EntityRow {
        var fields: [String] = []
        var values: [InsightsValue] = []
        for (column, value) in row {
            fields.append(column)
            switch value.storage {
            case .null: values.append(.null)
            case .int64(let i): values.append(.integer(Int(i)))
            case .double(let d): values.append(.number(d))
            case .string(let s): values.append(.string(s))
            case .blob(let data): values.append(.string(data.base64EncodedString()))
            }
        }
        return EntityRow(fields: fields, values: values)
    }
}
