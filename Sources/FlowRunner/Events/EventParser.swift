import FlowExpressions
import FlowModel
import OrderedCollections

/// Why an event body was refused, in words for the HTTP 400 answer and the CLI.
public struct EventParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads events from JSON: `{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "...", ...}}`.
public enum EventParser {
    /// Parses and validates an event body.
    public static func parse(_ bytes: [UInt8], origin: EventOrigin) throws(EventParseError) -> TriggerEvent {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes: bytes)
        } catch {
            throw EventParseError(message: "the body is not valid JSON: \(error.description)")
        }
        return try parse(document, origin: origin)
    }

    /// Validates an event document.
    public static func parse(_ document: JSONValue, origin: EventOrigin) throws(EventParseError) -> TriggerEvent {
        guard case .object(let members) = document else {
            throw EventParseError(message: "the body must be a JSON object {\"type\": ..., \"fields\": {...}}; found \(document.typeDescription)")
        }
        guard let typeText = members["type"]?.stringValue else {
            throw EventParseError(message: "missing \"type\"; use one of \(typeList)")
        }
        guard let type = EventType(caseInsensitive: typeText) else {
            throw EventParseError(message: "unknown event type '\(typeText)'; use one of \(typeList)")
        }
        let fieldsValue = members["fields"] ?? .object([:])
        guard case .object(let fields) = fieldsValue else {
            throw EventParseError(message: "\"fields\" must be an object; found \(fieldsValue.typeDescription)")
        }
        try validate(fields, for: type)
        return TriggerEvent(type: type, fields: fields, origin: origin)
    }

    static func validate(_ fields: OrderedDictionary<String, JSONValue>, for type: EventType) throws(EventParseError) {
        if let subject = type.subjectField {
            guard let value = fields[subject] else { throw EventParseError(message: "fields.\(subject) is required for \(type.rawValue)") }
            guard let text = value.stringValue, !text.isEmpty else {
                throw EventParseError(message: "fields.\(subject) must be a non-empty string; found \(value.typeDescription)")
            }
        }
        if let valueField = type.valueField {
            guard let value = fields[valueField] else { throw EventParseError(message: "fields.\(valueField) is required for \(type.rawValue)") }
            guard let number = value.doubleValue else { throw EventParseError(message: "fields.\(valueField) must be a number; found \(value.typeDescription)") }
            guard NumberBounds.contains(number) else {
                throw EventParseError(message: "fields.\(valueField) must be \(NumberBounds.phrase); found \(value.jsonText())")
            }
        }
    }

    static var typeList: String { EventType.allCases.map(\.rawValue).joined(separator: ", ") }
}
