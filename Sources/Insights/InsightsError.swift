import Foundation

/// Errors raised by the Insights workspace, each naming the file or item concerned.
public enum InsightsError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case definitionInvalid(file: String, item: String, reason: String)
    case fileMissing(source: String, path: String)
    case unreadable(source: String, path: String, reason: String)
    case wrongHeader(source: String, column: Int, expected: String, found: String)
    case badValue(source: String, row: Int, column: String, value: String, expectedType: String)
    case badRow(source: String, row: Int, reason: String)
    case emptySource(source: String)
    case queryFailed(source: String, reason: String)
    case unknownSource(String)
    case unknownSegment(String)
    case workspaceMissing(path: String)
    /// The workspace has no demo feed to switch.
    case noDemoFeed
    /// An entity read named no public entity.
    case unknownEntity(String, available: [String])
    /// An entity read named a field the entity does not have.
    case unknownField(entity: String, field: String, available: [String])
    /// An entity filter (`$filter`) that cannot be read.
    case badFilter(String)
    /// No item with this key in the entity.
    case itemNotFound(entity: String, key: String)
    /// A write to an entity that flows may only read (segment memberships and measure values are computed).
    case readOnlyEntity(entity: String, reason: String)
    /// A Create item whose key is already taken.
    case itemExists(entity: String, key: String)
    /// A Create item or Update item whose fields cannot be written, with the fix.
    case badItem(entity: String, reason: String)

    public var description: String {
        switch self {
        case let .definitionInvalid(file, item, reason):
            "\(file): \(item): \(reason)"
        case let .fileMissing(source, path):
            "source '\(source)': file missing: \(path)"
        case let .unreadable(source, path, reason):
            "source '\(source)': file unreadable: \(path): \(reason)"
        case let .wrongHeader(source, column, expected, found):
            "source '\(source)': wrong header at column \(column): expected '\(expected)', found '\(found)'"
        case let .badValue(source, row, column, value, expectedType):
            "source '\(source)': row \(row), column '\(column)': '\(value)' is not a valid \(expectedType)"
        case let .badRow(source, row, reason):
            "source '\(source)': row \(row): \(reason)"
        case let .emptySource(source):
            "source '\(source)': no rows, but rows are required"
        case let .queryFailed(source, reason):
            "source '\(source)': query failed: \(reason)"
        case let .unknownSource(name):
            "unknown data source '\(name)'"
        case let .unknownSegment(name):
            "unknown segment '\(name)'"
        case let .workspaceMissing(path):
            "no workspace at \(path) (run `insightflow init`)"
        case .noDemoFeed:
            "this workspace has no demo feed (only the sample workspace has one)"
        case let .unknownEntity(name, available):
            "no entity '\(name)'; the entities are \(available.joined(separator: ", "))"
        case let .unknownField(entity, field, available):
            "entity '\(entity)' has no field '\(field)'; its fields are \(available.joined(separator: ", "))"
        case let .badFilter(reason):
            "bad filter: \(reason)"
        case let .itemNotFound(entity, key):
            "no item '\(key)' in \(entity)"
        case let .readOnlyEntity(entity, reason):
            "entity '\(entity)' cannot be written: \(reason)"
        case let .itemExists(entity, key):
            "entity '\(entity)' already has an item '\(key)'; use Update item to change it"
        case let .badItem(entity, reason):
            "cannot write to entity '\(entity)': \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
