import FlowExpressions
import Foundation
import GRDB
import OrderedCollections

/// The Customer Insights data actions over the workspace's SQLite store, read-only.
public struct WorkspaceDataActions: InsightsDataActions {
    let database: URL

    public init(database: URL) { self.database = database }

    /// Opens the store read-only (each call, so a refresh's new tables are seen).
    func queue() throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw StepFailure(message: "the workspace has no data yet; run a refresh first", code: "NoWorkspaceData")
        }
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: database.path, configuration: configuration)
    }

    public func entities() throws -> JSONValue {
        try queue().read { db in
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
            return .array(try names.filter(Self.isEntity).map { name in
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0
                return .object(["name": .string(name), "kind": .string(name == "customer" ? "profile" : "table"), "rowCount": .int(count)])
            })
        }
    }

    /// Tables a flow may read: everything but staging tables mid-refresh.
    static func isEntity(_ name: String) -> Bool {
        !(name.hasPrefix("staging") || name.hasSuffix("_staging"))
    }

    public func items(entity: String, filter: String?, select: String?, orderBy: String?, top: Int) throws -> JSONValue {
        try queue().read { db in
            let columns = try Self.columns(db, entity)
            var sql = "SELECT \(try Self.selection(select, columns: columns)) FROM \(entity.quotedDatabaseIdentifier)"
            var arguments: [any DatabaseValueConvertible] = []
            if let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
                let compiled = try ODataFilter.compile(filter, columns: columns)
                sql += " WHERE \(compiled.sql)"
                arguments = compiled.arguments
            }
            if let orderBy, !orderBy.isEmpty { sql += " ORDER BY \(try Self.order(orderBy, columns: columns))" }
            sql += " LIMIT \(max(0, min(top, 5000)))"
            return .array(try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.json))
        }
    }

    public func item(entity: String, id: String) throws -> JSONValue {
        try queue().read { db in
            let columns = try Self.columns(db, entity)
            let key = try db.primaryKey(entity).columns.first ?? columns.first ?? "rowid"
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(entity.quotedDatabaseIdentifier) WHERE \(key.quotedDatabaseIdentifier) = ?", arguments: [id]) else {
                throw StepFailure(message: "no item '\(id)' in \(entity)", code: "NotFound")
            }
            return Self.json(row)
        }
    }

    static func columns(_ db: Database, _ entity: String) throws -> [String] {
        guard isEntity(entity), try db.tableExists(entity) else {
            throw StepFailure(message: "no entity '\(entity)'; Get entities lists them", code: "NotFound")
        }
        return try db.columns(in: entity).map(\.name)
    }

    static func selection(_ select: String?, columns: [String]) throws -> String {
        guard let select, !select.isEmpty else { return "*" }
        return try select.split(separator: ",").map { try column(String($0), columns).quotedDatabaseIdentifier }.joined(separator: ", ")
    }

    static func order(_ orderBy: String, columns: [String]) throws -> String {
        let parts = orderBy.split(separator: " ").map(String.init)
        let direction = parts.count > 1 && parts[1].lowercased() == "desc" ? "DESC" : "ASC"
        return "\(try column(parts.first ?? "", columns).quotedDatabaseIdentifier) \(direction)"
    }

    /// The real column name for a name in any case, or a failure listing the columns.
    static func column(_ name: String, _ columns: [String]) throws -> String {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = columns.first(where: { $0.lowercased() == wanted }) else {
            throw StepFailure(message: "no field '\(name)'; the fields are \(columns.joined(separator: ", "))", code: "InvalidField")
        }
        return match
    }

    static func json(_ row: Row) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        for (column, value) in row {
            switch value.storage {
            case .null: members[column] = .null
            case .int64(let i): members[column] = .int(Int(i))
            case .double(let d): members[column] = .double(d)
            case .string(let s): members[column] = .string(s)
            case .blob(let data): members[column] = .string(data.base64EncodedString())
            }
        }
        return .object(members)
    }
}
