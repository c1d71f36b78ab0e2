import FlowExpressions
import Foundation
import Insights
import OrderedCollections

/// The Customer Insights data actions over the workspace's public entity API (internal tables are not entities).
public struct WorkspaceDataActions: InsightsDataActions {
    let workspace: Workspace
    /// Counts every data action call per connection (the connector's limit: 100 calls per 60 s).
    public let throttle: ConnectorThrottle?

    /// With the connector's own limit (100 calls per connection per 60 s).
    public init(workspace: Workspace) { self.init(workspace: workspace, throttle: ConnectorThrottle()) }

    public init(workspace: Workspace, throttle: ConnectorThrottle?) {
        self.workspace = workspace
        self.throttle = throttle
    }

    public func entities() throws -> JSONValue {
        try reading {
            .array(try workspace.entities().map { ["name": .string($0.name), "kind": .string($0.kind), "rowCount": .int($0.rowCount)] })
        }
    }

    public func items(entity: String, filter: String?, select: String?, orderBy: String?, top: Int, skip: Int) throws -> JSONValue {
        try reading {
            let query = EntityQuery(filter: filter, select: select, orderBy: orderBy, top: top, skip: skip)
            return .array(try workspace.items(entity: entity, query: query).map(Self.json))
        }
    }

    public func item(entity: String, id: String) throws -> JSONValue {
        try reading { Self.json(try workspace.item(entity: entity, key: id)) }
    }

    public func createItem(entity: String, item: JSONValue) throws -> JSONValue {
        try reading { Self.json(try workspace.createItem(entity: entity, fields: try Self.fields(item, entity: entity))) }
    }

    public func updateItem(entity: String, id: String, item: JSONValue) throws -> JSONValue {
        try reading { Self.json(try workspace.updateItem(entity: entity, key: id, fields: try Self.fields(item, entity: entity))) }
    }

    /// The item's members as fields; the item must be a JSON object (or text holding one).
    static func fields(_ item: JSONValue, entity: String) throws -> [(String, InsightsValue)] {
        var value = item
        if let text = item.stringValue, let parsed = try? JSONValue.parse(text) { value = parsed }
        guard let members = value.objectValue else {
            throw StepFailure(message: "the item for entity '\(entity)' must be an object of fields, such as {\"email\": \"a@example.com\"}; got \(item.jsonText())", code: "InvalidItem")
        }
        return members.map { ($0.key, InsightsValue($0.value)) }
    }

    /// Runs a read, turning the workspace's errors into step failures with the reference-style codes.
    private func reading(_ body: () throws -> JSONValue) throws -> JSONValue {
        do {
            return try body()
        } catch let error as InsightsError {
            switch error {
            case .unknownEntity, .itemNotFound: throw StepFailure(message: error.description, code: "NotFound")
            case .unknownField: throw StepFailure(message: error.description, code: "InvalidField")
            case .badFilter: throw StepFailure(message: error.description, code: "InvalidFilter")
            case .badItem: throw StepFailure(message: error.description, code: "InvalidItem")
            case .readOnlyEntity: throw StepFailure(message: error.description, code: "Forbidden")
            case .itemExists: throw StepFailure(message: error.description, code: "Conflict")
            default: throw StepFailure(message: error.description, code: "WorkspaceError")
            }
        }
    }

    static func json(_ row: EntityRow) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        for (field, value) in zip(row.fields, row.values) { members[field] = JSONValue(value) }
        return .object(members)
    }
}
