import FlowExpressions
import Foundation
import Insights
import OrderedCollections

/// The Customer Insights data actions over the workspace's public entity API (internal tables are not entities).
public struct WorkspaceDataActions: InsightsDataActions {
    let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

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

    /// Runs a read, turning the workspace's errors into step failures with the reference-style codes.
    private func reading(_ body: () throws -> JSONValue) throws -> JSONValue {
        do {
            return try body()
        } catch let error as InsightsError {
            switch error {
            case .unknownEntity, .itemNotFound: throw StepFailure(message: error.description, code: "NotFound")
            case .unknownField: throw StepFailure(message: error.description, code: "InvalidField")
            case .badFilter: throw StepFailure(message: error.description, code: "InvalidFilter")
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
