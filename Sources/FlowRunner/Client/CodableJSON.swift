import FlowExpressions
import Foundation

/// Moves Codable values (the workspace's schedule and refresh report) in and out of the route bodies.
enum CodableJSON {
    static func value(_ encodable: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try JSONValue.parse(bytes: [UInt8](try encoder.encode(encodable)))
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(value.jsonText().utf8))
    }
}
