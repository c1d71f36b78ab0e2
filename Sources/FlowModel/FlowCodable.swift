import FlowExpressions

extension Flow: Codable {
    /// Decodes a flow through its JSON value, with the same validation as flow files.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            self = try FlowDecoder.decodeFlow(value)
        } catch {
            throw FlowFileError(file: "<decoder>", path: error.pathText, message: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try FlowEncoder.encode(self).encode(to: encoder)
    }
}

extension Step: Codable {
    /// Decodes one step object (its name is not part of the object, so it is `Step`).
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        self = try Self.decodeSingle(value)
    }

    private static func decodeSingle(_ value: JSONValue) throws(FlowFileError) -> Step {
        let definition = try FlowCodec.decodeDefinition(.object(["actions": .object(["Step": value])]), file: "<decoder>")
        guard let step = definition.actions["Step"] else { throw FlowFileError(file: "<decoder>", path: "$", message: "not a step") }
        return step
    }

    public func encode(to encoder: any Encoder) throws {
        try FlowEncoder.encode(self).encode(to: encoder)
    }
}

extension Trigger: Codable {
    /// Decodes one trigger object (its name is not part of the object, so it is `Trigger`).
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        self = try Self.decodeSingle(value)
    }

    private static func decodeSingle(_ value: JSONValue) throws(FlowFileError) -> Trigger {
        let definition = try FlowCodec.decodeDefinition(.object(["triggers": .object(["Trigger": value])]), file: "<decoder>")
        guard let trigger = definition.triggers["Trigger"] else { throw FlowFileError(file: "<decoder>", path: "$", message: "not a trigger") }
        return trigger
    }

    public func encode(to encoder: any Encoder) throws {
        try FlowEncoder.encode(self).encode(to: encoder)
    }
}
